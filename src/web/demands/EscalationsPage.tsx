import { Alert, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useDemandCount, useDemandList } from './demand-api.js';
import { useDemandFilters } from './demand-filters.js';
import { DemandTable } from './DemandTable.js';

type Tab = 'escalated' | 'overdue';

/** 督办与超期: the escalated demands and the red list of overdue ones; each row opens the demand. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const [filters, update] = useDemandFilters();
  const tab: Tab = filters.tab === 'overdue' ? 'overdue' : 'escalated';
  const base = tab === 'escalated' ? { escalated: true, status: 'open', sort: 'urgency' } : { overdue: true, sort: 'due', order: 'asc' };
  const list = useDemandList({ ...base, page: filters.page, pageSize: filters.pageSize });
  const escalatedCount = useDemandCount({ escalated: true, status: 'open' });
  const overdueCount = useDemandCount({ overdue: true });

  return (
    <>
      <PageHeader title={t('demands.escalations.title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'escalated' ? undefined : key })}
          items={[
            { key: 'escalated', label: t('demands.escalations.escalatedTab', { n: escalatedCount.data ?? '…' }) },
            { key: 'overdue', label: t('demands.escalations.overdueTab', { n: overdueCount.data ?? '…' }) },
          ]}
        />
        <Alert
          type={tab === 'overdue' ? 'error' : 'warning'}
          showIcon
          title={tab === 'overdue' ? t('demands.escalations.overdueHelp') : t('demands.escalations.escalatedHelp')}
          style={{ marginBottom: 16 }}
        />
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <DemandTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          filters={{ page: filters.page, pageSize: filters.pageSize }}
          onChange={({ page, pageSize }) => update({ page: page ?? 1, pageSize: pageSize ?? filters.pageSize })}
          hide={['channel', 'submitted']}
          rowLink
          sortable={false}
          testId={`escalations-${tab}`}
        />
      </Card>
    </>
  );
}
