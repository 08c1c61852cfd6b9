import { Card, Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../app/format.js';
import { CountdownTag } from './CountdownTag.js';
import type { DemandDetail } from './demand-types.js';
import { ProvisionalTag } from './ProvisionalTag.js';

/** Who handles it, by when, and what they answered. */
export function DemandHandlingCard({ demand: d }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  const none = <span className="yq-muted">{t('demands.notAssigned')}</span>;
  const items: DescriptionsProps['items'] = [
    { key: 'lead', label: t('demands.fields.lead'), children: d.leadDepartmentName ?? none },
    {
      key: 'assisting',
      label: t('demands.fields.assisting'),
      children: d.assistingDepartments.length ? d.assistingDepartments.map((a) => <Tag key={a.id}>{a.name}</Tag>) : t('common.none'),
    },
    {
      key: 'due',
      label: t('demands.fields.dueOn'),
      children: d.dueOn ? (
        <Space size={4} wrap>
          <span className="yq-num">{formatDate(d.dueOn)}</span>
          <CountdownTag countdown={d.countdown} status={d.status} />
          {d.provisional && <ProvisionalTag />}
          {d.extended && <Tag color="orange">{t('demands.markers.extended')}</Tag>}
        </Space>
      ) : d.status === 'submitted' || d.status === 'accepted' ? (
        <span className="yq-muted">{t('demands.detail.dueAfterAssign')}</span>
      ) : (
        t('common.none')
      ),
    },
  ];
  if (d.pausedDays > 0 || d.waitingSince) {
    items.push({
      key: 'paused',
      label: t('demands.detail.paused'),
      children: (
        <Space size={8} wrap>
          {d.pausedDays > 0 && <span>{t('demands.detail.pausedDays', { n: d.pausedDays })}</span>}
          {d.waitingSince && <span>{t('demands.detail.waitingSince', { date: formatDate(d.waitingSince) })}</span>}
        </Space>
      ),
    });
  }
  if (d.settledAt) {
    items.push({
      key: 'settledAt',
      label: t('demands.fields.settledAt'),
      children: (
        <Space size={4}>
          <span>{formatDateTime(d.settledAt)}</span>
          {d.settledOnTime === true && <Tag color="success">{t('demands.detail.onTime')}</Tag>}
          {d.settledOnTime === false && <Tag color="error">{t('demands.detail.late')}</Tag>}
        </Space>
      ),
    });
  }
  const answer: DescriptionsProps['items'] = [{
    key: 'answer',
    label: t('demands.fields.answer'),
    children: d.answer ? (
      <Typography.Paragraph className="yq-pre-line yq-flush" data-testid="demand-answer">
        {d.answer}
      </Typography.Paragraph>
    ) : (
      <span className="yq-muted">{t('demands.detail.noAnswer')}</span>
    ),
  }];
  return (
    <Card title={t('demands.detail.handling')}>
      <Descriptions column={{ xs: 1, md: 2, xxl: 3 }} size="middle" items={items} />
      <Descriptions column={1} size="middle" items={answer} className="yq-desc-texts" />
    </Card>
  );
}
