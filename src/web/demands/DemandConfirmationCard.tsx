import { Card, Descriptions, Tag, Tooltip, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../app/format.js';
import type { DemandDetail, Satisfaction } from './demand-types.js';

const SATISFACTION_COLORS: Record<Satisfaction, string> = { satisfied: 'success', 'basically-satisfied': 'processing', dissatisfied: 'error' };

/** 回访确认: whether the enterprise says it is resolved and how satisfied it is (or confirmed by default). */
export function DemandConfirmationCard({ demand: d }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  if (d.status !== 'settled' && d.resolved === null && !d.satisfaction && !d.confirmedByDefault) return null;
  const items: DescriptionsProps['items'] = [];
  if (d.status === 'settled' && d.confirmBy) {
    items.push({ key: 'by', label: t('demands.fields.confirmBy'), children: t('demands.detail.confirmByText', { date: formatDate(d.confirmBy) }) });
  }
  if (d.resolved !== null) {
    items.push({
      key: 'resolved',
      label: t('demands.fields.resolved'),
      children: d.resolved ? <Tag color="success">{t('demands.actionForms.resolvedYes')}</Tag> : <Tag color="error">{t('demands.actionForms.resolvedNo')}</Tag>,
    });
  }
  if (d.satisfaction) {
    items.push({
      key: 'satisfaction',
      label: t('demands.fields.satisfaction'),
      children: (
        <span data-testid="demand-satisfaction">
          <Tag color={SATISFACTION_COLORS[d.satisfaction]}>{t(`demands.satisfaction.${d.satisfaction}`)}</Tag>
          {d.confirmedByDefault && (
            <Tooltip title={t('demands.markers.confirmedByDefaultHelp')}>
              <Tag>{t('demands.markers.confirmedByDefault')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    });
  } else if (d.confirmedByDefault) {
    items.push({ key: 'default', label: t('demands.fields.satisfaction'), children: <Tag>{t('demands.markers.confirmedByDefault')}</Tag> });
  }
  if (d.confirmComment) items.push({ key: 'comment', label: t('demands.actionForms.comment'), span: { xs: 1, md: 2 }, children: d.confirmComment });
  if (d.closedAt) items.push({ key: 'closedAt', label: t('demands.fields.closedAt'), children: formatDateTime(d.closedAt) });
  if (items.length === 0) return null;
  return (
    <Card title={t('demands.detail.confirmation')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="middle" items={items} />
    </Card>
  );
}
