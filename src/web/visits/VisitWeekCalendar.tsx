import { PlusOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import type { CalendarDay } from '../calendar/calendar-api.js';
import { HALF_DAYS } from '../../domain/visits/visit-vocabulary.js';
import type { HalfDay, VisitSummary } from './visit-api.js';
import { canMoveVisit } from './visit-access.js';
import { daysOfWeek, weekdayIndex, type IsoWeek } from './visit-week.js';
import { VISIT_DRAG_TYPE, VisitCard } from './VisitCard.js';

type Props = {
  week: IsoWeek;
  visits: VisitSummary[];
  /** The zone's working calendar for the days of the week (休 / 班 marks). */
  days: Map<string, CalendarDay>;
  today: string;
  /** Clicking an empty part of a cell plans a visit there. */
  onPlan?: (visitOn: string, halfDay: HalfDay) => void;
  onMove: (visit: VisitSummary, visitOn: string, halfDay: HalfDay) => void;
};

const WEEKDAY_KEYS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6'] as const;
const OFF_KINDS: CalendarDay['kind'][] = ['holiday', 'zone-closure'];
const WORK_KINDS: CalendarDay['kind'][] = ['adjusted-workday', 'zone-working'];

/** The week as a grid: Monday to Sunday across, 上午 / 下午 down, each visit a card; planned cards can be dragged. */
export function VisitWeekCalendar({ week, visits, days, today, onPlan, onMove }: Props) {
  const { t } = useTranslation();
  const me = useSession();
  const [dragging, setDragging] = useState<VisitSummary | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const dates = daysOfWeek(week);

  const cellVisits = (date: string, halfDay: HalfDay) =>
    visits
      .filter((v) => v.visitOn === date && v.halfDay === halfDay)
      .sort((a, b) => Number(a.status === 'cancelled') - Number(b.status === 'cancelled') || a.leader.name.localeCompare(b.leader.name, 'zh-CN'));

  const isSameSlot = (date: string, halfDay: HalfDay) => dragging !== null && dragging.visitOn === date && dragging.halfDay === halfDay;

  const dragOver = (e: DragEvent<HTMLDivElement>, key: string, date: string, halfDay: HalfDay) => {
    if (!dragging || !e.dataTransfer.types.includes(VISIT_DRAG_TYPE) || isSameSlot(date, halfDay)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (over !== key) setOver(key);
  };

  const drop = (e: DragEvent<HTMLDivElement>, date: string, halfDay: HalfDay) => {
    e.preventDefault();
    const id = e.dataTransfer.getData(VISIT_DRAG_TYPE);
    const visit = visits.find((v) => v.id === id) ?? dragging;
    setOver(null);
    setDragging(null);
    if (!visit || (visit.visitOn === date && visit.halfDay === halfDay)) return;
    onMove(visit, date, halfDay);
  };

  const keyPlan = (e: KeyboardEvent<HTMLDivElement>, date: string, halfDay: HalfDay) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    onPlan?.(date, halfDay);
  };

  return (
    <div className="yq-visit-week" role="grid" aria-label={t('visits.plan.gridLabel', { week: week.week })} data-testid="visit-week">
      <Row label={null}>
      {dates.map((date) => {
        const day = days.get(date);
        const weekend = weekdayIndex(date) >= 5;
        const off = day ? OFF_KINDS.includes(day.kind) : false;
        const work = day ? WORK_KINDS.includes(day.kind) : false;
        const rest = day ? !day.workingDay : weekend;
        return (
          <div
            key={date}
            role="columnheader"
            className={`yq-visit-week-day${rest ? ' yq-visit-week-rest' : ''}${date === today ? ' yq-visit-week-today' : ''}`}
            data-testid={`visit-day-${date}`}
          >
            <span className="yq-visit-week-dow">{t(`visits.weekdays.${WEEKDAY_KEYS[weekdayIndex(date)] ?? 'd0'}`)}</span>
            <span className="yq-num">{date.slice(5)}</span>
            {(off || work) && (
              <Tooltip title={day?.reason || undefined}>
                <span className={`yq-visit-week-mark ${off ? 'yq-visit-week-mark-off' : 'yq-visit-week-mark-work'}`}>
                  {off ? t('visits.plan.off') : t('visits.plan.work')}
                </span>
              </Tooltip>
            )}
            {date === today && <span className="yq-visit-week-todaytag">{t('visits.plan.today')}</span>}
          </div>
        );
      })}
      </Row>
      {HALF_DAYS.map((halfDay) => (
        <Row key={halfDay} label={t(`visits.halfDays.${halfDay}`)}>
          {dates.map((date) => {
            const key = `${date}-${halfDay}`;
            const here = cellVisits(date, halfDay);
            const day = days.get(date);
            const rest = day ? !day.workingDay : weekdayIndex(date) >= 5;
            const planHere = onPlan ? () => onPlan(date, halfDay) : undefined;
            return (
              <div
                key={key}
                role="gridcell"
                tabIndex={onPlan ? 0 : undefined}
                aria-label={t('visits.plan.cellLabel', { date, halfDay: t(`visits.halfDays.${halfDay}`), n: here.length })}
                className={`yq-visit-cell${rest ? ' yq-visit-week-rest' : ''}${over === key ? ' yq-visit-cell-over' : ''}${onPlan ? ' yq-visit-cell-plannable' : ''}`}
                data-testid={`visit-cell-${key}`}
                onClick={planHere}
                onKeyDown={(e) => keyPlan(e, date, halfDay)}
                onDragOver={(e) => dragOver(e, key, date, halfDay)}
                onDragLeave={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null) && over === key) setOver(null);
                }}
                onDrop={(e) => drop(e, date, halfDay)}
              >
                {here.map((v) => (
                  <VisitCard
                    key={v.id}
                    visit={v}
                    draggable={canMoveVisit(me, v)}
                    onDragStart={setDragging}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  />
                ))}
                {onPlan && (
                  <span className="yq-visit-cell-add" aria-hidden>
                    <PlusOutlined /> {t('visits.plan.addHere')}
                  </span>
                )}
              </div>
            );
          })}
        </Row>
      ))}
    </div>
  );
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div role="row" className="yq-visit-week-row">
      <div className="yq-visit-week-half" role="rowheader">
        {label}
      </div>
      {children}
    </div>
  );
}
