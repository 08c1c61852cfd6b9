import { addDays, isIsoDate } from '../calendar/index.js';

/**
 * Months of a bulletin as "YYYY-MM" strings. Like ISO dates they compare correctly with < and >.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A real month written YYYY-MM (years 1000–9999, so that it compares as a string). */
export function isMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && Number(match[1]) >= 1000;
}

function checkMonth(month: string): void {
  if (!isMonth(month)) throw new RangeError(`月份“${month}”无效，应为 YYYY-MM 格式`);
}

function checkDay(day: string, what: string): void {
  if (!isIsoDate(day)) throw new RangeError(`${what}“${day}”无效，应为 YYYY-MM-DD 格式的真实日期`);
}

/** The month's first and last day (inclusive): 2026-02 → 2026-02-01 .. 2026-02-28. @throws RangeError for a malformed month. */
export function monthBounds(month: string): { from: string; to: string } {
  checkMonth(month);
  const from = `${month}-01`;
  return { from, to: addDays(`${nextMonth(month)}-01`, -1) };
}

/** 2026-03 → 2026-02; 2026-01 → 2025-12. @throws RangeError for a malformed month. */
export function previousMonth(month: string): string {
  checkMonth(month);
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** 2025-12 → 2026-01. @throws RangeError for a malformed month. */
export function nextMonth(month: string): string {
  checkMonth(month);
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The month a day lies in: 2026-03-15 → 2026-03. */
export function monthOf(day: string): string {
  checkDay(day, '日期');
  return day.slice(0, 7);
}

/**
 * The day a bulletin's figures are as of: the month's last day once the month is over, or
 * `today` (the zone's today) while it is running.
 *
 * @throws RangeError for a malformed month or day, or a month that has not begun (nothing to report).
 */
export function asOfDay(month: string, today: string): string {
  const { from, to } = monthBounds(month);
  checkDay(today, '今天的日期');
  if (today < from) throw new RangeError(`月份 ${month} 尚未开始（今天是 ${today}），不能生成月通报`);
  return today < to ? today : to;
}
