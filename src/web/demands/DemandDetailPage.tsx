import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSession } from '../app/session.js';
import { CountdownTag } from './CountdownTag.js';
import { DemandActionBar } from './DemandActionBar.js';
import { useDemand } from './demand-api.js';
import { DemandAttachmentsCard } from './DemandAttachmentsCard.js';
import { DemandConfirmationCard } from './DemandConfirmationCard.js';
import { DemandContentCard } from './DemandContentCard.js';
import { DemandExtensionsCard } from './DemandExtensionsCard.js';
import { DemandHandlingCard } from './DemandHandlingCard.js';
import { DemandMarkers } from './DemandMarkers.js';
import { DemandNotices } from './DemandNotices.js';
import { DemandRelationsCard } from './DemandRelationsCard.js';
import { DemandStatusTag } from './DemandStatusTag.js';
import { DemandTimeline } from './DemandTimeline.js';
import { ProvisionalTag } from './ProvisionalTag.js';

/** One demand's whole story on one page: what was asked, who handles it, the answer, the files, the timeline, and what the user may do now. */
export function DemandDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useDemand(id);

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = query.data;
  const home = me.roles.includes('enterprise') ? '/my-demands' : me.roles.includes('department') ? '/demands/queue' : '/demands';

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="demand-detail">
      <PageHeader
        title={
          <span>
            <span className="yq-num yq-demand-number">{d.number}</span> {d.title}
          </span>
        }
        tags={
          <Space size={4} wrap>
            <DemandStatusTag status={d.status} />
            <CountdownTag countdown={d.countdown} status={d.status} />
            {d.provisional && <ProvisionalTag />}
            <DemandMarkers demand={d} withConfirmedByDefault />
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === 'default' ? navigate(home) : navigate(-1))}>
            {t('common.back')}
          </Button>
        }
      />
      <DemandActionBar demand={d} />
      <DemandNotices demand={d} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} className="yq-block">
            <DemandContentCard demand={d} />
            <DemandHandlingCard demand={d} />
            <DemandConfirmationCard demand={d} />
            <DemandExtensionsCard extensions={d.extensions} />
            <DemandAttachmentsCard demand={d} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} className="yq-block">
            <DemandRelationsCard demand={d} />
            <Card title={t('demands.detail.timeline')}>
              <DemandTimeline events={d.timeline} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
