import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMAND_CHANNELS, DEMAND_STATUSES } from '../../domain/demands/demand-vocabulary.js';
import { CategorySelect } from './CategorySelect.js';
import { DepartmentSelect } from './DepartmentSelect.js';
import { DEMAND_FLAGS, DEMAND_SORT_KEYS, hasFilters, type DemandFilters, type DemandFlag, type DemandSort } from './demand-filters.js';
import { EnterpriseFilter } from './EnterpriseFilter.js';

type Props = {
  filters: DemandFilters;
  onChange: (patch: Partial<DemandFilters>) => void;
  onClear: () => void;
  /** Filters a page does not offer (a department's own queue has no department filter). */
  hide?: ('department' | 'enterprise' | 'flags' | 'status')[];
};

/** Search box and filters of a demand list; every change goes to the URL. */
export function DemandFilterBar({ filters, onChange, onClear, hide = [] }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const statuses = filters.status ? filters.status.split(',').filter(Boolean) : [];
  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  const toggleFlag = (flag: DemandFlag, on: boolean) => onChange({ [flag]: on ? 'true' : undefined });

  return (
    <div className="yq-demand-filters">
      <div className="yq-toolbar">
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          placeholder={t('demands.list.searchPlaceholder')}
          style={{ width: 300 }}
          enterButton
          data-testid="demand-search"
        />
        {!hide.includes('status') && (
          <Select
            mode="multiple"
            allowClear
            placeholder={t('demands.fields.status')}
            style={{ minWidth: 160 }}
            popupMatchSelectWidth={false}
            maxTagCount="responsive"
            value={statuses}
            onChange={(values: string[]) => {
              // "open" stands for every open status; it does not combine with single ones.
              const last = values[values.length - 1];
              const next = last === 'open' ? ['open'] : values.filter((v) => v !== 'open');
              onChange({ status: next.length ? next.join(',') : undefined });
            }}
            options={[
              { value: 'open', label: t('demands.statusOpen') },
              ...DEMAND_STATUSES.map((s) => ({ value: s, label: t(`demands.statuses.${s}`) })),
            ]}
            data-testid="demand-status-filter"
          />
        )}
        <CategorySelect includeInactive value={filters.categoryCode} onChange={(v) => onChange({ categoryCode: v })} style={{ width: 160 }} />
        {!hide.includes('department') && (
          <DepartmentSelect
            value={filters.departmentId}
            onChange={(v) => onChange({ departmentId: typeof v === 'string' ? v : undefined })}
            placeholder={t('demands.fields.lead')}
            style={{ width: 180 }}
          />
        )}
        {!hide.includes('enterprise') && <EnterpriseFilter value={filters.enterpriseId} onChange={(v) => onChange({ enterpriseId: v })} />}
        <Select
          allowClear
          placeholder={t('demands.fields.channel')}
          style={{ width: 140 }}
          popupMatchSelectWidth={false}
          value={filters.channel}
          onChange={(v?: string) => onChange({ channel: v || undefined })}
          options={DEMAND_CHANNELS.map((c) => ({ value: c, label: t(`demands.channels.${c}`) }))}
        />
        <DatePicker.RangePicker
          value={range}
          allowEmpty={[false, false]}
          onChange={(values) => {
            const [from, to] = values ?? [];
            onChange({ from: from ? from.format('YYYY-MM-DD') : undefined, to: to ? to.format('YYYY-MM-DD') : undefined });
          }}
          placeholder={[t('demands.list.submittedFrom'), t('demands.list.submittedTo')]}
          style={{ width: 250 }}
        />
        <Select
          placeholder={t('demands.list.sortBy')}
          style={{ width: 160 }}
          allowClear
          value={filters.sort}
          onChange={(v?: DemandSort) => onChange({ sort: v, order: v ? (filters.order ?? (v === 'submitted' ? 'desc' : 'asc')) : undefined })}
          options={DEMAND_SORT_KEYS.map((s) => ({ value: s, label: t(`demands.list.sorts.${s}`) }))}
        />
      </div>
      {!hide.includes('flags') && (
        <div className="yq-toolbar yq-flag-bar">
          <span className="yq-muted">{t('demands.list.flagsLabel')}</span>
          {DEMAND_FLAGS.map((flag) => (
            <Tag.CheckableTag key={flag} checked={filters[flag] === 'true'} onChange={(on) => toggleFlag(flag, on)} data-testid={`flag-${flag}`}>
              {t(`demands.list.flags.${flag}`)}
            </Tag.CheckableTag>
          ))}
          {hasFilters(filters) && (
            <Button size="small" icon={<ClearOutlined />} onClick={onClear}>
              {t('demands.list.clearFilters')}
            </Button>
          )}
        </div>
      )}
      {hide.includes('flags') && hasFilters(filters) && (
        <div className="yq-toolbar">
          <Button size="small" icon={<ClearOutlined />} onClick={onClear}>
            {t('demands.list.clearFilters')}
          </Button>
        </div>
      )}
    </div>
  );
}
