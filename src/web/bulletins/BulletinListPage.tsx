import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BULLETIN_STATUSES } from '../../contracts/bulletins.js';
import { formatDateTime, todayInZone } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { useUrlFilters, type ListFilters } from '../app/url-filters.js';
import { useBulletinList, type BulletinStatus, type BulletinSummary } from './bulletin-api.js';
import { formatMonth } from './bulletin-format.js';
import { BulletinStatusTag } from './BulletinStatusTag.js';
import { CreateBulletinModal } from './CreateBulletinModal.js';

type Filters = ListFilters & { year?: number; status?: BulletinStatus };

const FIRST_YEAR = 2020;

function readFilters(params: URLSearchParams): Filters {
  const year = Number(params.get('year'));
  const status = params.get('status') as BulletinStatus | null;
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('pageSize')) || 20,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    status: status && (BULLETIN_STATUSES as readonly string[]).includes(status) ? status : undefined,
  };
}

/** 月通报: every month's bulletin and its versions, newest first; the coordinator starts a new one here. */
export function BulletinListPage() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const me = useSession();
  const [filters, setFilters] = useUrlFilters(useCallback(readFilters, []));
  const list = useBulletinList({ ...filters });
  const [creating, setCreating] = useState(false);
  const thisYear = Number(todayInZone().slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);

  const columns: ColumnsType<BulletinSummary> = [
    {
      title: t('bulletins.list.month'),
      dataIndex: 'month',
      width: 140,
      render: (month: string, b) => (
        <Link to={`/bulletins/${b.id}`} data-testid="bulletin-row-link">
          {formatMonth(month, lang)}
        </Link>
      ),
    },
    { title: t('bulletins.list.version'), dataIndex: 'version', width: 90, render: (v: number) => t('bulletins.version', { version: v }) },
    { title: t('bulletins.list.titleColumn'), dataIndex: 'title', ellipsis: true },
    { title: t('bulletins.list.status'), dataIndex: 'status', width: 100, render: (s: BulletinStatus) => <BulletinStatusTag status={s} /> },
    { title: t('bulletins.list.publishedAt'), dataIndex: 'publishedAt', width: 160, render: (v: string | null) => <span className="yq-num">{formatDateTime(v)}</span> },
    { title: t('bulletins.list.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => <span className="yq-num">{formatDateTime(v)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, b) => (
        <Space size={12}>
          <Link to={`/bulletins/${b.id}`}>{t('bulletins.list.open')}</Link>
          {(b.status === 'published' || b.status === 'superseded') && (
            <a href={`/public/bulletins/${b.id}`} target="_blank" rel="noreferrer">
              {t('bulletins.list.publicPage')}
            </a>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="bulletin-list">
      <PageHeader
        title={t('bulletins.title')}
        subTitle={t('bulletins.list.subtitle')}
        extra={
          <>
            <Button icon={<ExportOutlined />} href="/public/bulletins" target="_blank" data-testid="bulletin-public-link">
              {t('bulletins.list.publicPage')}
            </Button>
            {hasAnyRole(me, 'coordinator') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="bulletin-create">
                {t('bulletins.list.create')}
              </Button>
            )}
          </>
        }
      />
      <QueryError error={list.error} onRetry={() => void list.refetch()} />
      <Card>
        <Space wrap className="yq-filter-bar" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('bulletins.list.allYears')}
            aria-label={t('bulletins.list.year')}
            value={filters.year}
            onChange={(year?: number) => setFilters({ year })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="bulletin-year"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('bulletins.list.allStatuses')}
            aria-label={t('bulletins.list.status')}
            value={filters.status}
            onChange={(status?: BulletinStatus) => setFilters({ status })}
            options={BULLETIN_STATUSES.map((s) => ({ value: s, label: t(`bulletins.statuses.${s}`) }))}
            data-testid="bulletin-status-filter"
          />
        </Space>
        <Table<BulletinSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: t('bulletins.list.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters({ page, pageSize }),
          }}
        />
      </Card>
      <CreateBulletinModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
