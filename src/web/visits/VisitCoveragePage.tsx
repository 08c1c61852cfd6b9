import { ClearOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../app/api.js';
import { formatDate } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useUrlFilters, type ListFilters } from '../app/url-filters.js';
import { useThemes } from '../enterprises/enterprise-api.js';
import { useCadres } from '../identity/identity-api.js';
import { useVisitCoverage, type CoverageItem } from './visit-views-api.js';

const STATES = ['never', 'recent', 'due'] as const;
const SORTS = ['lastVisitOn', 'name', 'visits'] as const;
type State = (typeof STATES)[number];
type Sort = (typeof SORTS)[number];

/** The coverage filters exactly as they appear in the URL. */
type CoverageFilters = ListFilters & {
  q?: string;
  themeId?: string;
  scale?: 'above' | 'below';
  startup?: 'true';
  cadreId?: string;
  state?: State;
  sort?: Sort;
};

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function readFilters(params: URLSearchParams): CoverageFilters {
  const f: CoverageFilters = { page: positive(params.get('page'), 1, 100_000), pageSize: positive(params.get('pageSize'), 20, 200) };
  for (const key of ['q', 'themeId', 'cadreId'] as const) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  const scale = params.get('scale');
  if (scale === 'above' || scale === 'below') f.scale = scale;
  if (params.get('startup') === 'true') f.startup = 'true';
  const state = params.get('state');
  if ((STATES as readonly string[]).includes(state ?? '')) f.state = state as State;
  const sort = params.get('sort');
  if ((SORTS as readonly string[]).includes(sort ?? '')) f.sort = sort as Sort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

function toApiQuery(f: CoverageFilters): QueryParams {
  return {
    q: f.q,
    themeId: f.themeId,
    aboveScale: f.scale === 'above' ? true : f.scale === 'below' ? false : undefined,
    startup: f.startup === 'true' ? true : undefined,
    cadreId: f.cadreId,
    state: f.state,
    sort: f.sort,
    order: f.order,
    page: f.page,
    pageSize: f.pageSize,
  };
}

const hasFilters = (f: CoverageFilters) => Boolean(f.q || f.themeId || f.scale || f.startup || f.cadreId || f.state);

/** 企业走访覆盖: the zone's enterprises by last visit, so that none is forgotten and none is visited too often (无事不扰). */
export function VisitCoveragePage() {
  const { t } = useTranslation();
  const [filters, update, clear] = useUrlFilters(readFilters);
  const coverage = useVisitCoverage(toApiQuery(filters));
  const themes = useThemes();
  const cadres = useCadres();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const minWeeks = coverage.data?.minWeeks ?? 0;

  const sort = filters.sort ?? 'lastVisitOn';
  const order = filters.sort ? (filters.order ?? 'asc') : 'asc';
  const sortOrder = (key: Sort) => (sort === key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null);

  const columns: TableProps<CoverageItem>['columns'] = [
    {
      key: 'name',
      title: t('visitViews.coverage.columns.name'),
      dataIndex: 'name',
      width: 280,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link>
          {r.aboveScale && <Tag>{t('visitViews.coverage.aboveScaleTag')}</Tag>}
          {r.lastVisitOn === null && (
            <Tag color="orange" data-testid="coverage-never">
              {t('visitViews.coverage.neverTag')}
            </Tag>
          )}
          {r.tooSoon && (
            <Tooltip title={t('visitViews.coverage.tooSoonHelp', { weeks: minWeeks })}>
              <Tag color="blue" data-testid="coverage-too-soon">
                {t('visitViews.coverage.tooSoonTag')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'lastVisitOn',
      title: t('visitViews.coverage.columns.lastVisitOn'),
      dataIndex: 'lastVisitOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('lastVisitOn'),
      render: (v: string | null) => <span className="yq-num yq-nowrap">{formatDate(v)}</span>,
    },
    {
      key: 'weeksSince',
      title: t('visitViews.coverage.columns.weeksSince'),
      dataIndex: 'weeksSince',
      width: 90,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : <span className="yq-num yq-nowrap">{t('visitViews.coverage.weeks', { n: v })}</span>),
    },
    {
      key: 'visits',
      title: t('visitViews.coverage.columns.visitsLastYear'),
      dataIndex: 'visitsLastYear',
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('visits'),
      render: (v: number) => <span className="yq-num">{t('visitViews.coverage.times', { n: v })}</span>,
    },
    {
      key: 'nextVisitOn',
      title: t('visitViews.coverage.columns.nextVisitOn'),
      dataIndex: 'nextVisitOn',
      width: 120,
      render: (v: string | null) => <span className="yq-num yq-nowrap">{formatDate(v)}</span>,
    },
    {
      key: 'cadre',
      title: t('visitViews.coverage.columns.cadre'),
      dataIndex: 'cadreName',
      width: 110,
      render: (v: string | null) => v ?? <span className="yq-muted">{t('visitViews.coverage.noCadre')}</span>,
    },
    {
      key: 'themes',
      title: t('visitViews.coverage.columns.themes'),
      dataIndex: 'themes',
      width: 220,
      render: (v: string[]) => (
        <Space size={[0, 4]} wrap>
          {v.map((name) => (
            <Tag key={name}>{name}</Tag>
          ))}
        </Space>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  const onTableChange: TableProps<CoverageItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CoverageItem> | undefined;
      const key = s?.order ? (s.columnKey as Sort) : undefined;
      update({ sort: key, order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
  };

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <PageHeader
        title={t('visitViews.coverage.title')}
        subTitle={minWeeks > 0 ? t('visitViews.coverage.subtitle', { weeks: minWeeks }) : t('visitViews.coverage.subtitleNoMin')}
      />
      <Card>
        <div className="yq-toolbar" data-testid="coverage-filters">
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            placeholder={t('visitViews.coverage.searchPlaceholder')}
            style={{ width: 260 }}
            enterButton
            data-testid="coverage-search"
          />
          <Select
            allowClear
            placeholder={t('visitViews.coverage.state')}
            style={{ width: 150 }}
            value={filters.state}
            onChange={(v?: State) => update({ state: v })}
            options={STATES.map((s) => ({ value: s, label: t(`visitViews.coverage.states.${s}`) }))}
            data-testid="coverage-state"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('visitViews.coverage.theme')}
            style={{ width: 170 }}
            value={filters.themeId}
            onChange={(v?: string) => update({ themeId: v || undefined })}
            loading={themes.isPending}
            options={(themes.data?.items ?? []).map((th) => ({ value: th.id, label: th.name }))}
          />
          <Select
            allowClear
            placeholder={t('visitViews.coverage.scale')}
            style={{ width: 130 }}
            value={filters.scale}
            onChange={(v?: 'above' | 'below') => update({ scale: v })}
            options={(['above', 'below'] as const).map((s) => ({ value: s, label: t(`visitViews.coverage.scales.${s}`) }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('visitViews.coverage.cadre')}
            style={{ width: 150 }}
            value={filters.cadreId}
            onChange={(v?: string) => update({ cadreId: v || undefined })}
            loading={cadres.isPending}
            options={(cadres.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
          <Tag.CheckableTag checked={filters.startup === 'true'} onChange={(on) => update({ startup: on ? 'true' : undefined })} data-testid="coverage-startup">
            {t('visitViews.coverage.startup')}
          </Tag.CheckableTag>
          {hasFilters(filters) && (
            <Button size="small" icon={<ClearOutlined />} onClick={clear}>
              {t('visitViews.coverage.clearFilters')}
            </Button>
          )}
        </div>
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
        <Table<CoverageItem>
          rowKey="enterpriseId"
          size="middle"
          columns={columns}
          dataSource={coverage.data?.items}
          loading={coverage.isFetching}
          onChange={onTableChange}
          scroll={{ x: width }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: coverage.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => <Typography.Text type="secondary">{t('visitViews.coverage.total', { n })}</Typography.Text>,
          }}
          data-testid="coverage-table"
        />
      </Card>
    </Space>
  );
}
