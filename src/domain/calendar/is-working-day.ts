import { isWeekend } from './iso-date.js';
import { requireCalendarYear, type WorkingCalendar } from './working-calendar.js';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday' | 'zone-closure' | 'zone-working';

export type WorkingDayAnswer = {
  workingDay: boolean;
  /** Why, in Chinese: 工作日, 周末, 春节（法定节假日）, 春节假期, 调休上班, 园区闭园：…, 园区安排上班：… */
  reason: string;
  kind: DayKind;
  /** True when the date's year has no official arrangement yet (statutory days only, no 调休). */
  provisional: boolean;
};

/**
 * Whether `date` (YYYY-MM-DD) is a working day, in this order: the zone's override for the
 * date; a day inside an off range of the State Council arrangement (or, in a provisional year,
 * a statutory day derived from the holiday law); an adjusted working day (调休上班); Saturday
 * and Sunday off; otherwise a working day.
 *
 * @throws RangeError for a malformed date; CalendarRangeError outside the calendar's years.
 */
export function isWorkingDay(calendar: WorkingCalendar, date: string): WorkingDayAnswer {
  const year = requireCalendarYear(calendar, date);
  const provisional = year.status === 'provisional';
  const answer = (workingDay: boolean, kind: DayKind, reason: string) => ({ workingDay, kind, reason, provisional });

  const override = calendar.overrides[date];
  if (override?.kind === 'closure') return answer(false, 'zone-closure', `园区闭园：${override.reason}`);
  if (override?.kind === 'working') return answer(true, 'zone-working', `园区安排上班：${override.reason}`);

  const dayOff = year.daysOff[date];
  if (dayOff) return answer(false, 'holiday', dayOff.statutory ? `${dayOff.name}（法定节假日）` : `${dayOff.name}假期`);
  if (year.adjustedWorkdays.includes(date)) return answer(true, 'adjusted-workday', '调休上班');
  if (isWeekend(date)) return answer(false, 'weekend', '周末');
  return answer(true, 'workday', '工作日');
}
