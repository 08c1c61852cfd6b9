/**
 * ISO calendar dates ("YYYY-MM-DD") as plain strings, with UTC arithmetic only,
 * so that no local time zone or daylight-saving rule can shift a day.
 * A date string compares correctly with `<` and `>` (fixed width, years 1000–9999).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export type DateParts = { year: number; month: number; day: number };

/** Splits a real calendar date into its parts; null for a malformed or impossible date ("2025-02-30"). */
export function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Days since 1970-01-01 (UTC). Throws a RangeError for anything but a real YYYY-MM-DD date. */
export function toDayNumber(value: string): number {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`日期“${value}”无效，应为 YYYY-MM-DD 格式的真实日期`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
export function dayOfWeek(value: string): number {
  return (((toDayNumber(value) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(value: string): boolean {
  const day = dayOfWeek(value);
  return day === 0 || day === 6;
}

export function yearOf(value: string): number {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`日期“${value}”无效，应为 YYYY-MM-DD 格式的真实日期`);
  return parts.year;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
