import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandSummary } from './demand-types.js';

type Props = { demand: DemandSummary; withConfirmedByDefault?: boolean };

/** The small marks of a demand's history: 延期, 延期待审, 退回 N 次, 多次退回, 重办, 督办, 默认确认. */
export function DemandMarkers({ demand: d, withConfirmedByDefault = false }: Props) {
  const { t } = useTranslation();
  const tags = [];
  if (d.escalationLevel > 0) {
    tags.push(
      <Tooltip key="esc" title={t(`demands.markers.escalatedHelp${d.escalationLevel >= 2 ? 2 : 1}`)}>
        <Tag color="red">{t(d.escalationLevel >= 2 ? 'demands.markers.escalatedLeader' : 'demands.markers.escalated')}</Tag>
      </Tooltip>,
    );
  }
  if (d.hasPendingExtension) tags.push(<Tag key="pend" color="gold">{t('demands.markers.pendingExtension')}</Tag>);
  if (d.extended) tags.push(<Tag key="ext" color="orange">{t('demands.markers.extended')}</Tag>);
  if (d.bounceCount > 0) {
    tags.push(
      <Tooltip key="bounce" title={d.flagged ? t('demands.markers.flaggedHelp') : undefined}>
        <Tag color={d.flagged ? 'volcano' : 'default'}>{t('demands.markers.bounced', { n: d.bounceCount })}</Tag>
      </Tooltip>,
    );
  }
  if (d.reopenCount > 0) tags.push(<Tag key="reopen" color="magenta">{t('demands.markers.reopened', { n: d.reopenCount })}</Tag>);
  if (withConfirmedByDefault && d.confirmedByDefault) {
    tags.push(
      <Tooltip key="cbd" title={t('demands.markers.confirmedByDefaultHelp')}>
        <Tag>{t('demands.markers.confirmedByDefault')}</Tag>
      </Tooltip>,
    );
  }
  if (tags.length === 0) return null;
  return <span className="yq-markers">{tags}</span>;
}
