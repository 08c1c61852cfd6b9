import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import { EnterpriseDetailPage } from './EnterpriseDetailPage.js';

/** 本企业档案: an enterprise user's own file. */
export function MyEnterprisePage() {
  const { t } = useTranslation();
  const me = useSession();
  if (!me.enterpriseId) return <Result status="info" title={t('enterprise.myTitle')} subTitle={t('enterprise.noEnterprise')} />;
  return <EnterpriseDetailPage enterpriseId={me.enterpriseId} />;
}
