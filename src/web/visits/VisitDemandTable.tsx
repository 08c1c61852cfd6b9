import { Table, Tooltip, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineCell } from '../demands/DeadlineCell.js';
import type { DemandSummary } from '../demands/demand-types.js';
import { DemandStatusTag } from '../demands/DemandStatusTag.js';

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
  const columns: TableProps<DemandSummary>['columns'] = [
    {
      key: 'number',
      title: t('demands.fields.number'),
      dataIndex: 'number',
      width: 125,
      render: (v: string, d) => (
        <Link to={`/demands/${d.id}`} className="yq-num yq-nowrap">
          {v}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('demands.fields.title'),
      dataIndex: 'title',
      ellipsis: { showTitle: false },
      render: (v: string, d) => (
        <span>
          <Tooltip title={v} placement="topLeft">
            <Link to={`/demands/${d.id}`}>{v}</Link>
          </Tooltip>
          {marker?.(d)}
        </span>
      ),
    },
    {
      key: 'enterprise',
      title: t('demands.fields.enterprise'),
      dataIndex: 'enterpriseName',
      width: 170,
      ellipsis: { showTitle: false },
      render: (v: string) => <Tooltip title={v}>{v}</Tooltip>,
    },
    { key: 'category', title: t('demands.fields.category'), dataIndex: 'categoryName', width: 110 },
    { key: 'status', title: t('demands.fields.status'), dataIndex: 'status', width: 100, render: (v: DemandSummary['status']) => <DemandStatusTag status={v} /> },
    {
      key: 'lead',
      title: t('demands.fields.lead'),
      dataIndex: 'leadDepartmentName',
      width: 150,
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : <span className="yq-muted">{t('demands.notAssigned')}</span>),
    },
    { key: 'due', title: t('demands.fields.dueOn'), dataIndex: 'dueOn', width: 210, render: (_: unknown, d) => <DeadlineCell demand={d} /> },
  ];
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
