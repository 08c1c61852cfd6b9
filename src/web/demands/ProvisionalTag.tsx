import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The deadline falls in a year whose official holiday arrangement is not yet published, so it may move. */
export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('demands.provisionalHelp')}>
      <Tag color="purple" variant="outlined" className="yq-nowrap" data-testid="demand-provisional">
        {t('demands.provisional')}
      </Tag>
    </Tooltip>
  );
}
