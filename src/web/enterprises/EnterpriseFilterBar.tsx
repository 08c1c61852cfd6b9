import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_KINDS } from '../../domain/enterprises/qualification-kinds.js';
import { SIZE_SECTORS } from '../../domain/enterprises/size-sectors.js';
import { useCadres, useLeaders } from '../identity/identity-api.js';
import { useThemes } from './enterprise-api.js';
import { hasFilters, type EnterpriseFilters } from './enterprise-filters.js';
import { divisionOptionGroups, sectionOptions } from './industry.js';

type Props = {
  filters: EnterpriseFilters;
  onChange: (patch: Partial<EnterpriseFilters>) => void;
  onClear: () => void;
};

/** Search box and filters of the enterprise list; every change goes to the URL. */
export function EnterpriseFilterBar({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const themes = useThemes();
  const cadres = useCadres();
  const leaders = useLeaders();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const select = (key: keyof EnterpriseFilters) => (value?: string) => onChange({ [key]: value || undefined });

  return (
    <div className="yq-toolbar">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        placeholder={t('enterprise.searchPlaceholder')}
        style={{ width: 300 }}
        enterButton
        data-testid="enterprise-search"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('enterprise.fields.themes')}
        style={{ width: 170 }}
        value={filters.themeId}
        onChange={select('themeId')}
        loading={themes.isPending}
        options={(themes.data?.items ?? []).map((th) => ({ value: th.id, label: th.name }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('enterprise.fields.industrySection')}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        value={filters.industrySection}
        onChange={(value?: string) => onChange({ industrySection: value || undefined, industryDivision: undefined })}
        options={sectionOptions()}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('enterprise.fields.industryDivision')}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        value={filters.industryDivision}
        onChange={select('industryDivision')}
        options={divisionOptionGroups(filters.industrySection)}
      />
      <Select
        allowClear
        placeholder={t('enterprise.fields.sizeSector')}
        style={{ width: 180 }}
        popupMatchSelectWidth={false}
        value={filters.sizeSector}
        onChange={select('sizeSector')}
        options={SIZE_SECTORS.map((s) => ({ value: s.key, label: t(`sizeSectors.${s.key}`) }))}
      />
      <Select
        allowClear
        placeholder={t('enterprise.fields.qualification')}
        style={{ width: 180 }}
        popupMatchSelectWidth={false}
        value={filters.qualification}
        onChange={select('qualification')}
        options={QUALIFICATION_KINDS.map((k) => ({ value: k.key, label: t(`qualificationKinds.${k.key}`) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('enterprise.fields.cadre')}
        style={{ width: 140 }}
        value={filters.cadreId}
        onChange={select('cadreId')}
        loading={cadres.isPending}
        options={(cadres.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('enterprise.fields.leader')}
        style={{ width: 140 }}
        value={filters.leaderId}
        onChange={select('leaderId')}
        loading={leaders.isPending}
        options={(leaders.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
      />
      <Select
        allowClear
        placeholder={t('enterprise.fields.aboveScale')}
        style={{ width: 120 }}
        value={filters.aboveScale}
        onChange={(value?: 'true' | 'false') => onChange({ aboveScale: value })}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
      {hasFilters(filters) && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          {t('enterprise.clearFilters')}
        </Button>
      )}
    </div>
  );
}
