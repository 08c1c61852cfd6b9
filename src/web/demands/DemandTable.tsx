import { Table, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DemandFilters, DemandSort } from './demand-filters.js';
import type { DemandSummary } from './demand-types.js';
import { demandColumns, type DemandColumn } from './demand-columns.js';

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

export type { DemandColumn };

/** The demand table shared by the lists: number, title, enterprise, status, lead, deadline with countdown, marks. */
export function DemandTable({ items, total, loading, filters, onChange, hide = [], selected, onSelect, selectable, rowLink, sortable = true, testId = 'demand-table' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sortOrder = (key: DemandSort) =>
    !sortable ? undefined : filters.sort === key ? (filters.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const all = demandColumns(t, { sortable, sortOrder });
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
