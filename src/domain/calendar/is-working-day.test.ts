import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { CalendarRangeError } from './calendar-errors.js';
import { addDays } from './iso-date.js';
import { isWorkingDay } from './is-working-day.js';
import { OFFICIAL_ARRANGEMENTS } from './official-arrangements.js';
import { CHINESE_DAYS_RELIABLE_HERE, EXPECTED_ADJUSTED_WORKDAYS, EXPECTED_DAYS_OFF } from './official-days.fixture.js';
import { buildWorkingCalendar } from './working-calendar.js';

const calendar = buildWorkingCalendar({
  arrangements: OFFICIAL_ARRANGEMENTS,
  overrides: [
    { date: '2026-03-03', kind: 'closure', reason: '园区停电检修' },
    { date: '2026-03-07', kind: 'working', reason: '集中办公日' },
    { date: '2026-10-08', kind: 'closure', reason: '延长国庆休假' },
    { date: '2027-02-05', kind: 'working', reason: '除夕值班' },
  ],
});
const national = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });

describe('isWorkingDay', () => {
  it.each([2024, 2025, 2026].flatMap((year) => EXPECTED_DAYS_OFF[year] ?? []))('%s is a holiday', (date) => {
    expect(isWorkingDay(national, date)).toMatchObject({ workingDay: false, kind: 'holiday', provisional: false });
  });

  it.each([2024, 2025, 2026].flatMap((year) => EXPECTED_ADJUSTED_WORKDAYS[year] ?? []))('%s is an adjusted working day', (date) => {
    expect(isWorkingDay(national, date)).toEqual({ workingDay: true, kind: 'adjusted-workday', reason: '调休上班', provisional: false });
  });

  it.each([
    ['2026-03-02', true, '工作日', false],
    ['2026-03-08', false, '周末', false],
    ['2024-02-09', true, '工作日', false], // 2024 除夕: a working day that year
    ['2026-02-15', false, '春节假期', false], // 腊月廿八, a 调休 day off
    ['2026-02-16', false, '春节（法定节假日）', false], // 除夕
    ['2026-02-17', false, '春节（法定节假日）', false], // 正月初一
    ['2026-02-14', true, '调休上班', false],
    ['2025-10-06', false, '中秋节（法定节假日）', false],
    ['2025-10-04', false, '国庆节、中秋节假期', false],
    ['2026-10-10', true, '调休上班', false],
    ['2027-01-01', false, '元旦（法定节假日）', true],
    ['2027-02-06', false, '春节（法定节假日）', true],
    ['2027-01-09', false, '周末', true],
    ['2027-01-11', true, '工作日', true],
    ['2004-10-03', false, '国庆节（法定节假日）', true],
  ])('%s → %s, %s', (date, workingDay, reason, provisional) => {
    expect(isWorkingDay(national, date)).toMatchObject({ workingDay, reason, provisional });
  });

  it.each([
    ['2026-03-03', false, '园区闭园：园区停电检修', 'zone-closure'],
    ['2026-03-07', true, '园区安排上班：集中办公日', 'zone-working'],
    ['2026-10-08', false, '园区闭园：延长国庆休假', 'zone-closure'],
    ['2027-02-05', true, '园区安排上班：除夕值班', 'zone-working'],
    ['2026-03-04', true, '工作日', 'workday'],
  ])('applies the zone override on %s', (date, workingDay, reason, kind) => {
    expect(isWorkingDay(calendar, date)).toMatchObject({ workingDay, reason, kind });
  });

  it.skipIf(!CHINESE_DAYS_RELIABLE_HERE)('agrees with chinese-days isWorkday on every date of 2024–2026', () => {
    const disagreements: string[] = [];
    for (let date = '2024-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (isWorkingDay(national, date).workingDay !== chineseDays.isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it.each(['2003-12-31', '2037-01-01', '1999-01-01'])('throws CalendarRangeError for %s instead of guessing', (date) => {
    expect(() => isWorkingDay(national, date)).toThrow(CalendarRangeError);
  });

  it.each(['2026-02-30', '2026/03/02', ''])('throws RangeError for the malformed date %j', (date) => {
    expect(() => isWorkingDay(national, date)).toThrow(RangeError);
  });
});
