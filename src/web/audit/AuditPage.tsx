import { Card, DatePicker, Input, Select, Table, Tag, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useUsers } from '../identity/identity-api.js';
import { AuditDiff } from './AuditDiff.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, useAuditLog, type AuditEntry } from './audit-api.js';
import { actionLabel, entityLabel } from './audit-labels.js';

type Filters = { entity?: string; entityId?: string; action?: string; actorId?: string; range?: [Dayjs, Dayjs] | null };

/** Who changed what and when, with the before/after of each change (admin). */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const actors = useUsers({ pageSize: 200 });
  const log = useAuditLog({
    entity: filters.entity,
    entityId: filters.entityId,
    action: filters.action,
    actorId: filters.actorId,
    from: filters.range?.[0].format('YYYY-MM-DD'),
    to: filters.range?.[1].format('YYYY-MM-DD'),
    page,
    pageSize,
  });

  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => <span className="yq-nowrap">{formatDateTime(v)}</span> },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 170,
      render: (v: string | null, e) => v ?? (e.actorId ? e.actorId : <span className="yq-muted">{t('audit.system')}</span>),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (v: string) => <Tag color="blue">{actionLabel(v)}</Tag> },
    { title: t('audit.entity'), dataIndex: 'entity', width: 140, render: (v: string) => entityLabel(v) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (v: string | null) => (v ? <span className="yq-num yq-muted">{v}</span> : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <div className="yq-toolbar">
          <DatePicker.RangePicker value={filters.range ?? null} onChange={(range) => set({ range: range && range[0] && range[1] ? [range[0], range[1]] : null })} />
          <Select
            allowClear
            placeholder={t('audit.entity')}
            style={{ width: 160 }}
            value={filters.entity}
            onChange={(entity?: string) => set({ entity })}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.action')}
            style={{ width: 200 }}
            value={filters.action}
            onChange={(action?: string) => set({ action })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actorFilter')}
            style={{ width: 160 }}
            value={filters.actorId}
            onChange={(actorId?: string) => set({ actorId })}
            options={(actors.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          />
          <Input.Search allowClear placeholder={t('audit.entityId')} style={{ width: 280 }} onSearch={(v) => set({ entityId: v.trim() || undefined })} />
        </div>
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: (e) => e.before != null || e.after != null }}
          pagination={{
            current: page,
            pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
    </>
  );
}
