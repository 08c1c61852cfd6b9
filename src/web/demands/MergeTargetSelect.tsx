import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDemandList } from './demand-api.js';
import { useDebouncedValue } from './use-debounced-value.js';

type Props = { enterpriseId: string; excludeId: string; value?: string; onChange?: (value: string | undefined) => void };

/** Picks another open demand of the same enterprise, by number or title. */
export function MergeTargetSelect({ enterpriseId, excludeId, value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const list = useDemandList({ enterpriseId, status: 'open', q: q || undefined, sort: 'submitted', order: 'desc', pageSize: 30 });
  const options = (list.data?.items ?? [])
    .filter((d) => d.id !== excludeId)
    .map((d) => ({ value: d.id, label: `${d.number} ${d.title}` }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={t('demands.actionForms.mergeSearch')}
      loading={list.isFetching}
      options={options}
      notFoundContent={list.isFetching ? t('common.loading') : t('demands.actionForms.mergeNone')}
      popupMatchSelectWidth={456}
      data-testid="merge-target"
    />
  );
}
