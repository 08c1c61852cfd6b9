import { ArrowLeftOutlined, ExportOutlined, FileExcelOutlined, FileWordOutlined, LockOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDateTime } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useZone } from '../zone/zone-api.js';
import { downloadBulletin, useBulletin, type BulletinDetail } from './bulletin-api.js';
import { formatMonth } from './bulletin-format.js';
import { BulletinActions } from './BulletinActions.js';
import { BulletinContentView } from './BulletinContentView.js';
import { BulletinEditor } from './BulletinEditor.js';
import { BulletinStatusTag } from './BulletinStatusTag.js';
import { WechatPanel } from './WechatPanel.js';

/**
 * One bulletin as the administration works on it: the lifecycle actions the server allows, the
 * downloads, the draft's editor, review notes and corrections, the WeChat publication, and the
 * content exactly as the public will read it.
 */
export function BulletinPage() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useBulletin(id);
  const [dirty, setDirty] = useState(false);

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  const b = query.data;
  const month = formatMonth(b.month, lang);

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="bulletin-page">
      <PageHeader
        title={
          <span data-testid="bulletin-heading">
            {month} · {t('bulletins.version', { version: b.version })}
          </span>
        }
        tags={<BulletinStatusTag status={b.status} />}
        subTitle={b.title}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === 'default' ? navigate('/bulletins') : navigate(-1))}>
              {t('common.back')}
            </Button>
            <Downloads bulletin={b} />
            <BulletinActions bulletin={b} dirty={dirty} />
          </>
        }
      />
      <Notices bulletin={b} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} className="yq-block">
            {b.can.edit && <BulletinEditor bulletin={b} onDirtyChange={setDirty} />}
            <BulletinContentView content={b.content} linkDemands />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} className="yq-block">
            <ProcessCard bulletin={b} />
            <WechatPanel bulletin={b} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Downloads({ bulletin: b }: { bulletin: BulletinDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);
  const download = async (kind: 'docx' | 'xlsx') => {
    setBusy(kind);
    try {
      await downloadBulletin(b.id, kind, t(`bulletins.files.${kind}`, { month: b.month }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void download('docx')} data-testid="bulletin-download-docx">
        {t('bulletins.detail.downloadWord')}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')} data-testid="bulletin-download-xlsx">
        {t('bulletins.detail.downloadExcel')}
      </Button>
    </>
  );
}

/** What the reader must know first: returned by the reviewer, or corrected since by a new version. */
function Notices({ bulletin: b }: { bulletin: BulletinDetail }) {
  const { t } = useTranslation();
  const notices = [];
  if (b.reviewNote && b.status === 'draft')
    notices.push(
      <Alert
        key="returned"
        type="warning"
        showIcon
        data-testid="bulletin-returned"
        title={t('bulletins.detail.returned')}
        description={t('bulletins.detail.returnedText', { note: b.reviewNote })}
      />,
    );
  if (b.supersededById)
    notices.push(
      <Alert
        key="superseded"
        type="warning"
        showIcon
        data-testid="bulletin-superseded"
        title={t('bulletins.detail.superseded')}
        description={t('bulletins.detail.supersededText')}
        action={
          <Link to={`/bulletins/${b.supersededById}`} data-testid="bulletin-view-new">
            <Button size="small">{t('bulletins.detail.viewNew')}</Button>
          </Link>
        }
      />,
    );
  return notices.length ? <>{notices}</> : null;
}

function ProcessCard({ bulletin: b }: { bulletin: BulletinDetail }) {
  const { t } = useTranslation();
  const live = !b.frozen;
  // The public pages find the zone by its code (?zone=); the session carries only the zone's id.
  const zoneCode = useZone().data?.code;
  const publicHref = `/public/bulletins/${b.id}${zoneCode ? `?zone=${encodeURIComponent(zoneCode)}` : ''}`;
  return (
    <Card title={t('bulletins.detail.process')} data-testid="bulletin-process">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'createdBy', label: t('bulletins.detail.createdBy'), children: b.createdByName ?? '—' },
          { key: 'submittedAt', label: t('bulletins.detail.submittedAt'), children: formatDateTime(b.submittedAt) },
          { key: 'approvedBy', label: t('bulletins.detail.approvedBy'), children: b.approvedByName ?? '—' },
          { key: 'approvedAt', label: t('bulletins.detail.approvedAt'), children: formatDateTime(b.approvedAt) },
          { key: 'publishedBy', label: t('bulletins.detail.publishedBy'), children: b.publishedByName ?? '—' },
          { key: 'publishedAt', label: t('bulletins.detail.publishedAt'), children: formatDateTime(b.publishedAt) },
          ...(b.correctionReason
            ? [
                {
                  key: 'correction',
                  label: t('bulletins.detail.correction'),
                  children: (
                    <span data-testid="bulletin-correction-reason">
                      {b.correctionReason}
                      {b.supersedesId && (
                        <>
                          {' '}
                          <Link to={`/bulletins/${b.supersedesId}`}>{t('bulletins.detail.viewPrevious')}</Link>
                        </>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Alert
        type={live ? 'info' : 'success'}
        icon={live ? <SyncOutlined /> : <LockOutlined />}
        showIcon
        style={{ marginTop: 12 }}
        title={live ? t('bulletins.detail.live') : t('bulletins.detail.frozen')}
      />
      {(b.status === 'published' || b.status === 'superseded') && (
        <a href={publicHref} target="_blank" rel="noreferrer" style={{ display: 'inline-block', marginTop: 12 }} data-testid="bulletin-public-page">
          <ExportOutlined /> {t('bulletins.detail.publicLink')}
        </a>
      )}
    </Card>
  );
}
