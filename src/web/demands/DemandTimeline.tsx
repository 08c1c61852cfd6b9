import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { useAllDepartments } from '../identity/identity-api.js';
import type { TimelineEvent } from './demand-types.js';
import { eventColor, eventDetails, eventTitle, mergedRef } from './timeline-text.js';

/** The demand's story: who did what and when, in words per event kind; internal entries marked 内部. */
export function DemandTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const departmentName = (id: string) => departments.data?.items.find((d) => d.id === id)?.name;
  if (events.length === 0) return <Typography.Text type="secondary">{t('demands.detail.noEvents')}</Typography.Text>;
  return (
    <div data-testid="demand-timeline">
    <Timeline
      className="yq-timeline"
      items={events.map((e) => {
        const details = eventDetails(e, t, departmentName);
        const ref = mergedRef(e);
        return {
          key: e.id,
          color: eventColor(e),
          content: (
            <div className="yq-event" data-kind={e.kind}>
              <div className="yq-event-head">
                <Typography.Text strong>{e.actorName}</Typography.Text>
                <span>{eventTitle(e, t)}</span>
                {ref && (
                  <Link to={`/demands/${ref.id}`} className="yq-num">
                    {ref.number}
                  </Link>
                )}
                {e.internal && (
                  <Tag color="default" className="yq-internal-tag">
                    {t('demands.detail.internal')}
                  </Tag>
                )}
              </div>
              <div className="yq-event-time">{formatDateTime(e.at)}</div>
              {details.map((line, i) => (
                <div key={i} className="yq-event-detail">
                  {line}
                </div>
              ))}
              {e.note && <div className="yq-event-note yq-pre-line">{e.note}</div>}
            </div>
          ),
        };
      })}
    />
    </div>
  );
}
