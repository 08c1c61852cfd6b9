import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllDepartments } from '../identity/identity-api.js';

type Props = {
  /** The form item's id, so the field is named by its label (screen readers, getByLabel). */
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  /** Leave out stopped departments (assigning); filters keep them. */
  activeOnly?: boolean;
  /** Departments not offered (e.g. the lead in the assisting list). */
  exclude?: (string | undefined)[];
  placeholder?: string;
  style?: CSSProperties;
  allowClear?: boolean;
};

/** Picks one department (lead) or several (assisting) from GET /api/departments. */
export function DepartmentSelect({ id, value, onChange, multiple, activeOnly, exclude = [], placeholder, style, allowClear = true }: Props) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const options = (departments.data?.items ?? [])
    .filter((d) => (!activeOnly || d.active) && !exclude.includes(d.id))
    .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（${t('common.inactive')}）` }));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v?: string | string[]) => onChange?.(v)}
      placeholder={placeholder ?? t('demands.pickDepartment')}
      loading={departments.isPending}
      options={options}
      style={style}
      popupMatchSelectWidth={false}
      maxTagCount="responsive"
    />
  );
}
