import { EARLIEST_CALENDAR_YEAR, LATEST_CALENDAR_YEAR } from './calendar-limits.js';
import { lunarToSolar, qingmingDate } from './chinese-calendar-anchors.js';
import { addDays } from './iso-date.js';

/** One statutory day off (法定节假日). Two holidays on the same date share one entry ("国庆节、中秋节"). */
export type StatutoryHoliday = { date: string; name: string };

/** A version of 《全国年节及纪念日放假办法》, by the first year it governs. */
export type HolidayLawVersion = {
  firstYear: number;
  /** Date of the State Council decision that made this version. */
  amendedOn: string;
  springFestival: 'day1-3' | 'eve-day2' | 'eve-day3';
  labourDays: 1 | 2 | 3;
  /** Whether 清明节, 端午节 and 中秋节 are holidays (from 2008). */
  traditionalFestivals: boolean;
};

/**
 * The versions of 《全国年节及纪念日放假办法》 that apply from 2004 on (see docs/rules/calendar.md).
 * The tests check the derived days against chinese-days' holiday data for 2004–2023 and against
 * the official notices for 2024–2026.
 */
export const HOLIDAY_LAW_VERSIONS: readonly HolidayLawVersion[] = [
  { firstYear: 2000, amendedOn: '1999-09-18', springFestival: 'day1-3', labourDays: 3, traditionalFestivals: false },
  { firstYear: 2008, amendedOn: '2007-12-14', springFestival: 'eve-day2', labourDays: 1, traditionalFestivals: true },
  { firstYear: 2014, amendedOn: '2013-12-11', springFestival: 'day1-3', labourDays: 1, traditionalFestivals: true },
  { firstYear: 2025, amendedOn: '2024-11-10', springFestival: 'eve-day3', labourDays: 2, traditionalFestivals: true },
];

/** The version of the holiday law that governs `year`. */
export function holidayLawFor(year: number): HolidayLawVersion {
  const version = HOLIDAY_LAW_VERSIONS.filter((v) => v.firstYear <= year).at(-1);
  if (!version) throw new RangeError(`${year} 年早于已收录的放假办法`);
  return version;
}

/**
 * The statutory days off of `year` under 《全国年节及纪念日放假办法》, for a year with no official
 * arrangement yet. From 2025: 元旦 1-1; 春节 除夕 and 正月初一–初三; 清明节 (the 清明 solar-term
 * day); 劳动节 5-1 and 5-2; 端午节 (五月初五); 中秋节 (八月十五); 国庆节 10-1–10-3. Earlier years use
 * the version then in force (2014–2024: 春节 初一–初三, 劳动节 5-1 only).
 *
 * Only the statutory days: the State Council's 调休 (bridged days off and weekend working days)
 * cannot be derived. Lunar dates come from chinese-days' tables (see chinese-calendar-anchors.ts).
 * Result sorted by date.
 *
 * @throws RangeError outside 2004–2099.
 */
export function deriveStatutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < EARLIEST_CALENDAR_YEAR || year > LATEST_CALENDAR_YEAR) {
    throw new RangeError(`只能推算 ${EARLIEST_CALENDAR_YEAR}–${LATEST_CALENDAR_YEAR} 年的法定节假日，收到 ${year}`);
  }
  const law = holidayLawFor(year);
  const days: StatutoryHoliday[] = [{ date: `${year}-01-01`, name: '元旦' }];

  const newYear = lunarToSolar(year, 1, 1);
  const springOffsets = { 'day1-3': [0, 1, 2], 'eve-day2': [-1, 0, 1], 'eve-day3': [-1, 0, 1, 2] }[law.springFestival];
  for (const offset of springOffsets) days.push({ date: addDays(newYear, offset), name: '春节' });

  for (let day = 1; day <= law.labourDays; day += 1) days.push({ date: `${year}-05-0${day}`, name: '劳动节' });
  for (let day = 1; day <= 3; day += 1) days.push({ date: `${year}-10-0${day}`, name: '国庆节' });

  if (law.traditionalFestivals) {
    days.push({ date: qingmingDate(year), name: '清明节' });
    days.push({ date: lunarToSolar(year, 5, 5), name: '端午节' });
    days.push({ date: lunarToSolar(year, 8, 15), name: '中秋节' });
  }
  return mergeSameDay(days);
}

function mergeSameDay(days: StatutoryHoliday[]): StatutoryHoliday[] {
  const byDate = new Map<string, string[]>();
  for (const { date, name } of days) byDate.set(date, [...(byDate.get(date) ?? []), name]);
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, names]) => ({ date, name: names.join('、') }));
}
