import { Card, Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitDetail } from './visit-api.js';

/** The plan of the visit: when, who, which theme, which enterprises, who comes along, and why. */
export function VisitFactsCard({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const none = <span className="yq-muted">{t('common.none')}</span>;
  const names = (list: { id: string; name: string }[]) => (list.length ? list.map((x) => x.name).join(t('visits.listSeparator')) : none);
  const items: DescriptionsProps['items'] = [
    {
      key: 'when',
      label: t('visits.fields.when'),
      children: (
        <span>
          <span className="yq-num">{v.visitOn}</span> {t(`visits.halfDays.${v.halfDay}`)}
        </span>
      ),
    },
    { key: 'leader', label: t('visits.fields.leader'), children: v.leader.name },
    { key: 'theme', label: t('visits.fields.theme'), children: v.theme ? <Tag color="purple">{v.theme.name}</Tag> : none },
    {
      key: 'enterprises',
      label: t('visits.fields.enterprises'),
      span: 'filled',
      children: (
        <Space size={[12, 4]} wrap data-testid="visit-enterprise-links">
          {v.enterprises.map((e) => (
            <Link key={e.id} to={`/enterprises/${e.id}`}>
              {e.name}
            </Link>
          ))}
        </Space>
      ),
    },
    { key: 'departments', label: t('visits.fields.departments'), children: names(v.departments) },
    { key: 'cadres', label: t('visits.fields.cadres'), children: names(v.cadres) },
    { key: 'createdBy', label: t('visits.fields.createdBy'), children: v.createdByName ?? none },
  ];
  const texts: DescriptionsProps['items'] = [
    {
      key: 'purpose',
      label: t('visits.fields.purpose'),
      children: v.purpose ? <Typography.Paragraph className="yq-pre-line yq-flush">{v.purpose}</Typography.Paragraph> : none,
    },
  ];
  return (
    <Card title={t('visits.detail.facts')} data-testid="visit-facts">
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="middle" items={items} />
      <Descriptions column={1} size="middle" items={texts} className="yq-desc-texts" />
    </Card>
  );
}
