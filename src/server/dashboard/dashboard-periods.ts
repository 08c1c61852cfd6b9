import { addDays } from '../../domain/calendar/index.js';
import { isoWeekOf, type IsoWeek } from '../../domain/visits/index.js';

export type MonthPeriod = { month: string; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of month `m` (1–12) of `year`. */
function lastDayOf(year: number, m: number): string {
  const next = m === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${pad(m + 1)}-01`;
  return addDays(next, -1);
}

/**
 * The `count` calendar months ending with the month of `today` (YYYY-MM-DD), oldest first, each
 * with its first and last day. The current month runs to its last day, not to today.
 */
export function monthsEndingAt(today: string, count: number): MonthPeriod[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: MonthPeriod[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const yy = String(y).padStart(4, '0');
    out.push({ month: `${yy}-${pad(m)}`, from: `${yy}-${pad(m)}-01`, to: lastDayOf(y, m) });
  }
  return out;
}

/** The `count` ISO weeks (Monday to Sunday) ending with the week of `today`, oldest first. */
export function isoWeeksEndingAt(today: string, count: number): IsoWeek[] {
  const current = isoWeekOf(today);
  return Array.from({ length: count }, (_, i) => isoWeekOf(addDays(current.monday, -7 * (count - 1 - i))));
}
