import chineseDays from 'chinese-days';
import { addDays } from './iso-date.js';

/**
 * Gregorian dates of lunar days and of the 清明 solar term, independent of the host time zone.
 *
 * chinese-days' own getSolarDateFromLunar and getSolarTermDate format UTC dates with local-time
 * getters, so west of UTC they answer one day off. Here only its lunar tables (month lengths and
 * leap months, pure look-ups) are used, and all date arithmetic is UTC.
 */

/** 正月初一 of lunar year 1900, where chinese-days' lunar tables begin. */
const LUNAR_TABLE_START = '1900-01-31';

/** Gregorian date of `day` of the ordinary (non-leap) lunar `month` of lunar year `year`. */
export function lunarToSolar(year: number, month: number, day: number): string {
  let offset = 0;
  for (let y = 1900; y < year; y += 1) offset += lunarYearLength(y);
  const leap = chineseDays.getYearLeapMonth(year);
  for (let m = 1; m < month; m += 1) {
    offset += chineseDays.monthDays(year, m);
    if (m === leap.leapMonth) offset += leap.days;
  }
  return addDays(LUNAR_TABLE_START, offset + day - 1);
}

/**
 * The 清明 day of `year` (2000–2099) by the 寿星通用公式 that chinese-days also uses:
 * day of April = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋, Y = year mod 100 (no corrections fall on 清明 this century).
 */
export function qingmingDate(year: number): string {
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

function lunarYearLength(year: number): number {
  let days = chineseDays.getYearLeapMonth(year).days;
  for (let m = 1; m <= 12; m += 1) days += chineseDays.monthDays(year, m);
  return days;
}
