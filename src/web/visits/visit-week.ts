import { addDays, dayOfWeek, isIsoDate } from '../../domain/calendar/iso-date.js';
import { isoWeekOf, type IsoWeek } from '../../domain/visits/weekly-compliance.js';

export { addDays, isoWeekOf, type IsoWeek };

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of an ISO week "2026-W48" (week 1 holds 4 January); null for a malformed or out-of-range week. */
export function mondayOfWeek(week: string): string | null {
  const match = WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]);
  const jan4 = `${year}-01-04`;
  const monday = addDays(addDays(jan4, -((dayOfWeek(jan4) + 6) % 7)), (index - 1) * 7);
  if (index < 1 || isoWeekOf(monday).week !== week) return null;
  return monday;
}

/**
 * The week the plan shows, from the URL: `?week=2026-W48`, else `?from=YYYY-MM-DD` (its week),
 * else the week of today.
 */
export function weekFromParams(params: URLSearchParams, today: string): IsoWeek {
  const week = params.get('week');
  const monday = week ? mondayOfWeek(week) : null;
  if (monday) return isoWeekOf(monday);
  const from = params.get('from');
  if (from && isIsoDate(from)) return isoWeekOf(from);
  return isoWeekOf(today);
}

/** Monday to Sunday of the week. */
export function daysOfWeek(week: IsoWeek): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(week.monday, i));
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (dayOfWeek(date) + 6) % 7;
}
