import { CalendarDataError, CalendarRangeError } from './calendar-errors.js';
import { DEFAULT_PROVISIONAL_YEARS_AHEAD, EARLIEST_CALENDAR_YEAR, LATEST_CALENDAR_YEAR } from './calendar-limits.js';
import { deriveStatutoryHolidays, holidayLawFor, type StatutoryHoliday } from './derive-statutory-holidays.js';
import { addDays, isIsoDate, yearOf } from './iso-date.js';
import type { YearArrangement } from './official-arrangements.js';
import { parseYearArrangement } from './parse-year-arrangement.js';

/** A zone's own decision for one date, applied on top of the national calendar. */
export type DayOverride = { date: string; kind: 'closure' | 'working'; reason: string };

/** A day inside an off range; `statutory` marks a 法定节假日 under the holiday law (not a 调休 day). */
export type CalendarDayOff = { name: string; statutory: boolean };

/**
 * One year of the calendar. `official` years follow a State Council notice; `provisional` years
 * have only the statutory days derived from the holiday law, no 调休, and every weekend off.
 */
export type CalendarYear = {
  year: number;
  status: 'official' | 'provisional';
  /** Notice number and gov.cn URL; null for a provisional year. */
  notice: string | null;
  source: string | null;
  /** What the year rests on, in words: the notice, or the law version it was derived from. */
  basis: string;
  offRanges: { name: string; from: string; to: string }[];
  adjustedWorkdays: string[];
  /** Every date inside an off range. */
  daysOff: Record<string, CalendarDayOff>;
};

/** The whole calendar as plain, serialisable data (it can be sent to the web form as JSON). */
export type WorkingCalendar = {
  firstYear: number;
  lastYear: number;
  years: Record<number, CalendarYear>;
  overrides: Record<string, DayOverride>;
};

export type BuildWorkingCalendarInput = {
  arrangements: readonly YearArrangement[];
  overrides?: readonly DayOverride[];
  /**
   * Years answered provisionally when they have no arrangement. Defaults: from 2004 through
   * 10 years after the last official year. Official years are always included.
   */
  provisionalYears?: { from?: number; through?: number };
};

/**
 * Builds the working calendar from the official arrangements, the zone's overrides and the
 * range of provisional years. Every input is validated again here.
 *
 * @throws CalendarDataError for an invalid arrangement, a year given twice, a bad range, or an
 *   override that is malformed, duplicated or outside the calendar's years.
 */
export function buildWorkingCalendar(input: BuildWorkingCalendarInput): WorkingCalendar {
  const arrangements = input.arrangements.map((raw, index) => withFieldPrefix(`arrangements[${index}]`, () => parseYearArrangement(raw)));
  const { firstYear, lastYear } = resolveRange(arrangements, input.provisionalYears);

  const years: Record<number, CalendarYear> = {};
  arrangements.forEach((arrangement, index) => {
    if (years[arrangement.year]) {
      throw new CalendarDataError(`arrangements[${index}].year`, {
        zh: `${arrangement.year} 年的节假日安排重复`,
        en: `The holiday arrangement for ${arrangement.year} is given more than once`,
      });
    }
    years[arrangement.year] = officialYear(arrangement);
  });
  for (let year = firstYear; year <= lastYear; year += 1) years[year] ??= provisionalYear(year);

  return { firstYear, lastYear, years, overrides: indexOverrides(input.overrides ?? [], firstYear, lastYear) };
}

/**
 * The calendar year that contains `date`.
 * @throws RangeError for a malformed date; CalendarRangeError for a year the calendar does not cover.
 */
export function requireCalendarYear(calendar: WorkingCalendar, date: string): CalendarYear {
  const found = calendar.years[yearOf(date)];
  if (!found) {
    throw new CalendarRangeError(date, {
      zh: `日期 ${date} 超出工作日历范围（${calendar.firstYear}–${calendar.lastYear} 年），无法判断是否为工作日`,
      en: `Date ${date} is outside the working calendar (${calendar.firstYear}–${calendar.lastYear}), so whether it is a working day cannot be determined`,
    });
  }
  return found;
}

function resolveRange(arrangements: YearArrangement[], provisional: BuildWorkingCalendarInput['provisionalYears']) {
  const officialYears = arrangements.map((a) => a.year);
  const lastOfficial = officialYears.length > 0 ? Math.max(...officialYears) : undefined;
  const from = provisional?.from ?? EARLIEST_CALENDAR_YEAR;
  const through = provisional?.through ?? (lastOfficial === undefined ? undefined : Math.min(lastOfficial + DEFAULT_PROVISIONAL_YEARS_AHEAD, LATEST_CALENDAR_YEAR));
  if (through === undefined) {
    throw new CalendarDataError('provisionalYears.through', {
      zh: '没有官方节假日安排时，须指定暂定年份的截止年份',
      en: 'Without any official holiday arrangement, the last provisional year must be given',
    });
  }
  if (!Number.isInteger(from) || !Number.isInteger(through) || from < EARLIEST_CALENDAR_YEAR || through > LATEST_CALENDAR_YEAR || from > through) {
    throw new CalendarDataError('provisionalYears', {
      zh: `暂定年份范围应在 ${EARLIEST_CALENDAR_YEAR}–${LATEST_CALENDAR_YEAR} 年之间且起始不晚于截止，收到 ${from}–${through}`,
      en: `Provisional years must lie within ${EARLIEST_CALENDAR_YEAR}–${LATEST_CALENDAR_YEAR} and start no later than they end; got ${from}–${through}`,
    });
  }
  return { firstYear: Math.min(from, ...officialYears), lastYear: Math.max(through, ...officialYears) };
}

function officialYear(arrangement: YearArrangement): CalendarYear {
  const statutory = new Map(deriveStatutoryHolidays(arrangement.year).map((h) => [h.date, h.name]));
  const daysOff: Record<string, CalendarDayOff> = {};
  for (const range of arrangement.offRanges) {
    for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
      const statutoryName = statutory.get(date);
      daysOff[date] = statutoryName ? { name: statutoryName, statutory: true } : { name: range.name, statutory: false };
    }
  }
  return {
    year: arrangement.year,
    status: 'official',
    notice: arrangement.notice,
    source: arrangement.source,
    basis: `${arrangement.notice}（${arrangement.issuedOn} 发布）`,
    offRanges: arrangement.offRanges.map((range) => ({ ...range })),
    adjustedWorkdays: [...arrangement.adjustedWorkdays],
    daysOff,
  };
}

function provisionalYear(year: number): CalendarYear {
  const holidays = deriveStatutoryHolidays(year);
  const daysOff: Record<string, CalendarDayOff> = {};
  for (const { date, name } of holidays) daysOff[date] = { name, statutory: true };
  return {
    year,
    status: 'provisional',
    notice: null,
    source: null,
    basis: `暂定：依《全国年节及纪念日放假办法》（${holidayLawFor(year).amendedOn} 修订）推算，未含调休`,
    offRanges: groupIntoRanges(holidays),
    adjustedWorkdays: [],
    daysOff,
  };
}

/** Consecutive days with the same name become one range. */
function groupIntoRanges(holidays: StatutoryHoliday[]): CalendarYear['offRanges'] {
  const ranges: CalendarYear['offRanges'] = [];
  for (const { date, name } of holidays) {
    const last = ranges[ranges.length - 1];
    if (last && last.name === name && addDays(last.to, 1) === date) last.to = date;
    else ranges.push({ name, from: date, to: date });
  }
  return ranges;
}

function indexOverrides(overrides: readonly DayOverride[], firstYear: number, lastYear: number): Record<string, DayOverride> {
  const byDate: Record<string, DayOverride> = {};
  overrides.forEach(({ date, kind, reason }, index) => {
    const field = `overrides[${index}]`;
    if (typeof date !== 'string' || !isIsoDate(date)) {
      throw new CalendarDataError(`${field}.date`, {
        zh: `园区调整日期“${String(date)}”不是有效日期（应为 YYYY-MM-DD）`,
        en: `Zone override date "${String(date)}" is not a valid date (expected YYYY-MM-DD)`,
      });
    }
    const year = yearOf(date);
    if (year < firstYear || year > lastYear) {
      throw new CalendarDataError(`${field}.date`, {
        zh: `园区调整日期 ${date} 超出工作日历范围（${firstYear}–${lastYear} 年）`,
        en: `Zone override date ${date} is outside the working calendar (${firstYear}–${lastYear})`,
      });
    }
    if (kind !== 'closure' && kind !== 'working') {
      throw new CalendarDataError(`${field}.kind`, {
        zh: '园区调整类型应为 closure（闭园）或 working（上班）',
        en: 'Zone override kind must be closure (zone closed) or working (open for work)',
      });
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new CalendarDataError(`${field}.reason`, { zh: `园区调整 ${date} 须填写原因`, en: `Zone override on ${date} needs a reason` });
    }
    if (byDate[date]) {
      throw new CalendarDataError(`${field}.date`, { zh: `园区调整日期 ${date} 重复`, en: `Zone override date ${date} is given more than once` });
    }
    byDate[date] = { date, kind, reason: reason.trim() };
  });
  return byDate;
}

function withFieldPrefix<T>(prefix: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CalendarDataError) throw new CalendarDataError(error.field ? `${prefix}.${error.field}` : prefix, error.messages);
    throw error;
  }
}
