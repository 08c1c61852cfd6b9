import { PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSession } from '../app/session.js';
import { useDemandCount, useDemandList } from './demand-api.js';
import { useDemandFilters } from './demand-filters.js';
import { DemandTable } from './DemandTable.js';

type Tab = 'open' | 'toConfirm' | 'ended' | 'all';
const TAB_STATUS: Record<Tab, string | undefined> = {
  open: 'submitted,accepted,assigned,in_progress,waiting',
  toConfirm: 'settled',
  ended: 'closed,declined,merged',
  all: undefined,
};
const TABS = Object.keys(TAB_STATUS) as Tab[];

function isTab(value: string | undefined): value is Tab {
  return value !== undefined && value in TAB_STATUS;
}

/** 我的诉求: the enterprise's own demands, with status, countdown and a link to each. */
export function MyDemandsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [filters, update] = useDemandFilters();
  const tab: Tab = isTab(filters.tab) ? filters.tab : 'open';
  const list = useDemandList({ status: TAB_STATUS[tab], sort: 'submitted', order: 'desc', page: filters.page, pageSize: filters.pageSize });
  const toConfirm = useDemandCount({ status: 'settled' });

  if (!me.enterpriseId) return <Alert type="warning" showIcon title={t('home.noEnterpriseLinked')} />;

  return (
    <>
      <PageHeader
        title={t('demands.my.title')}
        extra={
          <Link to="/demands/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="demand-new">
              {t('demands.my.submit')}
            </Button>
          </Link>
        }
      />
      {(toConfirm.data ?? 0) > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('demands.my.toConfirmHint', { n: toConfirm.data })}
          action={
            <Button size="small" onClick={() => update({ tab: 'toConfirm' })}>
              {t('demands.my.goConfirm')}
            </Button>
          }
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'open' ? undefined : key })}
          items={TABS.map((key) => ({
            key,
            label:
              key === 'toConfirm' ? (
                <span>
                  {t('demands.my.tabs.toConfirm')} <Badge count={toConfirm.data ?? 0} color="green" />
                </span>
              ) : (
                t(`demands.my.tabs.${key}`)
              ),
          }))}
        />
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <DemandTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          filters={{ page: filters.page, pageSize: filters.pageSize }}
          onChange={({ page, pageSize }) => update({ page: page ?? 1, pageSize: pageSize ?? filters.pageSize })}
          hide={['enterprise', 'channel', 'markers']}
          sortable={false}
          testId="my-demands"
        />
      </Card>
    </>
  );
}
