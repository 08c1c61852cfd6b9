import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors.js';

/** A failed load, with its localised message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="yq-query-error"
      title={t('common.loadFailed')}
      description={errorText(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
