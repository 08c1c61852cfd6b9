import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInZone } from '../app/format.js';

const SOON_DAYS = 90;

/** 有效 / 即将到期 (within 90 days) / 已过期 / 未生效, from the server's `valid` and the dates. */
export function QualificationStatus({ valid, validFrom, validUntil }: { valid: boolean; validFrom: string; validUntil: string | null }) {
  const { t } = useTranslation();
  const today = todayInZone();
  if (validFrom > today) return <Tag color="default">{t('enterprise.qualifications.notYetValid')}</Tag>;
  if (!valid || (validUntil !== null && validUntil < today)) return <Tag color="error">{t('enterprise.qualifications.expired')}</Tag>;
  if (validUntil !== null && dayjs(validUntil).diff(dayjs(today), 'day') <= SOON_DAYS) {
    return <Tag color="warning">{t('enterprise.qualifications.expiringSoon')}</Tag>;
  }
  return <Tag color="success">{t('enterprise.qualifications.valid')}</Tag>;
}
