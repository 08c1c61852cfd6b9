import { Select } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterpriseOptions } from '../enterprises/enterprise-api.js';

/**
 * Picks the enterprises of an official list by searching names and USCCs on the server (as the
 * visits do); the chosen ones keep their names while the search changes. Enterprises already on the
 * list are shown but cannot be picked again.
 */
export function CultivationListEnterpriseSelect({
  value,
  onChange,
  already = [],
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** enterprises already on the list */
  already?: string[];
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const options = useEnterpriseOptions(q);
  const [names, setNames] = useState<Map<string, string>>(() => new Map());

  useEffect(() => {
    const found = options.data?.items ?? [];
    if (found.length === 0) return;
    setNames((prev) => {
      if (found.every((e) => prev.get(e.id) === e.name)) return prev;
      const next = new Map(prev);
      for (const e of found) next.set(e.id, e.name);
      return next;
    });
  }, [options.data]);

  const on = new Set(already);
  const items = (options.data?.items ?? []).map((e) => ({
    value: e.id,
    label: e.name,
    hint: on.has(e.id) ? t('cultivationPipeline.list.alreadyOn') : e.uscc,
    disabled: on.has(e.id),
  }));
  for (const chosen of value ?? []) {
    if (!items.some((o) => o.value === chosen)) items.push({ value: chosen, label: names.get(chosen) ?? chosen, hint: '', disabled: false });
  }

  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? []}
      onChange={(v: string[]) => {
        setSearch('');
        onChange?.(v);
      }}
      placeholder={t('cultivationPipeline.listForm.enterprisesPlaceholder')}
      loading={options.isFetching}
      options={items}
      optionRender={(option) => (
        <span className="yq-option-split">
          <span>{option.label}</span>
          {option.data.hint && <span className="yq-muted yq-num">{option.data.hint}</span>}
        </span>
      )}
      notFoundContent={options.isFetching ? t('common.loading') : t('common.noData')}
      data-testid="list-enterprises"
    />
  );
}
