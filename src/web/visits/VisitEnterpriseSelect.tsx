import { Select } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterpriseOptions } from '../enterprises/enterprise-api.js';

type Named = { id: string; name: string };

/**
 * Picks the enterprises of a visit by searching names and USCCs on the server; the chosen ones keep
 * their names while the search changes (and those of a visit being edited come from `initial`).
 */
export function VisitEnterpriseSelect({
  value,
  onChange,
  initial = [],
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  initial?: Named[];
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const options = useEnterpriseOptions(q);
  const [names, setNames] = useState<Map<string, string>>(() => new Map(initial.map((e) => [e.id, e.name])));

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

  const items = (options.data?.items ?? []).map((e) => ({
    value: e.id,
    label: e.name,
    hint: [e.cadreName, ...e.themes.map((th) => th.name)].filter(Boolean).join(' · '),
  }));
  for (const chosen of value ?? []) {
    if (!items.some((o) => o.value === chosen)) items.push({ value: chosen, label: names.get(chosen) ?? chosen, hint: '' });
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
      placeholder={t('visits.form.enterprisesPlaceholder')}
      loading={options.isFetching}
      options={items}
      optionRender={(option) => (
        <span className="yq-option-split">
          <span>{option.label}</span>
          {option.data.hint && <span className="yq-muted">{option.data.hint}</span>}
        </span>
      )}
      notFoundContent={options.isFetching ? t('common.loading') : t('common.noData')}
      data-testid="visit-enterprises"
    />
  );
}
