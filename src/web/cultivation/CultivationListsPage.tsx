import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CULTIVATION_SCHEMES, isCultivationScheme, type CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { formatDate, todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { useUrlFilters, type ListFilters } from '../app/url-filters.js';
import { CultivationCountsCard } from './CultivationCountsCard.js';
import { CultivationListFormModal } from './CultivationListFormModal.js';
import { validityState } from './cultivation-pipeline-format.js';
import { CultivationSchemeTag } from './cultivation-pipeline-tags.js';
import { useCultivationLists, type ListSummary } from './cultivation-lists-api.js';

type Filters = ListFilters & { scheme?: CultivationScheme; q?: string };

function readFilters(params: URLSearchParams): Filters {
  const scheme = params.get('scheme') ?? '';
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('pageSize')) || 20,
    scheme: isCultivationScheme(scheme) ? scheme : undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

/** 认定名单: the running count by tier, then the official lists with search and paging; the industry officer records a new one here. */
export function CultivationListsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canEdit = hasAnyRole(me, 'industry', 'admin');
  const [filters, setFilters] = useUrlFilters(useCallback(readFilters, []));
  const lists = useCultivationLists({ ...filters });
  const [search, setSearch] = useState(filters.q ?? '');
  const [creating, setCreating] = useState(false);
  const today = todayInZone();

  const columns: ColumnsType<ListSummary> = [
    {
      title: t('cultivationPipeline.lists.columns.name'),
      dataIndex: 'name',
      width: 300,
      ellipsis: { showTitle: true },
      render: (name: string, l) => (
        <Link to={`/cultivation/lists/${l.id}`} data-testid="list-row-link">
          {name}
        </Link>
      ),
    },
    { title: t('cultivationPipeline.lists.columns.scheme'), dataIndex: 'scheme', width: 110, render: (s: CultivationScheme) => <CultivationSchemeTag scheme={s} short /> },
    { title: t('cultivationPipeline.lists.columns.issuer'), dataIndex: 'issuer', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('cultivationPipeline.lists.columns.documentNo'), dataIndex: 'documentNo', width: 200, render: (v: string | null) => <span className="yq-nowrap">{v ?? '—'}</span> },
    { title: t('cultivationPipeline.lists.columns.publishedOn'), dataIndex: 'publishedOn', width: 105, render: (v: string) => <span className="yq-num">{formatDate(v)}</span> },
    {
      title: t('cultivationPipeline.lists.columns.validUntil'),
      dataIndex: 'validUntil',
      width: 105,
      render: (v: string) => {
        const state = validityState(v, today);
        return (
          <span className="yq-num" style={state === 'expired' ? { color: '#8c8c8c' } : state === 'expiring' ? { color: '#d48806' } : undefined}>
            {formatDate(v)}
          </span>
        );
      },
    },
    { title: t('cultivationPipeline.lists.columns.entries'), dataIndex: 'entryCount', width: 80, align: 'right', render: (v: number) => <span className="yq-num">{v}</span> },
  ];

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="cultivation-lists">
      <PageHeader
        title={t('cultivationPipeline.lists.title')}
        subTitle={t('cultivationPipeline.lists.subtitle')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="list-create">
              {t('cultivationPipeline.lists.create')}
            </Button>
          )
        }
      />
      <CultivationCountsCard />
      <QueryError error={lists.error} onRetry={() => void lists.refetch()} />
      <Card>
        <Space wrap className="yq-filter-bar" style={{ marginBottom: 12 }}>
          <Segmented<CultivationScheme | 'all'>
            value={filters.scheme ?? 'all'}
            onChange={(v) => setFilters({ scheme: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('cultivationPipeline.allSchemes') },
              ...CULTIVATION_SCHEMES.map((s) => ({ value: s, label: t(`cultivationPipeline.schemes.${s}`) })),
            ]}
            data-testid="lists-scheme-filter"
          />
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('cultivationPipeline.lists.search')}
            aria-label={t('cultivationPipeline.lists.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (e.target.value === '' && filters.q) setFilters({ q: undefined });
            }}
            onSearch={(v) => setFilters({ q: v.trim() || undefined })}
            data-testid="lists-search"
          />
        </Space>
        <Table<ListSummary>
          rowKey="id"
          columns={columns}
          dataSource={lists.data?.items}
          loading={lists.isFetching}
          locale={{ emptyText: t('cultivationPipeline.lists.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: lists.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters({ page, pageSize }),
          }}
          data-testid="lists-table"
        />
      </Card>
      <CultivationListFormModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
