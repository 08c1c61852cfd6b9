import { CalendarDataError, type Bilingual } from './calendar-errors.js';
import { EARLIEST_CALENDAR_YEAR, LATEST_CALENDAR_YEAR } from './calendar-limits.js';
import { isIsoDate, isWeekend, yearOf } from './iso-date.js';
import type { YearArrangement } from './official-arrangements.js';

/**
 * Validates one year's arrangement read from JSON (for `yiqi calendar import <file>` and the
 * admin page) and returns a clean copy. Checks: the shape of YearArrangement; every date is a
 * real YYYY-MM-DD date inside `year`; each range has from ≤ to; ranges are in date order and do
 * not overlap; adjusted working days are Saturdays or Sundays, in order, outside every off range.
 * Unknown extra keys are ignored.
 *
 * @throws CalendarDataError for the first problem found, with the field path and a message in Chinese and English.
 */
export function parseYearArrangement(json: unknown): YearArrangement {
  if (!isRecord(json)) throw new CalendarDataError('', { zh: '节假日安排应为一个 JSON 对象', en: 'The holiday arrangement must be a JSON object' });
  const year = json.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < EARLIEST_CALENDAR_YEAR || year > LATEST_CALENDAR_YEAR) {
    throw new CalendarDataError('year', {
      zh: `年份应为 ${EARLIEST_CALENDAR_YEAR}–${LATEST_CALENDAR_YEAR} 之间的整数`,
      en: `The year must be a whole number in ${EARLIEST_CALENDAR_YEAR}–${LATEST_CALENDAR_YEAR}`,
    });
  }
  const notice = requireText(json, 'notice', { zh: '通知文号', en: 'Notice number' });
  const issuedOn = requireText(json, 'issuedOn', { zh: '发布日期', en: 'Issue date' });
  if (!isIsoDate(issuedOn)) {
    throw new CalendarDataError('issuedOn', {
      zh: `发布日期“${issuedOn}”不是有效日期（应为 YYYY-MM-DD）`,
      en: `Issue date "${issuedOn}" is not a valid date (expected YYYY-MM-DD)`,
    });
  }
  const source = requireText(json, 'source', { zh: '来源网址', en: 'Source URL' });
  if (!/^https?:\/\/\S+$/.test(source)) {
    throw new CalendarDataError('source', {
      zh: `来源“${source}”应为以 http:// 或 https:// 开头的网址`,
      en: `Source "${source}" must be a web address starting with http:// or https://`,
    });
  }

  const offRanges = parseOffRanges(json.offRanges, year);
  const adjustedWorkdays = parseAdjustedWorkdays(json.adjustedWorkdays, year, offRanges);
  return { year, notice, issuedOn, source, offRanges, adjustedWorkdays };
}

function parseOffRanges(value: unknown, year: number): YearArrangement['offRanges'] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CalendarDataError('offRanges', { zh: '放假安排（offRanges）应为非空数组', en: 'The holiday ranges (offRanges) must be a non-empty array' });
  }
  const ranges: YearArrangement['offRanges'] = [];
  value.forEach((item: unknown, index) => {
    const field = `offRanges[${index}]`;
    const label: Bilingual = { zh: `第${index + 1}个放假区间`, en: `Holiday range #${index + 1}` };
    if (!isRecord(item)) {
      throw new CalendarDataError(field, { zh: `${label.zh}应为对象 { name, from, to }`, en: `${label.en} must be an object { name, from, to }` });
    }
    const name = requireText(item, 'name', { zh: `${label.zh}的节日名称`, en: `Holiday name of ${lowerFirst(label.en)}` }, field);
    const named: Bilingual = { zh: `${label.zh}（${name}）`, en: `${lowerFirst(label.en)} (${name})` };
    const from = requireDateInYear(item.from, year, `${field}.from`, { zh: `${named.zh}的开始日期`, en: `Start date of ${named.en}` });
    const to = requireDateInYear(item.to, year, `${field}.to`, { zh: `${named.zh}的结束日期`, en: `End date of ${named.en}` });
    if (from > to) {
      throw new CalendarDataError(`${field}.to`, {
        zh: `${named.zh}的结束日期 ${to} 早于开始日期 ${from}`,
        en: `End date ${to} of ${named.en} is before its start date ${from}`,
      });
    }
    const previous = ranges[ranges.length - 1];
    if (previous && from <= previous.to) {
      throw new CalendarDataError(`${field}.from`, {
        zh: `${named.zh}应在上一个区间（${previous.name}，至 ${previous.to}）之后，且不得重叠`,
        en: `${upperFirst(named.en)} must come after the previous range (${previous.name}, ending ${previous.to}) and must not overlap it`,
      });
    }
    ranges.push({ name, from, to });
  });
  return ranges;
}

function parseAdjustedWorkdays(value: unknown, year: number, ranges: YearArrangement['offRanges']): string[] {
  if (!Array.isArray(value)) {
    throw new CalendarDataError('adjustedWorkdays', {
      zh: '调休上班日（adjustedWorkdays）应为数组，没有则为 []',
      en: 'The adjusted working days (adjustedWorkdays) must be an array; use [] if there are none',
    });
  }
  const days: string[] = [];
  value.forEach((item: unknown, index) => {
    const field = `adjustedWorkdays[${index}]`;
    const date = requireDateInYear(item, year, field, { zh: `第${index + 1}个调休上班日`, en: `Adjusted working day #${index + 1}` });
    if (!isWeekend(date)) {
      throw new CalendarDataError(field, { zh: `调休上班日 ${date} 不是周六或周日`, en: `Adjusted working day ${date} is not a Saturday or Sunday` });
    }
    const previous = days[days.length - 1];
    if (previous !== undefined && date <= previous) {
      throw new CalendarDataError(field, {
        zh: `调休上班日应按日期先后排列且不重复：${date} 不应在 ${previous} 之后`,
        en: `Adjusted working days must be in date order without repeats: ${date} must not come after ${previous}`,
      });
    }
    const inside = ranges.find((range) => range.from <= date && date <= range.to);
    if (inside) {
      throw new CalendarDataError(field, {
        zh: `调休上班日 ${date} 落在放假区间（${inside.name}）之内`,
        en: `Adjusted working day ${date} falls inside a holiday range (${inside.name})`,
      });
    }
    days.push(date);
  });
  return days;
}

/** `label` names the value in each language; its English form starts with a capital letter. */
function requireText(record: Record<string, unknown>, key: string, label: Bilingual, parent?: string): string {
  const value = record[key];
  const field = parent ? `${parent}.${key}` : key;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CalendarDataError(field, { zh: `${label.zh}（${key}）不能为空`, en: `${label.en} (${key}) must not be empty` });
  }
  return value;
}

/** `label` names the date in each language; its English form starts with a capital letter. */
function requireDateInYear(value: unknown, year: number, field: string, label: Bilingual): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new CalendarDataError(field, {
      zh: `${label.zh}“${String(value)}”不是有效日期（应为 YYYY-MM-DD）`,
      en: `${label.en} "${String(value)}" is not a valid date (expected YYYY-MM-DD)`,
    });
  }
  if (yearOf(value) !== year) {
    throw new CalendarDataError(field, { zh: `${label.zh} ${value} 不在 ${year} 年内`, en: `${label.en}, ${value}, is not in the year ${year}` });
  }
  return value;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
