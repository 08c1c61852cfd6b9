import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Tooltip, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiDownload } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSession } from '../app/session.js';
import { canManageEnterprises } from './enterprise-access.js';
import { EnterpriseFilterBar } from './EnterpriseFilterBar.js';
import { EnterpriseImportDrawer } from './EnterpriseImportDrawer.js';
import { useEnterpriseList, type EnterpriseSummary } from './enterprise-api.js';
import { toApiQuery, useEnterpriseFilters, type EnterpriseSort } from './enterprise-filters.js';
import { divisionLabel, industryText } from './industry.js';
import { formatCount, formatWan } from './money.js';
import { QualificationTags } from './QualificationTags.js';

/** The zone's enterprise registry: search, filter, sort, page, export, import. */
export function EnterpriseListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const onError = useApiErrorHandler();
  const [filters, update, clear] = useEnterpriseFilters();
  const list = useEnterpriseList(toApiQuery(filters));
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const canManage = canManageEnterprises(me);

  const sortOrder = (key: EnterpriseSort) =>
    filters.sort === key ? (filters.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/enterprises/export.xlsx', toApiQuery(filters, false), t('files.enterpriseExport'));
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  const none = <span className="yq-muted">{t('common.notReported')}</span>;
  const columns: TableProps<EnterpriseSummary>['columns'] = [
    {
      title: t('enterprise.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 230,
      render: (name: string, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link>,
    },
    { title: t('enterprise.fields.uscc'), dataIndex: 'uscc', width: 200, render: (v: string) => <span className="yq-num yq-nowrap">{v}</span> },
    {
      title: t('enterprise.fields.industry'),
      key: 'industry',
      width: 210,
      ellipsis: { showTitle: false },
      render: (_, e) => {
        const full = industryText(e.industrySection, e.industryDivision);
        if (!full) return t('common.none');
        return <Tooltip title={full}>{e.industryDivision ? divisionLabel(e.industryDivision) : full}</Tooltip>;
      },
    },
    {
      title: t('enterprise.fields.aboveScale'),
      dataIndex: 'aboveScale',
      width: 92,
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : <span className="yq-muted">{t('common.no')}</span>),
    },
    { title: t('enterprise.fields.cadre'), dataIndex: 'cadreName', width: 90, render: (v: string | null) => v ?? t('common.none') },
    { title: t('enterprise.fields.leader'), dataIndex: 'leaderName', width: 90, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('enterprise.fields.qualification'),
      dataIndex: 'qualificationKinds',
      width: 190,
      render: (kinds: string[]) => (kinds.length ? <QualificationTags kinds={kinds} /> : t('common.none')),
    },
    {
      title: t('enterprise.latestRevenue'),
      dataIndex: 'latestRevenue',
      key: 'latestRevenue',
      sorter: true,
      sortOrder: sortOrder('latestRevenue'),
      align: 'right',
      width: 130,
      render: (v: number | null, e) =>
        v === null ? (
          none
        ) : (
          <Tooltip title={e.latestYear ? t('enterprise.latestYearOf', { year: e.latestYear }) : undefined}>
            <span className="yq-num">{formatWan(v)}</span>
          </Tooltip>
        ),
    },
    {
      title: t('enterprise.latestEmployees'),
      dataIndex: 'latestEmployees',
      key: 'latestEmployees',
      sorter: true,
      sortOrder: sortOrder('latestEmployees'),
      align: 'right',
      width: 100,
      render: (v: number | null) => (v === null ? none : <span className="yq-num">{formatCount(v)}</span>),
    },
    {
      title: t('enterprise.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      width: 140,
      render: (v: string) => <span className="yq-nowrap">{formatDateTime(v)}</span>,
    },
  ];

  const onTableChange: TableProps<EnterpriseSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<EnterpriseSummary> | undefined;
      const key = s?.order ? (s.columnKey as EnterpriseSort) : undefined;
      update({ sort: key, order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined, page: 1 });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
  };

  return (
    <>
      <PageHeader
        title={t('enterprise.listTitle')}
        extra={
          <>
            {canManage && (
              <Link to="/enterprises/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('enterprise.create')}
                </Button>
              </Link>
            )}
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="enterprise-import">
                {t('enterprise.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="enterprise-export">
              {t('enterprise.export')}
            </Button>
          </>
        }
      />
      <Card>
        <EnterpriseFilterBar filters={filters} onChange={update} onClear={clear} />
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <div data-testid="enterprise-table">
          <Table<EnterpriseSummary>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1370 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Card>
      {canManage && <EnterpriseImportDrawer open={importOpen} onClose={() => setImportOpen(false)} />}
    </>
  );
}
