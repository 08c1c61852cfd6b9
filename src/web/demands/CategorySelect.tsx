import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryPath, deadlineText, treeOrder } from './category-options.js';
import { useDemandCategories } from './demand-api.js';

type Props = {
  /** The form item's id, so the field is named by its label (screen readers, getByLabel). */
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Show each category's deadline ("5个工作日") — the submit and assign forms. */
  withDeadline?: boolean;
  /** Offer stopped categories too (filters). */
  includeInactive?: boolean;
  placeholder?: string;
  style?: CSSProperties;
};

/** Picks a demand category from GET /api/demand-categories. */
export function CategorySelect({ id, value, onChange, withDeadline, includeInactive, placeholder, style }: Props) {
  const { t } = useTranslation();
  const categories = useDemandCategories();
  const all = categories.data?.items ?? [];
  const options = treeOrder(all)
    .filter((c) => includeInactive || c.active || c.code === value)
    .map((c) => ({
      value: c.code,
      label: categoryPath(c, all),
      title: withDeadline ? deadlineText(c, t) : undefined,
    }));
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={placeholder ?? t('demands.fields.category')}
      loading={categories.isPending}
      options={options}
      style={style}
      popupMatchSelectWidth={false}
      optionRender={
        withDeadline
          ? (option) => (
              <span className="yq-option-split">
                <span>{option.label}</span>
                <span className="yq-muted">{option.data.title}</span>
              </span>
            )
          : undefined
      }
      labelRender={
        withDeadline
          ? (props) => {
              const c = all.find((x) => x.code === props.value);
              return c ? `${categoryPath(c, all)}（${deadlineText(c, t)}）` : props.label;
            }
          : undefined
      }
    />
  );
}
