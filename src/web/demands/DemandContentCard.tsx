import { Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { isStaff, useSession } from '../app/session.js';
import type { DemandDetail } from './demand-types.js';

/** What the enterprise asked: who, what, which category, through which channel, how public. */
export function DemandContentCard({ demand: d }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const staff = isStaff(me);
  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('demands.fields.enterprise'),
      children: staff ? <Link to={`/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link> : d.enterpriseName,
    },
    { key: 'category', label: t('demands.fields.category'), children: d.categoryName },
    { key: 'channel', label: t('demands.fields.channel'), children: t(`demands.channels.${d.channel}`) },
    { key: 'submittedAt', label: t('demands.fields.submittedAt'), children: formatDateTime(d.submittedAt) },
    { key: 'submittedBy', label: t('demands.fields.submittedBy'), children: d.submittedByName ?? t('common.none') },
    { key: 'confidentiality', label: t('demands.fields.confidentiality'), children: t(`demands.confidentiality.${d.confidentiality}`) },
  ];
  if (d.ownerLeaderName) items.push({ key: 'leader', label: t('demands.fields.ownerLeader'), children: d.ownerLeaderName });
  // Long texts get a row of their own, below the short facts.
  const texts: DescriptionsProps['items'] = [];
  texts.push({
    key: 'description',
    label: t('demands.fields.description'),
    children: <Typography.Paragraph className="yq-pre-line yq-flush">{d.description}</Typography.Paragraph>,
  });
  if (staff && d.confidentiality === 'anonymised' && (d.anonymisedTitle || d.anonymisedDescription)) {
    texts.push(
      { key: 'anonTitle', label: t('demands.fields.anonymisedTitle'), children: d.anonymisedTitle ?? t('common.none') },
      {
        key: 'anonDescription',
        label: t('demands.fields.anonymisedDescription'),
            children: <Typography.Paragraph className="yq-pre-line yq-flush">{d.anonymisedDescription ?? t('common.none')}</Typography.Paragraph>,
      },
    );
  }
  return (
    <Card title={t('demands.detail.content')}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="middle" items={items} />
      <Descriptions column={1} size="middle" items={texts} className="yq-desc-texts" />
    </Card>
  );
}
