import { CalendarDataError } from './calendar-errors.js';
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
 * @throws CalendarDataError for the first problem found, with the field path and a Chinese message.
 */
export function parseYearArrangement(json: unknown): YearArrangement {
  if (!isRecord(json)) throw new CalendarDataError('', '节假日安排应为一个 JSON 对象');
  const year = json.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < EARLIEST_CALENDAR_YEAR || year > LATEST_CALENDAR_YEAR) {
    throw new CalendarDataError('year', `年份应为 ${EARLIEST_CALENDAR_YEAR}–${LATEST_CALENDAR_YEAR} 之间的整数`);
  }
  const notice = requireText(json, 'notice', '通知文号');
  const issuedOn = requireText(json, 'issuedOn', '发布日期');
  if (!isIsoDate(issuedOn)) throw new CalendarDataError('issuedOn', `发布日期“${issuedOn}”不是有效日期（应为 YYYY-MM-DD）`);
  const source = requireText(json, 'source', '来源网址');
  if (!/^https?:\/\/\S+$/.test(source)) throw new CalendarDataError('source', `来源“${source}”应为以 http:// 或 https:// 开头的网址`);

  const offRanges = parseOffRanges(json.offRanges, year);
  const adjustedWorkdays = parseAdjustedWorkdays(json.adjustedWorkdays, year, offRanges);
  return { year, notice, issuedOn, source, offRanges, adjustedWorkdays };
}

function parseOffRanges(value: unknown, year: number): YearArrangement['offRanges'] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CalendarDataError('offRanges', '放假安排（offRanges）应为非空数组');
  }
  const ranges: YearArrangement['offRanges'] = [];
  value.forEach((item: unknown, index) => {
    const field = `offRanges[${index}]`;
    const label = `第${index + 1}个放假区间`;
    if (!isRecord(item)) throw new CalendarDataError(field, `${label}应为对象 { name, from, to }`);
    const name = requireText(item, 'name', `${label}的节日名称`, field);
    const from = requireDateInYear(item.from, year, `${field}.from`, `${label}（${name}）的开始日期`);
    const to = requireDateInYear(item.to, year, `${field}.to`, `${label}（${name}）的结束日期`);
    if (from > to) throw new CalendarDataError(`${field}.to`, `${label}（${name}）的结束日期 ${to} 早于开始日期 ${from}`);
    const previous = ranges[ranges.length - 1];
    if (previous && from <= previous.to) {
      throw new CalendarDataError(`${field}.from`, `${label}（${name}）应在上一个区间（${previous.name}，至 ${previous.to}）之后，且不得重叠`);
    }
    ranges.push({ name, from, to });
  });
  return ranges;
}

function parseAdjustedWorkdays(value: unknown, year: number, ranges: YearArrangement['offRanges']): string[] {
  if (!Array.isArray(value)) throw new CalendarDataError('adjustedWorkdays', '调休上班日（adjustedWorkdays）应为数组，没有则为 []');
  const days: string[] = [];
  value.forEach((item: unknown, index) => {
    const field = `adjustedWorkdays[${index}]`;
    const date = requireDateInYear(item, year, field, `第${index + 1}个调休上班日`);
    if (!isWeekend(date)) throw new CalendarDataError(field, `调休上班日 ${date} 不是周六或周日`);
    const previous = days[days.length - 1];
    if (previous !== undefined && date <= previous) {
      throw new CalendarDataError(field, `调休上班日应按日期先后排列且不重复：${date} 不应在 ${previous} 之后`);
    }
    const inside = ranges.find((range) => range.from <= date && date <= range.to);
    if (inside) throw new CalendarDataError(field, `调休上班日 ${date} 落在放假区间（${inside.name}）之内`);
    days.push(date);
  });
  return days;
}

function requireText(record: Record<string, unknown>, key: string, label: string, parent?: string): string {
  const value = record[key];
  const field = parent ? `${parent}.${key}` : key;
  if (typeof value !== 'string' || value.trim() === '') throw new CalendarDataError(field, `${label}（${key}）不能为空`);
  return value;
}

function requireDateInYear(value: unknown, year: number, field: string, label: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new CalendarDataError(field, `${label}“${String(value)}”不是有效日期（应为 YYYY-MM-DD）`);
  }
  if (yearOf(value) !== year) throw new CalendarDataError(field, `${label} ${value} 不在 ${year} 年内`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
