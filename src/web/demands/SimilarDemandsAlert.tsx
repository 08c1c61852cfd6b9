import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSimilarDemands } from './demand-api.js';
import { DemandStatusTag } from './DemandStatusTag.js';
import { useDebouncedValue } from './use-debounced-value.js';

type Props = { enterpriseId?: string; text: string; excludeId?: string; enabled: boolean };

/** While a demand is being written: the enterprise's open demands that look like it, so duplicates are not filed. */
export function SimilarDemandsAlert({ enterpriseId, text, excludeId, enabled }: Props) {
  const { t } = useTranslation();
  const debounced = useDebouncedValue(text.trim().slice(0, 5100), 400);
  const similar = useSimilarDemands({ enterpriseId, text: debounced, excludeId }, enabled && debounced.length >= 4);
  const items = similar.data?.items ?? [];
  if (!enabled || items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="yq-similar"
      data-testid="similar-demands"
      title={t('demands.form.similarTitle')}
      description={
        <Space orientation="vertical" size={4}>
          <span>{t('demands.form.similarHelp')}</span>
          {items.map((d) => (
            <span key={d.id}>
              <Link to={`/demands/${d.id}`} target="_blank" rel="noopener">
                <span className="yq-num">{d.number}</span> {d.title}
              </Link>{' '}
              <DemandStatusTag status={d.status} />
            </span>
          ))}
        </Space>
      }
    />
  );
}
