import { Table, Tooltip, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { DeadlineCell } from './DeadlineCell.js';
import type { DemandFilters, DemandSort } from './demand-filters.js';
import type { DemandSummary } from './demand-types.js';
import { DemandMarkers } from './DemandMarkers.js';
import { DemandStatusTag } from './DemandStatusTag.js';

export type DemandColumn = 'number' | 'title' | 'enterprise' | 'category' | 'channel' | 'status' | 'lead' | 'due' | 'markers' | 'submitted';

type Props = {
  items: DemandSummary[] | undefined;
  total: number;
  loading: boolean;
  filters: Pick<DemandFilters, 'page' | 'pageSize' | 'sort' | 'order'>;
  onChange: (patch: Partial<DemandFilters>) => void;
  hide?: DemandColumn[];
  /** Row selection (bulk assign). */
  selected?: Key[];
  onSelect?: (keys: Key[]) => void;
  /** Rows that may be selected (the others' boxes are disabled). */
  selectable?: (d: DemandSummary) => boolean;
  /** Whole rows open the detail (leader lists). */
  rowLink?: boolean;
  /** Column sorters (off where the page fixes the order). */
  sortable?: boolean;
  testId?: string;
};

/** The demand table shared by the lists: number, title, enterprise, status, lead, deadline with countdown, marks. */
export function DemandTable({ items, total, loading, filters, onChange, hide = [], selected, onSelect, selectable, rowLink, sortable = true, testId = 'demand-table' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sortOrder = (key: DemandSort) =>
    !sortable ? undefined : filters.sort === key ? (filters.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const all: (NonNullable<TableProps<DemandSummary>['columns']>[number] & { key: DemandColumn })[] = [
    {
      key: 'number',
      title: t('demands.fields.number'),
      dataIndex: 'number',
      width: 125,
      fixed: 'left',
      sorter: sortable,
      sortOrder: sortOrder('number'),
      render: (v: string, d) => (
        <Link to={`/demands/${d.id}`} className="yq-num yq-nowrap" onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('demands.fields.title'),
      dataIndex: 'title',
      width: 230,
      ellipsis: { showTitle: false },
      render: (v: string, d) => (
        <Tooltip title={v} placement="topLeft">
          <Link to={`/demands/${d.id}`} onClick={(e) => e.stopPropagation()}>
            {v}
          </Link>
        </Tooltip>
      ),
    },
    {
      key: 'enterprise',
      title: t('demands.fields.enterprise'),
      dataIndex: 'enterpriseName',
      width: 180,
      ellipsis: { showTitle: false },
      render: (v: string) => <Tooltip title={v}>{v}</Tooltip>,
    },
    { key: 'status', title: t('demands.fields.status'), dataIndex: 'status', width: 120, render: (v: DemandSummary['status']) => <DemandStatusTag status={v} /> },
    {
      key: 'due',
      title: t('demands.fields.dueOn'),
      dataIndex: 'dueOn',
      width: 210,
      sorter: sortable,
      sortOrder: sortOrder('due'),
      render: (_: unknown, d) => <DeadlineCell demand={d} />,
    },
    { key: 'markers', title: t('demands.fields.markers'), width: 170, render: (_: unknown, d) => <DemandMarkers demand={d} /> },
    {
      key: 'lead',
      title: t('demands.fields.lead'),
      dataIndex: 'leadDepartmentName',
      width: 140,
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : <span className="yq-muted">{t('demands.notAssigned')}</span>),
    },
    { key: 'category', title: t('demands.fields.category'), dataIndex: 'categoryName', width: 110 },
    {
      key: 'channel',
      title: t('demands.fields.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (v: DemandSummary['channel']) => <span className="yq-nowrap">{t(`demands.channels.${v}`)}</span>,
    },
    {
      key: 'submitted',
      title: t('demands.fields.submittedAt'),
      dataIndex: 'submittedAt',
      width: 140,
      sorter: sortable,
      sortOrder: sortOrder('submitted'),
      render: (v: string) => <span className="yq-nowrap yq-num">{formatDateTime(v)}</span>,
    },
  ];
  const columns = all.filter((c) => !hide.includes(c.key));
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  const onTableChange: TableProps<DemandSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<DemandSummary> | undefined;
      const column = s?.order ? (s.columnKey as DemandColumn) : undefined;
      const sort: DemandSort | undefined = column === 'due' ? 'due' : column === 'submitted' ? 'submitted' : column === 'number' ? 'number' : undefined;
      onChange({ sort, order: sort ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
  };

  return (
    <div data-testid={testId}>
      <Table<DemandSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        onChange={onTableChange}
        scroll={{ x: width }}
        rowClassName={rowLink ? 'yq-row-link' : undefined}
        onRow={rowLink ? (d) => ({ onClick: () => void navigate(`/demands/${d.id}`) }) : undefined}
        rowSelection={
          onSelect
            ? {
                selectedRowKeys: selected ?? [],
                onChange: (keys) => onSelect(keys),
                preserveSelectedRowKeys: true,
                columnWidth: 40,
                getCheckboxProps: selectable ? (d) => ({ disabled: !selectable(d) }) : undefined,
              }
            : undefined
        }
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('common.total', { total: n }),
        }}
      />
    </div>
  );
}
