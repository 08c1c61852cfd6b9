import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterpriseOptions } from '../enterprises/enterprise-api.js';

/** Picks an enterprise by searching names and USCCs on the server. */
export function EnterpriseSelect({
  value,
  onChange,
  initialLabel,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialLabel?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const options = useEnterpriseOptions(q);
  const items = (options.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }));
  if (value && initialLabel && !items.some((o) => o.value === value)) items.unshift({ value, label: initialLabel });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      placeholder={t('users.enterpriseSearch')}
      loading={options.isFetching}
      options={items}
      notFoundContent={options.isFetching ? t('common.loading') : t('common.noData')}
    />
  );
}
