import { addDays } from './iso-date.js';
import { isWorkingDay } from './is-working-day.js';
import { requireCalendarYear, type WorkingCalendar } from './working-calendar.js';

/**
 * The number of working days d with from < d ≤ to, so that
 * workingDaysBetween(c, s, addWorkingDays(c, s, n).due).days === n. When to < from the count is
 * negative: workingDaysBetween(c, a, b).days === -workingDaysBetween(c, b, a).days.
 * `provisional` is true when any day counted over lies in a provisional year.
 *
 * @throws RangeError for a malformed date; CalendarRangeError when either end is outside the calendar.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): { days: number; provisional: boolean } {
  requireCalendarYear(calendar, from);
  requireCalendarYear(calendar, to);
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  let provisional = false;
  for (let date = addDays(low, 1); date <= high; date = addDays(date, 1)) {
    const day = isWorkingDay(calendar, date);
    provisional ||= day.provisional;
    if (day.workingDay) days += 1;
  }
  return { days: days === 0 ? 0 : sign * days, provisional };
}
