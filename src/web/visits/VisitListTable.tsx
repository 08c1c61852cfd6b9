import { Table, Tag, Tooltip, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { VisitSummary } from './visit-api.js';
import { VisitStatusTag } from './VisitStatusTag.js';

type Props = {
  items: VisitSummary[] | undefined;
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
};

/** The visits of a period as a table (the plan's list view). */
export function VisitListTable({ items, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableProps<VisitSummary>['columns'] = [
    {
      key: 'number',
      title: t('visits.fields.number'),
      dataIndex: 'number',
      width: 130,
      render: (v: string, r) => (
        <Link to={`/visits/${r.id}`} className="yq-num yq-nowrap" onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      key: 'when',
      title: t('visits.fields.when'),
      width: 150,
      render: (_: unknown, r) => (
        <span className="yq-nowrap">
          <span className="yq-num">{r.visitOn}</span> {t(`visits.halfDays.${r.halfDay}`)}
        </span>
      ),
    },
    { key: 'leader', title: t('visits.fields.leader'), width: 100, render: (_: unknown, r) => r.leader.name },
    {
      key: 'theme',
      title: t('visits.fields.theme'),
      width: 140,
      render: (_: unknown, r) => (r.theme ? <Tag color="purple">{r.theme.name}</Tag> : <span className="yq-muted">{t('common.none')}</span>),
    },
    {
      key: 'enterprises',
      title: t('visits.fields.enterprises'),
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => {
        const names = r.enterprises.map((e) => e.name).join(t('visits.listSeparator'));
        return <Tooltip title={names}>{names}</Tooltip>;
      },
    },
    {
      key: 'demands',
      title: t('visits.fields.demands'),
      width: 120,
      render: (_: unknown, r) =>
        r.demandCount === 0 ? (
          <span className="yq-muted">{t('common.none')}</span>
        ) : (
          <span className="yq-nowrap">{t('visits.plan.demandCounts', { n: r.demandCount, open: r.openDemandCount })}</span>
        ),
    },
    { key: 'status', title: t('visits.fields.status'), dataIndex: 'status', width: 100, render: (v: VisitSummary['status']) => <VisitStatusTag status={v} /> },
  ];
  return (
    <div data-testid="visit-table">
      <Table<VisitSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 960 }}
        rowClassName={(r) => `yq-row-link${r.status === 'cancelled' ? ' yq-visit-row-cancelled' : ''}`}
        onRow={(r) => ({ onClick: () => void navigate(`/visits/${r.id}`) })}
        onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('common.total', { total: n }),
        }}
      />
    </div>
  );
}
