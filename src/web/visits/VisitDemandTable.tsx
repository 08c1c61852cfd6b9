import { Table, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { demandColumns, type DemandColumn } from '../demands/demand-columns.js';
import type { DemandSummary } from '../demands/demand-types.js';

type Props = {
  items: DemandSummary[];
  loading?: boolean;
  /** An extra last column (e.g. 移出). */
  action?: { title: string; render: (d: DemandSummary) => ReactNode };
  /** A tag after the title (e.g. 走访中提出 / 走访前归集). */
  marker?: (d: DemandSummary) => ReactNode;
  selected?: Key[];
  onSelect?: (keys: Key[]) => void;
  testId: string;
  emptyText?: string;
};

/** A visit's demands (or those that may be gathered into it): number, title, enterprise, status, lead department, deadline countdown. */
export function VisitDemandTable({ items, loading, action, marker, selected, onSelect, testId, emptyText }: Props) {
  const { t } = useTranslation();
  const shown: DemandColumn[] = ['number', 'title', 'enterprise', 'category', 'status', 'lead', 'due'];
  const columns: TableProps<DemandSummary>['columns'] = demandColumns(t, { marker })
    .filter((c) => shown.includes(c.key))
    .sort((a, b) => shown.indexOf(a.key) - shown.indexOf(b.key));
  if (action) columns.push({ key: 'action', title: action.title, width: 90, render: (_: unknown, d) => action.render(d) });
  return (
    <div data-testid={testId}>
      <Table<DemandSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 1000 }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={emptyText ? { emptyText } : undefined}
        rowSelection={onSelect ? { selectedRowKeys: selected ?? [], onChange: (keys) => onSelect(keys), columnWidth: 40 } : undefined}
      />
    </div>
  );
}
