import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined, FileTextOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { formatDateTime, todayInZone } from '../app/format.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSignOffVisit, useVisit, type VisitDetail } from './visit-api.js';
import { isSettledDemand, raisedDemandIds } from './visit-demands.js';
import { visitErrorText } from './visit-errors.js';
import { isoWeekOf } from './visit-week.js';
import { VisitCancelModal } from './VisitCancelModal.js';
import { VisitDemandsPanel } from './VisitDemandsPanel.js';
import { VisitFactsCard } from './VisitFactsCard.js';
import { VisitGatherPanel } from './VisitGatherPanel.js';
import { VisitIssuesPanel } from './VisitIssuesPanel.js';
import { VisitPhotosPanel } from './VisitPhotosPanel.js';
import { VisitPlanForm } from './VisitPlanForm.js';
import { VisitRecordPanel } from './VisitRecordPanel.js';
import { VisitStatusTag } from './VisitStatusTag.js';
import './visits.css';

const TABS = ['gather', 'record', 'issues', 'demands', 'photos'] as const;
type Tab = (typeof TABS)[number];

/** Before the visit the demands are gathered; on the day the record is kept; after it the demands are followed. */
function defaultTab(v: VisitDetail, today: string): Tab {
  if (v.status === 'planned') return v.visitOn > today ? 'gather' : 'record';
  return v.demands.length > 0 ? 'demands' : 'record';
}

/** One visit: its plan, 问需于企 before it, the on-site office (现场办公) on the day, and the demands it raised until settled. */
export function VisitDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const query = useVisit(id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const v = query.data;
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : defaultTab(v, todayInZone());
  const settled = v.demands.filter((d) => isSettledDemand(d.status)).length;

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="visit-detail">
      <PageHeader
        title={
          <span>
            <span className="yq-num">{v.number}</span> {t('visits.detail.title', { date: v.visitOn, halfDay: t(`visits.halfDays.${v.halfDay}`), leader: v.leader.name })}
          </span>
        }
        tags={<VisitStatusTag status={v.status} />}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === 'default' ? navigate(`/visits?week=${isoWeekOf(v.visitOn).week}`) : navigate(-1))}>
              {t('common.back')}
            </Button>
            <Link to={`/visits/${v.id}/brief`}>
              <Button icon={<FileTextOutlined />} data-testid="visit-brief-link">
                {t('visits.detail.brief')}
              </Button>
            </Link>
            {v.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="visit-edit">
                {t('visits.detail.edit')}
              </Button>
            )}
            {v.can.cancel && (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="visit-cancel">
                {t('visits.detail.cancel')}
              </Button>
            )}
            {v.can.signOff && <SignOffButton visit={v} />}
          </Space>
        }
      />
      {v.status === 'cancelled' && (
        <Alert type="info" showIcon title={t('visits.detail.cancelledAlert', { reason: v.cancelReason ?? t('common.none') })} />
      )}
      {v.status === 'done' && (
        <Alert
          type="success"
          showIcon
          title={t('visits.detail.doneAlert', { name: v.signedOffByName ?? t('common.none'), at: formatDateTime(v.signedOffAt) })}
          description={v.demands.length > 0 ? t('visits.tracking.summary', { n: v.demands.length, m: settled }) : undefined}
        />
      )}
      <VisitFactsCard visit={v} />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next, { replace: true });
        }}
        className="yq-visit-tabs"
        type="card"
        items={[
          { key: 'gather', label: t('visits.tabs.gather', { n: v.demands.length - raisedDemandIds(v).size }), children: <VisitGatherPanel visit={v} /> },
          { key: 'record', label: t('visits.tabs.record'), children: <VisitRecordPanel visit={v} /> },
          { key: 'issues', label: t('visits.tabs.issues', { n: v.issues.length }), children: <VisitIssuesPanel visit={v} /> },
          { key: 'demands', label: t('visits.tabs.demands', { n: v.demands.length, m: settled }), children: <VisitDemandsPanel visit={v} /> },
          { key: 'photos', label: t('visits.tabs.photos', { n: v.photos.length }), children: <VisitPhotosPanel visit={v} /> },
        ]}
      />
      {v.can.edit && <VisitPlanForm open={editing} visit={v} onClose={() => setEditing(false)} />}
      {v.can.cancel && <VisitCancelModal open={cancelling} visit={v} onClose={() => setCancelling(false)} />}
    </Space>
  );
}

function SignOffButton({ visit }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const signOff = useSignOffVisit(visit.id);
  const open = () =>
    modal.confirm({
      title: t('visits.detail.signOffTitle'),
      content: t('visits.detail.signOffText'),
      okText: t('visits.detail.signOff'),
      cancelText: t('common.cancel'),
      onOk: () =>
        signOff.mutateAsync(undefined).then(
          () => void message.success(t('visits.detail.signedOff')),
          (error: unknown) => void message.error(visitErrorText(error)),
        ),
    });
  return (
    <Button type="primary" icon={<CheckCircleOutlined />} onClick={open} loading={signOff.isPending} data-testid="visit-sign-off">
      {t('visits.detail.signOff')}
    </Button>
  );
}
