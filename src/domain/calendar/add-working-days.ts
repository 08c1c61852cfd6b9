import { addDays } from './iso-date.js';
import { isWorkingDay } from './is-working-day.js';
import { requireCalendarYear, type WorkingCalendar } from './working-calendar.js';

/**
 * The n-th working day strictly after `start` ("due within 5 working days of assignment").
 * `start` itself never counts, whatever kind of day it is; n = 0 returns `start` unchanged.
 * `provisional` is true when any day examined lies in a provisional year (no official notice
 * yet), so the due date may move once the State Council publishes that year's arrangement.
 *
 * @param start YYYY-MM-DD
 * @param n non-negative integer number of working days
 * @throws RangeError for a malformed date or a negative / fractional n;
 *   CalendarRangeError when `start` or a day examined is outside the calendar's years.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: string, n: number): { due: string; provisional: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日天数应为非负整数，收到 ${n}`);
  requireCalendarYear(calendar, start);
  let due = start;
  let provisional = false;
  for (let counted = 0; counted < n; ) {
    due = addDays(due, 1);
    const day = isWorkingDay(calendar, due);
    provisional ||= day.provisional;
    if (day.workingDay) counted += 1;
  }
  return { due, provisional };
}
