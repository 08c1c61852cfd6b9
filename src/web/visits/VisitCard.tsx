import { Tag, Tooltip } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitSummary } from './visit-api.js';

export const VISIT_DRAG_TYPE = 'application/x-yiqi-visit';

/**
 * One visit in a half-day cell of the plan: leader, theme, enterprises; blue while planned, green
 * once done, grey and struck through when cancelled. A planned visit the user may move can be
 * dragged to another cell.
 */
export function VisitCard({ visit, draggable, onDragStart, onDragEnd }: {
  visit: VisitSummary;
  draggable: boolean;
  onDragStart?: (visit: VisitSummary) => void;
  onDragEnd?: () => void;
}) {
  const { t } = useTranslation();
  const start = (e: DragEvent<HTMLAnchorElement>) => {
    e.dataTransfer.setData(VISIT_DRAG_TYPE, visit.id);
    e.dataTransfer.setData('text/plain', visit.number);
    e.dataTransfer.effectAllowed = 'move';
    onDragStart?.(visit);
  };
  const shown = visit.enterprises.slice(0, 3);
  const more = visit.enterprises.length - shown.length;
  return (
    <Link
      to={`/visits/${visit.id}`}
      className={`yq-visit-card yq-visit-card-${visit.status}${draggable ? ' yq-visit-card-draggable' : ''}`}
      draggable={draggable}
      onDragStart={draggable ? start : (e) => e.preventDefault()}
      onDragEnd={onDragEnd}
      onClick={(e) => e.stopPropagation()}
      data-testid={`visit-card-${visit.number}`}
      aria-label={t('visits.plan.cardLabel', {
        leader: visit.leader.name,
        status: t(`visits.statuses.${visit.status}`),
        enterprises: visit.enterprises.map((e) => e.name).join(t('visits.listSeparator')),
      })}
    >
      <div className="yq-visit-card-head">
        <span className="yq-visit-card-leader">{visit.leader.name}</span>
        {visit.status !== 'planned' && <span className="yq-visit-card-status">{t(`visits.statuses.${visit.status}`)}</span>}
      </div>
      {visit.theme && (
        <Tag color="purple" className="yq-visit-card-theme">
          {visit.theme.name}
        </Tag>
      )}
      <ul className="yq-visit-card-enterprises">
        {shown.map((e) => (
          <li key={e.id}>
            <Tooltip title={e.name} placement="right">
              <span>{e.name}</span>
            </Tooltip>
          </li>
        ))}
        {more > 0 && <li className="yq-muted">{t('visits.plan.moreEnterprises', { n: more })}</li>}
      </ul>
      {visit.openDemandCount > 0 && (
        <span className="yq-visit-card-demands">{t('visits.plan.openDemands', { n: visit.openDemandCount })}</span>
      )}
    </Link>
  );
}
