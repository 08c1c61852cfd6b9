import { Alert, Card, Progress, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from './visit-api.js';
import { isEndedDemand, isSettledDemand, raisedDemandIds } from './visit-demands.js';
import { VisitDemandTable } from './VisitDemandTable.js';

/** 诉求跟踪: the visit's demands (gathered before it, raised in it) followed on its page until all are settled. */
export function VisitDemandsPanel({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const raised = raisedDemandIds(v);
  const total = v.demands.length;
  const settled = v.demands.filter((d) => isSettledDemand(d.status)).length;
  const ended = v.demands.filter((d) => isEndedDemand(d.status)).length;
  const open = total - settled - ended;
  const overdue = v.demands.filter((d) => !isSettledDemand(d.status) && !isEndedDemand(d.status) && d.countdown?.overdue).length;
  const followed = total - ended;
  return (
    <Card
      title={t('visits.tracking.title')}
      extra={total > 0 && <span data-testid="visit-demand-summary">{t('visits.tracking.summary', { n: total, m: settled })}</span>}
    >
      {total > 0 && (
        <Space size={40} wrap className="yq-visit-tracking-stats">
          <Statistic title={t('visits.tracking.total')} value={total} />
          <Statistic title={t('visits.tracking.settled')} value={settled} />
          <Statistic title={t('visits.tracking.open')} value={open} />
          <Statistic title={t('visits.tracking.overdue')} value={overdue} styles={overdue > 0 ? { content: { color: '#cf1322' } } : undefined} />
          <Progress type="circle" size={64} percent={followed ? Math.round((settled / followed) * 100) : 100} />
        </Space>
      )}
      {total > 0 && open === 0 && <Alert type="success" showIcon className="yq-visit-form-alert" title={t('visits.tracking.allSettled')} />}
      <VisitDemandTable
        testId="visit-demands"
        items={v.demands}
        emptyText={t('visits.tracking.none')}
        marker={(d) =>
          raised.has(d.id) ? (
            <Tag color="blue" className="yq-visit-origin">{t('visits.tracking.raised')}</Tag>
          ) : (
            <Tag className="yq-visit-origin">{t('visits.tracking.gathered')}</Tag>
          )
        }
      />
    </Card>
  );
}
