import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from './demand-types.js';
import { formatRate } from './stats-format.js';

/** Counts by one dimension (category, department, channel): received, settled, on time, overdue, rates. */
export function StatsTable({ title, rows, loading, testId }: { title: string; rows: StatsRow[] | undefined; loading: boolean; testId: string }) {
  const { t } = useTranslation();
  const num = (v: number) => <span className="yq-num">{v}</span>;
  return (
    <Card title={title} size="small" data-testid={testId}>
      <Table<StatsRow>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('demands.stats.name'), dataIndex: 'name', width: 220 },
          { title: t('demands.stats.received'), dataIndex: 'received', align: 'right', render: num, sorter: (a, b) => a.received - b.received },
          { title: t('demands.stats.settled'), dataIndex: 'settled', align: 'right', render: num, sorter: (a, b) => a.settled - b.settled },
          { title: t('demands.stats.settledOnTime'), dataIndex: 'settledOnTime', align: 'right', render: num },
          {
            title: t('demands.stats.overdue'),
            dataIndex: 'overdue',
            align: 'right',
            render: (v: number) => <span className={v > 0 ? 'yq-num yq-danger' : 'yq-num'}>{v}</span>,
            sorter: (a, b) => a.overdue - b.overdue,
          },
          { title: t('demands.stats.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: (v: number | null) => formatRate(v) },
          { title: t('demands.stats.satisfactionRate'), dataIndex: 'satisfactionRate', align: 'right', render: (v: number | null) => formatRate(v) },
        ]}
      />
    </Card>
  );
}
