import { describe, expect, it } from 'vitest';
import { CalendarDataError, CalendarRangeError } from './calendar-errors.js';
import { OFFICIAL_ARRANGEMENTS } from './official-arrangements.js';
import { buildWorkingCalendar, requireCalendarYear, type BuildWorkingCalendarInput } from './working-calendar.js';

const arrangements = OFFICIAL_ARRANGEMENTS;

function dataErrorOf(input: BuildWorkingCalendarInput): CalendarDataError {
  try {
    buildWorkingCalendar(input);
  } catch (error) {
    if (error instanceof CalendarDataError) return error;
    throw error;
  }
  throw new Error('expected a CalendarDataError');
}

describe('buildWorkingCalendar', () => {
  it('covers 2004 through ten years after the last official year by default', () => {
    const calendar = buildWorkingCalendar({ arrangements });
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2004, 2036]);
    expect(Object.keys(calendar.years)).toHaveLength(33);
  });

  it('marks years with a notice official and the others provisional', () => {
    const calendar = buildWorkingCalendar({ arrangements });
    expect(calendar.years[2026]).toMatchObject({ status: 'official', notice: '国办发明电〔2025〕7号', basis: '国办发明电〔2025〕7号（2025-11-04 发布）' });
    expect(calendar.years[2027]).toMatchObject({ status: 'provisional', notice: null, source: null, adjustedWorkdays: [] });
    expect(calendar.years[2027]?.basis).toContain('2024-11-10 修订');
  });

  it('gives a provisional year its statutory days as ranges', () => {
    const calendar = buildWorkingCalendar({ arrangements });
    expect(calendar.years[2027]?.offRanges).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ]);
  });

  it('labels statutory days inside official ranges', () => {
    const year = buildWorkingCalendar({ arrangements }).years[2025];
    expect(year?.daysOff['2025-10-06']).toEqual({ name: '中秋节', statutory: true });
    expect(year?.daysOff['2025-10-04']).toEqual({ name: '国庆节、中秋节', statutory: false });
  });

  it('honours an explicit provisional range and still includes official years', () => {
    const calendar = buildWorkingCalendar({ arrangements, provisionalYears: { from: 2025, through: 2027 } });
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2024, 2027]);
  });

  it('is plain data that survives JSON', () => {
    const calendar = buildWorkingCalendar({ arrangements, overrides: [{ date: '2026-03-03', kind: 'closure', reason: '停电' }] });
    expect(JSON.parse(JSON.stringify(calendar))).toEqual(calendar);
  });

  it.each<[string, BuildWorkingCalendarInput, string, string, string]>([
    ['a year given twice', { arrangements: [...arrangements, arrangements[0]!] }, 'arrangements[3].year', '2024 年的节假日安排重复', 'arrangement for 2024 is given more than once'],
    ['an invalid arrangement', { arrangements: [{ ...arrangements[0]!, adjustedWorkdays: ['2024-02-05'] }] }, 'arrangements[0].adjustedWorkdays[0]', '不是周六或周日', '2024-02-05 is not a Saturday or Sunday'],
    ['no arrangements and no end year', { arrangements: [] }, 'provisionalYears.through', '须指定', 'the last provisional year must be given'],
    ['a range before 2004', { arrangements, provisionalYears: { from: 2003 } }, 'provisionalYears', '2004–2099', '2004–2099'],
    ['a reversed range', { arrangements: [], provisionalYears: { from: 2030, through: 2028 } }, 'provisionalYears', '2030–2028', 'got 2030–2028'],
    ['an override with a bad date', { arrangements, overrides: [{ date: '2026-02-30', kind: 'closure', reason: 'x' }] }, 'overrides[0].date', '不是有效日期', '"2026-02-30" is not a valid date'],
    ['an override out of range', { arrangements, overrides: [{ date: '2040-01-02', kind: 'closure', reason: 'x' }] }, 'overrides[0].date', '超出工作日历范围', '2040-01-02 is outside the working calendar (2004–2036)'],
    ['an override without reason', { arrangements, overrides: [{ date: '2026-03-03', kind: 'closure', reason: ' ' }] }, 'overrides[0].reason', '须填写原因', '2026-03-03 needs a reason'],
    ['an override of unknown kind', { arrangements, overrides: [{ date: '2026-03-03', kind: 'holiday' as 'closure', reason: 'x' }] }, 'overrides[0].kind', 'closure', 'closure (zone closed) or working (open for work)'],
    [
      'two overrides on one date',
      { arrangements, overrides: [{ date: '2026-03-03', kind: 'closure', reason: 'x' }, { date: '2026-03-03', kind: 'working', reason: 'y' }] },
      'overrides[1].date',
      '重复',
      '2026-03-03 is given more than once',
    ],
  ])('rejects %s', (_case, input, field, zh, en) => {
    const error = dataErrorOf(input);
    expect(error.field).toBe(field);
    expect(error.message).toContain(zh);
    expect(error.messages.zh).toBe(error.message);
    expect(error.messages.en).toContain(en);
  });

  it('keeps both languages when prefixing the field of an invalid arrangement', () => {
    const error = dataErrorOf({ arrangements: [{ ...arrangements[0]!, adjustedWorkdays: ['2024-02-05'] }] });
    expect(error.messages).toEqual({ zh: '调休上班日 2024-02-05 不是周六或周日', en: 'Adjusted working day 2024-02-05 is not a Saturday or Sunday' });
  });
});

describe('requireCalendarYear', () => {
  const calendar = buildWorkingCalendar({ arrangements });

  it('returns the year of a covered date', () => {
    expect(requireCalendarYear(calendar, '2036-12-31').year).toBe(2036);
  });

  it.each(['2003-12-31', '2037-01-01'])('throws CalendarRangeError for %s', (date) => {
    expect(() => requireCalendarYear(calendar, date)).toThrow(CalendarRangeError);
  });

  it('explains an uncovered date in Chinese and English', () => {
    let error: unknown;
    try {
      requireCalendarYear(calendar, '2037-01-01');
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof CalendarRangeError)) throw new Error('expected a CalendarRangeError');
    expect(error.date).toBe('2037-01-01');
    expect(error.message).toBe(error.messages.zh);
    expect(error.messages.zh).not.toBe('');
    expect(error.messages.en).not.toBe('');
    expect(error.messages.zh).toContain('2037-01-01');
    expect(error.messages.en).toContain('2037-01-01');
    expect(error.messages.en).toContain('2004–2036');
    expect(error.messages.en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
