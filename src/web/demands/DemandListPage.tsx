import { DownloadOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Tabs } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiDownload } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { DEMAND_RULES } from '../../domain/demands/decide-demand-action.js';
import { BulkAssignModal } from './BulkAssignModal.js';
import { canExportDemands, canSubmitDemand } from './demand-access.js';
import { useDemandCount, useDemandList } from './demand-api.js';
import { toApiQuery, useDemandFilters, type DemandFilters } from './demand-filters.js';
import { DemandFilterBar } from './DemandFilterBar.js';
import { DemandTable } from './DemandTable.js';

type TabKey = 'submitted' | 'accepted' | 'pendingExtension' | 'overdue' | 'all';
type Preset = Pick<DemandFilters, 'status' | 'pendingExtension' | 'overdue'>;

/** The coordinator's quick tabs, each a preset of the filters (so a tab is a shareable URL too). */
const PRESETS: Record<TabKey, Preset> = {
  submitted: { status: 'submitted' },
  accepted: { status: 'accepted' },
  pendingExtension: { pendingExtension: 'true' },
  overdue: { overdue: 'true' },
  all: {},
};
const TAB_KEYS = Object.keys(PRESETS) as TabKey[];

function activeTab(f: DemandFilters): TabKey | '' {
  const same = (p: Preset) => (p.status ?? '') === (f.status ?? '') && (p.pendingExtension ?? '') === (f.pendingExtension ?? '') && (p.overdue ?? '') === (f.overdue ?? '');
  return TAB_KEYS.find((k) => same(PRESETS[k])) ?? '';
}

/** 诉求管理: every demand the user may see, with filters, quick tabs, bulk assign and export. */
export function DemandListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const onError = useApiErrorHandler();
  const coordinator = hasAnyRole(me, 'coordinator');
  const [filters, update, clear] = useDemandFilters();
  const list = useDemandList(toApiQuery(filters));
  const [selected, setSelected] = useState<Key[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [exporting, setExporting] = useState(false);
  const counts = {
    submitted: useDemandCount(PRESETS.submitted, coordinator),
    accepted: useDemandCount(PRESETS.accepted, coordinator),
    pendingExtension: useDemandCount(PRESETS.pendingExtension, coordinator),
    overdue: useDemandCount(PRESETS.overdue, coordinator),
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/demands/export.xlsx', toApiQuery(filters, false), t('demands.list.exportFileName'));
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  const tabLabel = (key: TabKey) => {
    const label = t(`demands.list.tabs.${key}`);
    if (key === 'all') return label;
    const n = counts[key].data;
    return (
      <span>
        {label} <Badge count={n ?? 0} showZero={false} overflowCount={999} color={key === 'overdue' ? 'red' : key === 'submitted' ? 'blue' : 'gold'} />
      </span>
    );
  };

  return (
    <>
      <PageHeader
        title={t('demands.list.title')}
        extra={
          <>
            {canSubmitDemand(me) && (
              <Link to="/demands/new">
                <Button icon={<PlusOutlined />}>{t('demands.list.register')}</Button>
              </Link>
            )}
            {coordinator && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={selected.length === 0}
                onClick={() => setAssigning(true)}
                data-testid="bulk-assign"
              >
                {selected.length ? t('demands.bulk.buttonCount', { n: selected.length }) : t('demands.bulk.button')}
              </Button>
            )}
            {canExportDemands(me) && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="demand-export">
                {t('demands.list.export')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        {coordinator && (
          <Tabs
            activeKey={activeTab(filters)}
            onChange={(key) => {
              const p = PRESETS[key as TabKey];
              update({ status: p.status, pendingExtension: p.pendingExtension, overdue: p.overdue });
            }}
            items={TAB_KEYS.map((key) => ({ key, label: tabLabel(key) }))}
            className="yq-demand-tabs"
          />
        )}
        <DemandFilterBar filters={filters} onChange={update} onClear={clear} />
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <DemandTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          filters={filters}
          onChange={update}
          selected={coordinator ? selected : undefined}
          onSelect={coordinator ? setSelected : undefined}
          selectable={(d) => DEMAND_RULES.assign.from.includes(d.status)}
        />
      </Card>
      {coordinator && (
        <BulkAssignModal
          ids={selected.map(String)}
          open={assigning}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            setSelected([]);
          }}
        />
      )}
    </>
  );
}
