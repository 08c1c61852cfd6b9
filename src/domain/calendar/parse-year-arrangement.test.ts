import { describe, expect, it } from 'vitest';
import { CalendarDataError } from './calendar-errors.js';
import { parseYearArrangement } from './parse-year-arrangement.js';

const valid = {
  year: 2027,
  notice: '国办发明电〔2026〕X号',
  issuedOn: '2026-11-01',
  source: 'https://www.gov.cn/zhengce/example.htm',
  offRanges: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  adjustedWorkdays: ['2027-02-14'],
};

function errorOf(input: unknown): CalendarDataError {
  try {
    parseYearArrangement(input);
  } catch (error) {
    if (error instanceof CalendarDataError) return error;
    throw error;
  }
  throw new Error('expected a CalendarDataError');
}

describe('parseYearArrangement', () => {
  it('returns a clean copy of a valid arrangement, ignoring unknown keys', () => {
    expect(parseYearArrangement({ ...valid, comment: 'x' })).toEqual(valid);
  });

  it('accepts a year without adjusted working days', () => {
    expect(parseYearArrangement({ ...valid, adjustedWorkdays: [] }).adjustedWorkdays).toEqual([]);
  });

  it.each([
    ['not an object', [], '', '应为一个 JSON 对象', 'must be a JSON object'],
    ['year missing', { ...valid, year: undefined }, 'year', '年份应为', 'The year must be'],
    ['year a string', { ...valid, year: '2027' }, 'year', '年份应为', 'The year must be'],
    ['year too early', { ...valid, year: 2003 }, 'year', '2004–2099', '2004–2099'],
    ['notice empty', { ...valid, notice: '  ' }, 'notice', '通知文号（notice）不能为空', 'Notice number (notice) must not be empty'],
    ['issuedOn invalid', { ...valid, issuedOn: '2026-11-31' }, 'issuedOn', '不是有效日期', 'Issue date "2026-11-31" is not a valid date'],
    ['source not a URL', { ...valid, source: 'gov.cn' }, 'source', '网址', 'http:// or https://'],
    ['offRanges empty', { ...valid, offRanges: [] }, 'offRanges', '非空数组', 'non-empty array'],
    ['range not an object', { ...valid, offRanges: ['2027-01-01'] }, 'offRanges[0]', '应为对象', 'Holiday range #1 must be an object'],
    ['range without name', { ...valid, offRanges: [{ from: '2027-01-01', to: '2027-01-01' }] }, 'offRanges[0].name', '节日名称', 'Holiday name of holiday range #1 (name)'],
    ['impossible date', { ...valid, offRanges: [{ name: '春节', from: '2027-02-30', to: '2027-03-01' }] }, 'offRanges[0].from', '“2027-02-30”不是有效日期', '"2027-02-30" is not a valid date'],
    ['wrong format', { ...valid, offRanges: [{ name: '元旦', from: '2027/01/01', to: '2027-01-01' }] }, 'offRanges[0].from', '应为 YYYY-MM-DD', 'expected YYYY-MM-DD'],
    ['date in another year', { ...valid, offRanges: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] }, 'offRanges[0].from', '不在 2027 年内', '2026-12-31, is not in the year 2027'],
    ['range reversed', { ...valid, offRanges: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }, 'offRanges[0].to', '早于开始日期', 'End date 2027-01-01 of holiday range #1 (元旦) is before its start date 2027-01-03'],
    ['ranges out of order', { ...valid, offRanges: [...valid.offRanges].reverse() }, 'offRanges[1].from', '应在上一个区间（春节', 'must come after the previous range (春节'],
    ['ranges overlapping', { ...valid, offRanges: [valid.offRanges[0], { name: '假', from: '2027-01-03', to: '2027-01-04' }] }, 'offRanges[1].from', '不得重叠', 'must not overlap'],
    ['adjustedWorkdays missing', { ...valid, adjustedWorkdays: undefined }, 'adjustedWorkdays', '应为数组', 'must be an array'],
    ['adjusted workday on a weekday', { ...valid, adjustedWorkdays: ['2027-02-15'] }, 'adjustedWorkdays[0]', '不是周六或周日', '2027-02-15 is not a Saturday or Sunday'],
    ['adjusted workday inside a range', { ...valid, adjustedWorkdays: ['2027-02-06'] }, 'adjustedWorkdays[0]', '落在放假区间（春节）之内', 'falls inside a holiday range (春节)'],
    ['adjusted workdays out of order', { ...valid, adjustedWorkdays: ['2027-02-20', '2027-02-14'] }, 'adjustedWorkdays[1]', '按日期先后排列', 'in date order'],
    ['adjusted workday duplicated', { ...valid, adjustedWorkdays: ['2027-02-14', '2027-02-14'] }, 'adjustedWorkdays[1]', '不重复', 'without repeats'],
    ['adjusted workday in another year', { ...valid, adjustedWorkdays: ['2026-12-27'] }, 'adjustedWorkdays[0]', '不在 2027 年内', '2026-12-27, is not in the year 2027'],
  ])('rejects %s', (_case, input, field, zh, en) => {
    const error = errorOf(input);
    expect(error.field).toBe(field);
    expect(error.message).toContain(zh);
    expect(error.messages.zh).toBe(error.message);
    expect(error.messages.en).toContain(en);
    expect(error.name).toBe('CalendarDataError');
  });
});

describe('parseYearArrangement error messages in both languages', () => {
  const CJK = /[\u4e00-\u9fff]/;

  // `userText` is text taken verbatim from the input (a holiday name), which the English
  // message quotes as it is; everything else in the English message must be English.
  it.each<[string, unknown, string, string?]>([
    ['a Wednesday listed as adjusted working day', { ...valid, adjustedWorkdays: ['2027-02-17'] }, '2027-02-17'],
    ['a range ending before it starts', { ...valid, offRanges: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }, '2027-01-01', '元旦'],
    ['a date outside the year', { ...valid, adjustedWorkdays: ['2026-12-27'] }, '2026-12-27'],
    ['a range date outside the year', { ...valid, offRanges: [{ name: 'New Year', from: '2026-12-31', to: '2027-01-01' }] }, '2026-12-31'],
  ])('gives %s in Chinese and English', (_case, input, date, userText) => {
    const { messages } = errorOf(input);
    expect(messages.zh).not.toBe('');
    expect(messages.en).not.toBe('');
    expect(messages.zh).toContain(date);
    expect(messages.en).toContain(date);
    const english = userText ? messages.en.replaceAll(userText, '') : messages.en;
    expect(english).not.toMatch(CJK);
    if (userText) expect(messages.en).toContain(userText);
  });
});
