import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiDownload } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useThemes } from '../enterprises/enterprise-api.js';
import { useVisitCounts, type VisitCountsResult } from './visit-views-api.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Category = VisitCountsResult['byCategory'][number];
type TileKey = 'visits' | 'enterpriseVisits' | 'distinctEnterprises' | 'demandsRaised' | 'settled' | 'settledOnTime';
const UNIT: Record<TileKey, 'visits' | 'enterpriseVisits' | 'distinctEnterprises' | 'demands'> = {
  visits: 'visits',
  enterpriseVisits: 'enterpriseVisits',
  distinctEnterprises: 'distinctEnterprises',
  demandsRaised: 'demands',
  settled: 'demands',
  settledOnTime: 'demands',
};

/** Period and theme in the URL; by default this year up to today. */
function useCountsQuery(today: string) {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  const themeId = params.get('themeId') || undefined;
  const query = valid ? { from, to, themeId } : { from: `${today.slice(0, 4)}-01-01`, to: today, themeId };
  const set = (patch: Partial<typeof query>) => {
    const next = { ...query, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  };
  return [query, set] as const;
}

/** 走访统计: visits, enterprise-visits and problems solved for a period and theme, the seed's sentence, and an Excel export. */
export function VisitCountsPage() {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const today = todayInZone();
  const [query, setQuery] = useCountsQuery(today);
  const counts = useVisitCounts(query);
  const themes = useThemes();
  const [exporting, setExporting] = useState(false);
  const c = counts.data;

  const day = dayjs(today);
  const quarterStart = day.month(Math.floor(day.month() / 3) * 3).startOf('month');
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('visitViews.presets.thisYear'), value: [day.startOf('year'), day] },
    { label: t('visitViews.presets.thisQuarter'), value: [quarterStart, day] },
    { label: t('visitViews.presets.thisMonth'), value: [day.startOf('month'), day] },
    { label: t('visitViews.presets.lastYear'), value: [day.subtract(1, 'year').startOf('year'), day.subtract(1, 'year').endOf('year')] },
  ];

  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/visits/counts.xlsx', query, t('visitViews.counts.exportFileName'));
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  const tiles: TileKey[] = ['visits', 'enterpriseVisits', 'distinctEnterprises', 'demandsRaised', 'settled', 'settledOnTime'];
  const num = (v: number) => <span className="yq-num">{v}</span>;

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <PageHeader
        title={t('visitViews.counts.title')}
        subTitle={t('visitViews.counts.subtitle')}
        extra={
          <>
            <DatePicker.RangePicker
              value={[dayjs(query.from), dayjs(query.to)]}
              allowClear={false}
              presets={presets}
              onChange={(values) => {
                const [f, e] = values ?? [];
                if (f && e) setQuery({ from: f.format('YYYY-MM-DD'), to: e.format('YYYY-MM-DD') });
              }}
              data-testid="counts-period"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('visitViews.counts.allThemes')}
              aria-label={t('visitViews.counts.theme')}
              style={{ width: 180 }}
              value={query.themeId}
              onChange={(v?: string) => setQuery({ themeId: v || undefined })}
              loading={themes.isPending}
              options={(themes.data?.items ?? []).map((th) => ({ value: th.id, label: th.name }))}
              data-testid="counts-theme"
            />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="counts-export">
              {t('visitViews.counts.export')}
            </Button>
          </>
        }
      />
      <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      <Card data-testid="counts-tiles">
        <Row gutter={[16, 16]}>
          {tiles.map((key) => (
            <Col key={key} xs={12} sm={8} lg={4}>
              <Statistic
                title={t(`visitViews.counts.tiles.${key}`)}
                value={c ? c[key] : '—'}
                suffix={c ? t(`visitViews.counts.units.${UNIT[key]}`) : undefined}
                loading={counts.isPending}
                data-testid={`counts-${key}`}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('visitViews.counts.sentence')} size="small" data-testid="counts-sentence">
        <Typography.Paragraph
          copyable={c ? { text: `${c.sentence}。`, tooltips: [t('visitViews.counts.copy'), t('visitViews.counts.copied')] } : false}
          style={{ fontSize: 16, marginBottom: 4 }}
        >
          {c ? `${c.sentence}。` : '—'}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('visitViews.counts.sentenceHelp')}
        </Typography.Text>
      </Card>
      <Card title={t('visitViews.counts.byCategory')} size="small" data-testid="counts-by-category">
        <Table<Category>
          size="small"
          rowKey="name"
          loading={counts.isFetching}
          dataSource={c?.byCategory}
          pagination={false}
          locale={{ emptyText: t('visitViews.counts.noCategories') }}
          columns={[
            { title: t('visitViews.counts.columns.name'), dataIndex: 'name', width: 220 },
            { title: t('visitViews.counts.columns.raised'), dataIndex: 'raised', align: 'right', render: num, sorter: (a, b) => a.raised - b.raised },
            { title: t('visitViews.counts.columns.settled'), dataIndex: 'settled', align: 'right', render: num, sorter: (a, b) => a.settled - b.settled },
            {
              title: t('visitViews.counts.columns.rate'),
              key: 'rate',
              align: 'right',
              render: (_: unknown, r) => <span className="yq-num">{r.raised === 0 ? '—' : `${Math.round((r.settled / r.raised) * 1000) / 10}%`}</span>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
