import { PlayCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CULTIVATION_SCHEMES, isCultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { formatDate, formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { useUrlFilters, type ListFilters } from '../app/url-filters.js';
import { CultivationRunProgress } from './CultivationRunProgress.js';
import { CultivationRunStartModal } from './CultivationRunStartModal.js';
import { CultivationSettingsPanel } from './CultivationSettingsPanel.js';
import { CultivationSchemeTag, RunStatusTag } from './cultivation-pipeline-tags.js';
import { isRunActive, useRun, useRuns, type CultivationScheme, type RunSummary } from './cultivation-runs-api.js';

type Filters = ListFilters & { scheme?: CultivationScheme };

function readFilters(params: URLSearchParams): Filters {
  const scheme = params.get('scheme') ?? '';
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('pageSize')) || 20,
    scheme: isCultivationScheme(scheme) ? scheme : undefined,
  };
}

/** The run just started, followed here until it is done (then its candidates are one click away). */
function StartedRunCard({ id, onHide }: { id: string; onHide: () => void }) {
  const { t } = useTranslation();
  const run = useRun(id);
  if (!run.data) return null;
  const r = run.data;
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <span>{t('cultivationPipeline.progress.title')}</span>
          <CultivationSchemeTag scheme={r.scheme} />
          <span className="yq-num">{r.evaluationOn}</span>
          {r.rulesVersion && <Typography.Text type="secondary">{r.rulesVersion}</Typography.Text>}
        </Space>
      }
      extra={
        <Space>
          {r.status === 'done' && (
            <Link to={`/cultivation/runs/${r.id}`} data-testid="run-open-started">
              {t('cultivationPipeline.progress.openRun')}
            </Link>
          )}
          {!isRunActive(r) && (
            <Button size="small" type="text" onClick={onHide}>
              {t('cultivationPipeline.progress.hide')}
            </Button>
          )}
        </Space>
      }
      data-testid="run-started-card"
    >
      <CultivationRunProgress run={r} />
    </Card>
  );
}

/** 批量评价: every run of the zone, starting one, and the zone's evaluation settings. */
export function CultivationRunsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canRun = hasAnyRole(me, 'industry', 'admin');
  const [filters, setFilters] = useUrlFilters(useCallback(readFilters, []));
  const runs = useRuns({ ...filters });
  const [starting, setStarting] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [started, setStarted] = useState<string | null>(null);

  const columns: ColumnsType<RunSummary> = [
    {
      title: t('cultivationPipeline.runs.columns.scheme'),
      dataIndex: 'scheme',
      width: 170,
      render: (s: CultivationScheme, r) => (
        <>
          <Link to={`/cultivation/runs/${r.id}`} data-testid="run-row-link">
            <CultivationSchemeTag scheme={s} />
          </Link>
          <div className="yq-muted" style={{ fontSize: 12, marginTop: 2 }}>
            {t(`cultivationPipeline.purposes.${r.purpose}`)}
          </div>
        </>
      ),
    },
    { title: t('cultivationPipeline.runs.columns.on'), dataIndex: 'evaluationOn', width: 110, render: (v: string) => <span className="yq-num yq-nowrap">{formatDate(v)}</span> },
    { title: t('cultivationPipeline.runs.columns.rules'), dataIndex: 'rulesVersion', width: 210, render: (v: string | null) => <span className="yq-nowrap">{v ?? '—'}</span> },
    {
      title: t('cultivationPipeline.runs.columns.status'),
      key: 'status',
      width: 200,
      render: (_, r) => (
        <Space size={8}>
          <RunStatusTag status={r.status} />
          {isRunActive(r) && <CultivationRunProgress run={r} compact />}
          {r.status === 'failed' && r.error && (
            <Tooltip title={r.error}>
              <Typography.Text type="danger" ellipsis style={{ maxWidth: 110 }}>
                {r.error}
              </Typography.Text>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('cultivationPipeline.runs.columns.counts'),
      key: 'counts',
      width: 200,
      render: (_, r) =>
        r.status === 'done' ? (
          <Tooltip title={t('cultivationPipeline.runs.countsTitle', { qualified: r.qualifiedCount, close: r.closeCount, far: r.farCount, incomplete: r.incompleteCount })}>
            <span className="yq-num" data-testid="run-counts">
              <span style={{ color: '#389e0d' }}>{r.qualifiedCount}</span> / <span style={{ color: '#d48806' }}>{r.closeCount}</span> / {r.farCount} / {r.incompleteCount}
            </span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('cultivationPipeline.runs.columns.startedBy'),
      key: 'started',
      width: 160,
      render: (_, r) => (
        <Tooltip title={r.finishedAt ? `${t('cultivationPipeline.runs.columns.finishedAt')}：${formatDateTime(r.finishedAt)}` : undefined}>
          <div>{r.startedByName ?? '—'}</div>
          <div className="yq-muted yq-num" style={{ fontSize: 12 }}>
            {formatDateTime(r.startedAt ?? r.createdAt)}
          </div>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, r) => <Link to={`/cultivation/runs/${r.id}`}>{t('cultivationPipeline.runs.open')}</Link>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="cultivation-runs">
      <PageHeader
        title={t('cultivationPipeline.runs.title')}
        subTitle={t('cultivationPipeline.runs.subtitle')}
        extra={
          <>
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="cultivation-settings-open">
              {t('cultivationPipeline.runs.settings')}
            </Button>
            {canRun && (
              <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setStarting(true)} data-testid="run-start">
                {t('cultivationPipeline.runs.start')}
              </Button>
            )}
          </>
        }
      />
      {started && <StartedRunCard id={started} onHide={() => setStarted(null)} />}
      <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
      <Card>
        <Space wrap className="yq-filter-bar" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('cultivationPipeline.allSchemes')}
            aria-label={t('cultivationPipeline.scheme')}
            value={filters.scheme}
            onChange={(scheme?: CultivationScheme) => setFilters({ scheme })}
            options={CULTIVATION_SCHEMES.map((s) => ({ value: s, label: t(`cultivationPipeline.schemes.${s}`) }))}
            data-testid="runs-scheme-filter"
          />
        </Space>
        <Table<RunSummary>
          rowKey="id"
          columns={columns}
          dataSource={runs.data?.items}
          loading={runs.isPending}
          locale={{ emptyText: canRun ? t('cultivationPipeline.runs.empty') : t('cultivationPipeline.runs.emptyReadOnly') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: runs.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters({ page, pageSize }),
          }}
        />
      </Card>
      <CultivationRunStartModal open={starting} onClose={() => setStarting(false)} onStarted={(run) => setStarted(run.id)} />
      <Drawer open={settingsOpen} onClose={() => setSettingsOpen(false)} size={760} title={t('cultivationPipeline.settings.title')} destroyOnHidden>
        <CultivationSettingsPanel onSaved={() => setSettingsOpen(false)} />
      </Drawer>
    </Space>
  );
}
