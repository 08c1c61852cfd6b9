import { ArrowLeftOutlined, DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Drawer, Empty, Input, Result, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import './cultivation-pipeline.css';
import { PIPELINE_BANDS } from '../../contracts/cultivation.js';
import { profileFieldLabel } from '../../domain/cultivation/profile-field-labels.js';
import { ApiError } from '../app/api.js';
import { Chart, type ChartPick } from '../app/Chart.js';
import { errorText, useApiErrorHandler } from '../app/errors.js';
import { formatDate, formatDateTime } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { useUrlFilters, type ListFilters } from '../app/url-filters.js';
import { CultivationRunEvaluation } from './CultivationRunEvaluation.js';
import { CultivationRunProgress } from './CultivationRunProgress.js';
import { pipelineOption } from './cultivation-pipeline-charts.js';
import { formatPoints, formatShortBy } from './cultivation-pipeline-format.js';
import { isScoreScheme } from './cultivation-pipeline-rules.js';
import { BAND_COLORS, CultivationSchemeTag, PipelineBandTag, RunStatusTag } from './cultivation-pipeline-tags.js';
import {
  countCloseNotNotified, downloadRunExport, isRunActive, useNotifyRun, useRun, useRunResult, useRunResults,
  type PipelineBand, type ResultItem, type RunSummary,
} from './cultivation-runs-api.js';

type Filters = ListFilters & { pipeline?: PipelineBand; q?: string };

function readFilters(params: URLSearchParams): Filters {
  const pipeline = params.get('pipeline') ?? '';
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('pageSize')) || 20,
    pipeline: (PIPELINE_BANDS as readonly string[]).includes(pipeline) ? (pipeline as PipelineBand) : undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

function countsOf(run: RunSummary): Record<PipelineBand, number> {
  return { qualified: run.qualifiedCount, close: run.closeCount, far: run.farCount, incomplete: run.incompleteCount };
}

/** The four bands as figures to click, and the ring beside them. */
function RunSummaryCards({ run, band, onBand }: { run: RunSummary; band?: PipelineBand; onBand: (band?: PipelineBand) => void }) {
  const { t } = useTranslation();
  const counts = useMemo(() => countsOf(run), [run]);
  const option = useMemo(() => pipelineOption(counts, t), [counts, t]);
  const onPick = useCallback(
    (pick: ChartPick) => {
      const picked = pick.index === null ? undefined : PIPELINE_BANDS[pick.index];
      if (picked) onBand(picked === band ? undefined : picked);
    },
    [band, onBand],
  );
  const score = isScoreScheme(run.scheme, run.rulesVersion, run.evaluationOn);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={t('cultivationPipeline.run.summary')}
          extra={<Typography.Text type="secondary">{t('cultivationPipeline.run.clickHint')}</Typography.Text>}
          style={{ height: '100%' }}
        >
          <Row gutter={[12, 12]}>
            {PIPELINE_BANDS.map((b) => (
              <Col key={b} xs={12} sm={6}>
                <Tooltip title={t(`cultivationPipeline.bandHelp.${b}`)}>
                  <button
                    type="button"
                    className="yq-cult-band"
                    aria-pressed={band === b}
                    onClick={() => onBand(band === b ? undefined : b)}
                    style={{ borderColor: band === b ? BAND_COLORS[b] : undefined }}
                    data-testid={`run-band-${b}`}
                  >
                    <Statistic
                      title={
                        <span>
                          <span className="yq-cult-dot" style={{ background: BAND_COLORS[b] }} />
                          {t(`cultivationPipeline.bands.${b}`)}
                        </span>
                      }
                      value={counts[b]}
                      suffix={<span style={{ fontSize: 14 }}>{t('cultivationPipeline.units.enterpriseUnit')}</span>}
                    />
                  </button>
                </Tooltip>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t(`cultivationPipeline.run.${score ? 'closeWithinPoints' : 'closeWithinConditions'}`, { n: run.closeWithin })}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('cultivationPipeline.run.chart')} style={{ height: '100%' }}>
          <Chart
            option={option}
            height={180}
            onPick={onPick}
            testId="run-pipeline-chart"
            label={t('cultivationPipeline.run.chartLabel', counts)}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** 候选企业: one run's pipeline with its figures, the table, the explained evaluation, the export and the notification of close enterprises. */
export function CultivationRunPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { message, modal } = App.useApp();
  const me = useSession();
  const canAct = hasAnyRole(me, 'industry', 'admin');
  const onError = useApiErrorHandler();
  const run = useRun(id);
  const r = run.data;
  const done = r?.status === 'done';
  const [filters, setFilters] = useUrlFilters(useCallback(readFilters, []));
  const results = useRunResults(id, { ...filters }, done);
  const [search, setSearch] = useState(filters.q ?? '');
  const [selected, setSelected] = useState<string[]>([]);
  const [opened, setOpened] = useState<ResultItem | null>(null);
  const detail = useRunResult(id, opened?.enterpriseId ?? null);
  const notify = useNotifyRun(id);
  const [exporting, setExporting] = useState(false);
  const [counting, setCounting] = useState(false);

  if (run.isPending) return <Skeleton active />;
  if (run.error || !r) {
    if (run.error instanceof ApiError && run.error.status === 404) {
      return <Result status="404" title={errorText(run.error)} extra={<Link to="/cultivation/runs">{t('cultivationPipeline.run.back')}</Link>} />;
    }
    return <QueryError error={run.error} onRetry={() => void run.refetch()} />;
  }

  const score = isScoreScheme(r.scheme, r.rulesVersion, r.evaluationOn);
  const schemeWord = t(`cultivationPipeline.schemes.${r.scheme}`);

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadRunExport(r.id, { pipeline: filters.pipeline, q: filters.q }, t('cultivationPipeline.run.exportFile', { scheme: schemeWord, on: r.evaluationOn }));
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  const confirmNotify = (picked: string[] | undefined, count: number, alreadyNotified: number) =>
    modal.confirm({
      title: t('cultivationPipeline.run.notifyTitle'),
      content: (
        <>
          <p data-testid="notify-confirm-text">
            {picked ? t('cultivationPipeline.run.notifyPicked', { count, scheme: schemeWord }) : t('cultivationPipeline.run.notifyAll', { count, scheme: schemeWord })}
          </p>
          {!picked && alreadyNotified > 0 && <Typography.Text type="secondary">{t('cultivationPipeline.run.notifySkipped', { count: alreadyNotified })}</Typography.Text>}
          {picked && <Typography.Text type="secondary">{t('cultivationPipeline.run.notifyAgain')}</Typography.Text>}
        </>
      ),
      okText: t('cultivationPipeline.run.notifyOk'),
      cancelText: t('common.cancel'),
      onOk: () =>
        notify.mutateAsync(picked).then(
          (res) => {
            void message.success(
              res.notified > 0
                ? t('cultivationPipeline.run.notified', { enterprises: res.enterprises, notified: res.notified })
                : t('cultivationPipeline.run.notifiedNoAccounts', { enterprises: res.enterprises }),
            );
            setSelected([]);
          },
          (error: unknown) => onError(error),
        ),
    });

  /** The selected rows, or every close enterprise not notified yet (counted first, for the confirmation). */
  const startNotify = async () => {
    if (selected.length > 0) {
      confirmNotify(selected, selected.length, 0);
      return;
    }
    setCounting(true);
    try {
      const { pending, notified } = await countCloseNotNotified(r.id);
      if (pending === 0) void message.info(t('cultivationPipeline.run.notifyAllDone', { count: notified }));
      else confirmNotify(undefined, pending, notified);
    } catch (error) {
      onError(error);
    } finally {
      setCounting(false);
    }
  };

  const totalColumn: ColumnsType<ResultItem>[number] = {
    title: t('cultivationPipeline.run.columns.total'),
    key: 'total',
    width: 90,
    align: 'right',
    render: (_, item) =>
      item.route === 'direct' ? (
        <Tag color="success">{t('cultivationPipeline.run.routeDirect')}</Tag>
      ) : (
        <span className="yq-num">{item.total === null ? '—' : formatPoints(item.total)}</span>
      ),
  };

  const columns: ColumnsType<ResultItem> = [
    {
      title: t('cultivationPipeline.run.columns.enterprise'),
      key: 'enterprise',
      width: 240,
      render: (_, item) => (
        <>
          <Typography.Link onClick={() => setOpened(item)} data-testid="result-open">
            {item.enterpriseName}
          </Typography.Link>
          <div className="yq-muted yq-num" style={{ fontSize: 12 }}>
            {item.uscc}
          </div>
        </>
      ),
    },
    { title: t('cultivationPipeline.run.columns.band'), dataIndex: 'pipeline', width: 100, render: (b: PipelineBand) => <PipelineBandTag band={b} /> },
    // A scheme of conditions only (2号, 小巨人) has no total of its own.
    ...(score ? [totalColumn] : []),
    {
      title: t('cultivationPipeline.run.columns.shortBy'),
      dataIndex: 'shortBy',
      width: 90,
      align: 'right',
      render: (v: number | null, item) => <span className="yq-num yq-nowrap">{item.qualified ? '—' : formatShortBy(v, score)}</span>,
    },
    {
      title: t('cultivationPipeline.run.columns.gaps'),
      dataIndex: 'gaps',
      render: (gaps: string[]) =>
        gaps.length === 0 ? (
          '—'
        ) : (
          <div className="yq-cult-gaps">
            {gaps.slice(0, 3).map((g) => (
              <div key={g}>{g}</div>
            ))}
            {gaps.length > 3 && <Typography.Text type="secondary">{t('cultivationPipeline.run.moreGaps', { count: gaps.length - 3 })}</Typography.Text>}
          </div>
        ),
    },
    {
      title: t('cultivationPipeline.run.columns.missing'),
      dataIndex: 'missing',
      width: 190,
      render: (missing: string[]) => {
        if (missing.length === 0) return '—';
        const words = missing.map((m) => profileFieldLabel(m)[lang]);
        return (
          <Tooltip title={words.join('、')}>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 170 }} data-testid="result-missing-cell">
              {t('cultivationPipeline.run.missingCount', { count: words.length, fields: words.join('、') })}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      title: t('cultivationPipeline.run.columns.notified'),
      dataIndex: 'notifiedAt',
      width: 110,
      render: (v: string | null) =>
        v ? (
          <Tooltip title={formatDateTime(v)}>
            <span className="yq-num yq-nowrap">{formatDate(v)}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('cultivationPipeline.run.columns.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, item) => <Typography.Link onClick={() => setOpened(item)}>{t('cultivationPipeline.run.explain')}</Typography.Link>,
    },
  ];

  const emptyText = !done
    ? t('cultivationPipeline.run.notReady')
    : filters.pipeline && !filters.q
      ? t('cultivationPipeline.run.emptyBand', { band: t(`cultivationPipeline.bands.${filters.pipeline}`) })
      : t('cultivationPipeline.run.empty');

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="cultivation-run">
      <Link to="/cultivation/runs" className="yq-muted">
        <ArrowLeftOutlined /> {t('cultivationPipeline.run.back')}
      </Link>
      <PageHeader
        title={t('cultivationPipeline.run.title', { scheme: schemeWord })}
        tags={
          <Space size={4}>
            <RunStatusTag status={r.status} />
            <Tag>{t(`cultivationPipeline.purposes.${r.purpose}`)}</Tag>
          </Space>
        }
        subTitle={
          <span data-testid="run-rules">{t('cultivationPipeline.run.subtitle', { on: r.evaluationOn, rules: r.rulesVersion ?? '—' })}</span>
        }
        extra={
          done && (
            <>
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="run-export">
                {t('cultivationPipeline.run.export')}
              </Button>
              {canAct && (
                <Tooltip title={r.closeCount === 0 ? t('cultivationPipeline.run.notifyNone') : undefined}>
                  <Button
                    type="primary"
                    icon={<NotificationOutlined />}
                    disabled={r.closeCount === 0}
                    loading={notify.isPending || counting}
                    onClick={() => void startNotify()}
                    data-testid="run-notify"
                  >
                    {selected.length > 0 ? t('cultivationPipeline.run.notifySelected', { count: selected.length }) : t('cultivationPipeline.run.notify')}
                  </Button>
                </Tooltip>
              )}
            </>
          )
        }
      />
      {r.startedByName && (
        <Typography.Text type="secondary" style={{ marginTop: -8 }}>
          {t('cultivationPipeline.run.startedBy', { name: r.startedByName, at: formatDateTime(r.startedAt ?? r.createdAt) })}
          {r.finishedAt && `，${t('cultivationPipeline.run.finishedAt', { at: formatDateTime(r.finishedAt) })}`}
        </Typography.Text>
      )}
      {(isRunActive(r) || r.status === 'failed') && (
        <Card size="small" title={t('cultivationPipeline.progress.title')}>
          <CultivationRunProgress run={r} />
        </Card>
      )}
      {done && <RunSummaryCards run={r} band={filters.pipeline} onBand={(pipeline) => setFilters({ pipeline })} />}
      {done && (
        <Card title={t('cultivationPipeline.run.pipeline')} size="small">
          <Space wrap className="yq-filter-bar" style={{ marginBottom: 12 }}>
            <Segmented<PipelineBand | 'all'>
              value={filters.pipeline ?? 'all'}
              onChange={(v) => setFilters({ pipeline: v === 'all' ? undefined : v })}
              options={[
                { value: 'all', label: t('cultivationPipeline.run.allBands') },
                ...PIPELINE_BANDS.map((b) => ({ value: b, label: `${t(`cultivationPipeline.bands.${b}`)} ${countsOf(r)[b]}` })),
              ]}
              data-testid="run-band-filter"
            />
            <Input.Search
              allowClear
              style={{ width: 280 }}
              placeholder={t('cultivationPipeline.run.search')}
              aria-label={t('cultivationPipeline.run.search')}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                if (e.target.value === '' && filters.q) setFilters({ q: undefined });
              }}
              onSearch={(v) => setFilters({ q: v.trim() || undefined })}
              data-testid="run-search"
            />
            {canAct && selected.length > 0 && <Typography.Text type="secondary">{t('cultivationPipeline.run.selectHint')}</Typography.Text>}
          </Space>
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
          <Table<ResultItem>
            rowKey="enterpriseId"
            size="middle"
            columns={columns}
            dataSource={results.data?.items}
            loading={results.isFetching}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
            scroll={{ x: 'max-content' }}
            rowSelection={
              canAct
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (item) => ({ disabled: item.pipeline !== 'close', title: item.pipeline !== 'close' ? t('cultivationPipeline.run.selectHint') : undefined }),
                  }
                : undefined
            }
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: results.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setFilters({ page, pageSize }),
            }}
            data-testid="run-results"
          />
        </Card>
      )}
      {r.status === 'failed' && <Alert type="info" showIcon title={t('cultivationPipeline.run.notReady')} />}
      <Drawer
        open={opened !== null}
        onClose={() => setOpened(null)}
        size={760}
        title={
          opened && (
            <Space size={8} wrap>
              <span>{opened.enterpriseName}</span>
              <PipelineBandTag band={opened.pipeline} />
              <CultivationSchemeTag scheme={r.scheme} short />
            </Space>
          )
        }
        extra={opened && <Link to={`/enterprises/${opened.enterpriseId}`}>{t('cultivationPipeline.result.openEnterprise')}</Link>}
        data-testid="run-result-drawer"
      >
        {detail.isPending && <Skeleton active />}
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        {detail.data && <CultivationRunEvaluation detail={detail.data} />}
      </Drawer>
    </Space>
  );
}
