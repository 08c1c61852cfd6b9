import { Badge, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useDemandCount, useDemandList } from './demand-api.js';
import { toApiQuery, useDemandFilters } from './demand-filters.js';
import { DemandFilterBar } from './DemandFilterBar.js';
import { DemandTable } from './DemandTable.js';

type QueueTab = 'assigned' | 'in_progress' | 'waiting' | 'done';
const TAB_STATUS: Record<QueueTab, string> = { assigned: 'assigned', in_progress: 'in_progress', waiting: 'waiting', done: 'settled,closed' };
const TABS = Object.keys(TAB_STATUS) as QueueTab[];

function isQueueTab(value: string | undefined): value is QueueTab {
  return value !== undefined && value in TAB_STATUS;
}

/** 本单位诉求: the department's demands (lead and assisting), most urgent first. */
export function DemandQueuePage() {
  const { t } = useTranslation();
  const [filters, update, clear] = useDemandFilters();
  const tab: QueueTab = isQueueTab(filters.tab) ? filters.tab : 'assigned';
  const done = tab === 'done';
  const query = {
    ...toApiQuery({ ...filters, status: undefined }),
    status: TAB_STATUS[tab],
    sort: filters.sort ?? (done ? 'submitted' : 'urgency'),
    order: filters.order ?? (done ? 'desc' : undefined),
  };
  const list = useDemandList(query);
  const counts = {
    assigned: useDemandCount({ status: 'assigned' }),
    in_progress: useDemandCount({ status: 'in_progress' }),
    waiting: useDemandCount({ status: 'waiting' }),
  };

  const label = (key: QueueTab) => (
    <span>
      {t(`demands.queue.tabs.${key}`)}{' '}
      {key !== 'done' && <Badge count={counts[key].data ?? 0} overflowCount={999} color={key === 'assigned' ? 'blue' : key === 'waiting' ? 'orange' : 'geekblue'} />}
    </span>
  );

  return (
    <>
      <PageHeader title={t('demands.queue.title')} subTitle={t('demands.queue.subtitle')} />
      <Card>
        <Tabs activeKey={tab} onChange={(key) => update({ tab: key === 'assigned' ? undefined : key })} items={TABS.map((key) => ({ key, label: label(key) }))} />
        <DemandFilterBar filters={filters} onChange={update} onClear={clear} hide={['department', 'status']} />
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <DemandTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          filters={filters}
          onChange={update}
          hide={['channel']}
          testId="demand-queue"
        />
      </Card>
    </>
  );
}
