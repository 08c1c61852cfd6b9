import { Card, Col, DatePicker, Row, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { DEMAND_CHANNELS } from '../../domain/demands/demand-vocabulary.js';
import { useDemandStats } from './demand-api.js';
import type { DemandChannel } from './demand-types.js';
import { formatRate } from './stats-format.js';
import { StatsTable } from './StatsTable.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the URL, or this month in the zone. */
function usePeriod(): [string, string, (from: string, to: string) => void] {
  const [params, setParams] = useSearchParams();
  const today = dayjs(todayInZone());
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  const set = (f: string, t: string) => setParams({ from: f, to: t });
  return valid ? [from, to, set] : [today.startOf('month').format('YYYY-MM-DD'), today.endOf('month').format('YYYY-MM-DD'), set];
}

/** 诉求统计: the period's headline numbers and the counts by category, department and channel. */
export function DemandStatsPage() {
  const { t } = useTranslation();
  const [from, to, setPeriod] = usePeriod();
  const stats = useDemandStats(from, to);
  const s = stats.data;
  const today = dayjs(todayInZone());
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('demands.stats.thisMonth'), value: [today.startOf('month'), today.endOf('month')] },
    { label: t('demands.stats.lastMonth'), value: [today.subtract(1, 'month').startOf('month'), today.subtract(1, 'month').endOf('month')] },
    { label: t('demands.stats.thisYear'), value: [today.startOf('year'), today.endOf('year')] },
  ];

  const headline: { key: string; value: number | string | undefined; danger?: boolean }[] = [
    { key: 'received', value: s?.received },
    { key: 'accepted', value: s?.accepted },
    { key: 'settled', value: s?.settled },
    { key: 'settledOnTime', value: s?.settledOnTime },
    { key: 'overdue', value: s?.overdue, danger: (s?.overdue ?? 0) > 0 },
    { key: 'onTimeRate', value: s ? formatRate(s.onTimeRate) : undefined },
    { key: 'satisfactionRate', value: s ? formatRate(s.satisfactionRate) : undefined },
  ];

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <PageHeader
        title={t('demands.stats.title')}
        extra={
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            presets={presets}
            onChange={(values) => {
              const [f, e] = values ?? [];
              if (f && e) setPeriod(f.format('YYYY-MM-DD'), e.format('YYYY-MM-DD'));
            }}
            data-testid="stats-period"
          />
        }
      />
      <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      <Card data-testid="stats-headline">
        <Row gutter={[16, 16]}>
          {headline.map((h) => (
            <Col key={h.key} xs={12} sm={8} lg={6} xl={3}>
              <Statistic
                title={t(`demands.stats.${h.key as 'received'}`)}
                value={h.value ?? '—'}
                loading={stats.isPending}
                styles={h.danger ? { content: { color: '#cf1322' } } : undefined}
              />
            </Col>
          ))}
        </Row>
        {s && (
          <Typography.Paragraph type="secondary" className="yq-stats-more">
            {t('demands.stats.more', { declined: s.declined, extended: s.extended, reopened: s.reopened, confirmedByDefault: s.confirmedByDefault })}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" className="yq-stats-note">
          {t('demands.stats.note')}
        </Typography.Text>
      </Card>
      <StatsTable title={t('demands.stats.byDepartment')} rows={s?.byDepartment} loading={stats.isFetching} testId="stats-by-department" />
      <StatsTable title={t('demands.stats.byCategory')} rows={s?.byCategory} loading={stats.isFetching} testId="stats-by-category" />
      <StatsTable
        title={t('demands.stats.byChannel')}
        rows={s?.byChannel.map((r) => ({ ...r, name: channelName(r.key, r.name, t) }))}
        loading={stats.isFetching}
        testId="stats-by-channel"
      />
    </Space>
  );
}

function channelName(key: string, name: string, t: TFunction): string {
  return (DEMAND_CHANNELS as readonly string[]).includes(key) ? t(`demands.channels.${key as DemandChannel}`) : name;
}
