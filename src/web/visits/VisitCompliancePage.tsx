import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Card, DatePicker, Empty, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { addDays, isoWeekOf } from './visit-week.js';
import { useVisitCompliance, type LeaderCompliance, type WeekCompliance } from './visit-views-api.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Status = WeekCompliance['status'];

/** Cell colours: met green, missed red, pending blue, exempt grey. */
const TONES: Record<Status, { background: string; border: string; color: string }> = {
  met: { background: '#f6ffed', border: '#b7eb8f', color: '#389e0d' },
  missed: { background: '#fff1f0', border: '#ffa39e', color: '#cf1322' },
  pending: { background: '#e6f4ff', border: '#91caff', color: '#0958d9' },
  exempt: { background: '#fafafa', border: '#d9d9d9', color: 'rgba(0, 0, 0, 0.45)' },
};
const STATUSES: Status[] = ['met', 'missed', 'pending', 'exempt'];
const WEEK_WIDTH = 62;

/** The 12 weeks before this one, this week and the next two. */
function defaultPeriod(today: string): [string, string] {
  const week = isoWeekOf(today);
  return [addDays(week.monday, -12 * 7), addDays(week.sunday, 2 * 7)];
}

/** The period in the URL (`?from&to`), or the default one. */
function usePeriod(today: string): [string, string, (from: string, to: string) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const set = (f: string, t: string) => setParams({ from: f, to: t });
  if (DATE.test(from) && DATE.test(to) && from <= to) return [from, to, set];
  const [f, t] = defaultPeriod(today);
  return [f, t, set];
}

/** Weeks met, and weeks that count (over with a working day, or met anyway). */
function summaryOf(leader: LeaderCompliance): { met: number; due: number } {
  const met = leader.weeks.filter((w) => w.status === 'met').length;
  return { met, due: met + leader.weeks.filter((w) => w.status === 'missed').length };
}

/** 领导走访履职: leaders × ISO weeks, each cell a week's half-days done / planned, coloured by how the week stands. */
export function VisitCompliancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = todayInZone();
  const [from, to, setPeriod] = usePeriod(today);
  const compliance = useVisitCompliance(from, to);
  const leaders = compliance.data?.leaders;
  const weeks = leaders?.[0]?.weeks ?? [];

  const day = dayjs(today);
  const [recentFrom, recentTo] = defaultPeriod(today);
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('visitViews.presets.recentWeeks'), value: [dayjs(recentFrom), dayjs(recentTo)] },
    { label: t('visitViews.presets.thisMonth'), value: [day.startOf('month'), day.endOf('month')] },
    { label: t('visitViews.presets.thisYear'), value: [day.startOf('year'), day.endOf('year')] },
    { label: t('visitViews.presets.lastYear'), value: [day.subtract(1, 'year').startOf('year'), day.subtract(1, 'year').endOf('year')] },
  ];

  const cell = (w: WeekCompliance | undefined) => {
    if (!w) return null;
    const tone = TONES[w.status];
    const status = t(`visitViews.compliance.statuses.${w.status}`);
    return (
      <Tooltip title={t('visitViews.compliance.cellTitle', { week: w.week, monday: w.monday, status, planned: w.planned, done: w.done })}>
        <div
          className="yq-num"
          data-testid={`compliance-cell-${w.week}`}
          data-status={w.status}
          aria-label={`${w.week} ${status}`}
          style={{
            background: tone.background,
            border: `1px solid ${tone.border}`,
            color: tone.color,
            borderRadius: 4,
            padding: '4px 0',
            textAlign: 'center',
            lineHeight: 1.3,
          }}
        >
          <div style={{ fontWeight: 600 }}>{t('visitViews.compliance.cell', { done: w.done, planned: w.planned })}</div>
          <div style={{ fontSize: 11 }}>{status}</div>
        </div>
      </Tooltip>
    );
  };

  const columns: TableProps<LeaderCompliance>['columns'] = [
    { key: 'leader', title: t('visitViews.compliance.leader'), dataIndex: 'leaderName', fixed: 'left', width: 96, render: (v: string) => <span className="yq-nowrap">{v}</span> },
    {
      key: 'summary',
      title: (
        <Tooltip title={t('visitViews.compliance.summaryHelp')}>
          <span className="yq-nowrap">
            {t('visitViews.compliance.summary')} <QuestionCircleOutlined />
          </span>
        </Tooltip>
      ),
      fixed: 'left',
      width: 104,
      align: 'center',
      render: (_: unknown, l) => {
        const s = summaryOf(l);
        return (
          <span className="yq-num" data-testid="compliance-summary" style={{ color: s.met < s.due ? '#cf1322' : undefined, fontWeight: 600 }}>
            {s.met} / {s.due}
          </span>
        );
      },
    },
    ...weeks.map((w, i) => ({
      key: w.week,
      title: (
        <div className="yq-nowrap" style={{ textAlign: 'center', lineHeight: 1.2, fontWeight: w.monday === isoWeekOf(today).monday ? 700 : undefined }}>
          <div>{w.week.slice(5)}</div>
          <div className="yq-muted" style={{ fontSize: 11, fontWeight: 400 }}>
            {w.monday.slice(5)}
          </div>
        </div>
      ),
      width: WEEK_WIDTH,
      render: (_: unknown, l: LeaderCompliance) => cell(l.weeks[i]),
    })),
  ];

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <PageHeader
        title={t('visitViews.compliance.title')}
        subTitle={t('visitViews.compliance.subtitle')}
        extra={
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            presets={presets}
            onChange={(values) => {
              const [f, e] = values ?? [];
              if (!f || !e) return;
              // The server answers at most two years at once.
              if (e.diff(f, 'year', true) > 2) {
                void message.warning(t('visitViews.compliance.rangeTooLong'));
                return;
              }
              setPeriod(f.format('YYYY-MM-DD'), e.format('YYYY-MM-DD'));
            }}
            aria-label={t('visitViews.compliance.period')}
            data-testid="compliance-period"
          />
        }
      />
      <QueryError error={compliance.error} onRetry={() => void compliance.refetch()} />
      <Card>
        <div className="yq-legend" style={{ marginBottom: 12 }} data-testid="compliance-legend">
          {STATUSES.map((s) => (
            <Tooltip key={s} title={t(`visitViews.compliance.statusHelp.${s}`)}>
              <span>
                <span className="yq-legend-swatch" style={{ background: TONES[s].background, borderColor: TONES[s].border }} />
                {t(`visitViews.compliance.statuses.${s}`)}
              </span>
            </Tooltip>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('visitViews.compliance.cellHelp')}
          </Typography.Text>
        </div>
        {leaders && leaders.length === 0 ? (
          <Alert type="info" showIcon title={t('visitViews.compliance.empty')} />
        ) : (
          <Table<LeaderCompliance>
            rowKey="leaderId"
            size="small"
            bordered
            loading={compliance.isFetching}
            columns={columns}
            dataSource={leaders}
            pagination={false}
            scroll={{ x: 200 + weeks.length * WEEK_WIDTH }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            data-testid="compliance-table"
          />
        )}
      </Card>
    </Space>
  );
}
