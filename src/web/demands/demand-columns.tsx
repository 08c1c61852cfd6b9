import { Tooltip, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { DeadlineCell } from './DeadlineCell.js';
import type { DemandSort } from './demand-filters.js';
import type { DemandSummary } from './demand-types.js';
import { DemandMarkers } from './DemandMarkers.js';
import { DemandStatusTag } from './DemandStatusTag.js';

export type DemandColumn = 'number' | 'title' | 'enterprise' | 'category' | 'channel' | 'status' | 'lead' | 'due' | 'markers' | 'submitted';
export type DemandColumnDef = NonNullable<TableProps<DemandSummary>['columns']>[number] & { key: DemandColumn };

type Options = {
  /** Column sorters (the lists that sort on the server). */
  sortable?: boolean;
  sortOrder?: (key: DemandSort) => 'ascend' | 'descend' | null | undefined;
  /** A tag after the title (a visit's page: 走访中提出 / 走访前归集). */
  marker?: (d: DemandSummary) => ReactNode;
};

/**
 * The columns every demand table draws from (the lists, the queue, a visit's demands): number and
 * title linking to the demand, enterprise, status, deadline with countdown, marks, lead department,
 * category, channel, submission time. A table picks the ones it shows.
 */
export function demandColumns(t: TFunction, o: Options = {}): DemandColumnDef[] {
  return [
    {
      key: 'number',
      title: t('demands.fields.number'),
      dataIndex: 'number',
      width: 125,
      fixed: 'left',
      sorter: o.sortable ?? false,
      sortOrder: o.sortOrder?.('number'),
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
      sorter: o.sortable ?? false,
      sortOrder: o.sortOrder?.('due'),
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
      sorter: o.sortable ?? false,
      sortOrder: o.sortOrder?.('submitted'),
      render: (v: string) => <span className="yq-nowrap yq-num">{formatDateTime(v)}</span>,
    },
  ];
}
