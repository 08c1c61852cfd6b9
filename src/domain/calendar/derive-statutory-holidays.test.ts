import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { deriveStatutoryHolidays, holidayLawFor } from './derive-statutory-holidays.js';
import { OFFICIAL_ARRANGEMENTS } from './official-arrangements.js';
import { CHINESE_DAYS_RELIABLE_HERE } from './official-days.fixture.js';

describe('deriveStatutoryHolidays', () => {
  it('derives the 13 statutory days of 2027 under the 2024 amendment', () => {
    expect(deriveStatutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' }, // 除夕
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('derives the 11 statutory days of 2024 under the 2013 amendment (春节 初一–初三, 劳动节 one day)', () => {
    expect(deriveStatutoryHolidays(2024).map((h) => h.date)).toEqual([
      '2024-01-01', '2024-02-10', '2024-02-11', '2024-02-12', '2024-04-04', '2024-05-01',
      '2024-06-10', '2024-09-17', '2024-10-01', '2024-10-02', '2024-10-03',
    ]);
  });

  it('merges 国庆节 and 中秋节 when they fall on the same day (2020-10-01)', () => {
    expect(deriveStatutoryHolidays(2020).filter((h) => h.date === '2020-10-01')).toEqual([{ date: '2020-10-01', name: '国庆节、中秋节' }]);
  });

  it.each(OFFICIAL_ARRANGEMENTS.map((a) => [a.year, a] as const))('puts every derived day of %i inside an official off range', (year, arrangement) => {
    const outside = deriveStatutoryHolidays(year).filter((h) => !arrangement.offRanges.some((r) => r.from <= h.date && h.date <= r.to));
    expect(outside).toEqual([]);
  });

  it.skipIf(!CHINESE_DAYS_RELIABLE_HERE)('agrees with chinese-days for 2004–2023: every derived day is a day off there', () => {
    for (let year = 2004; year <= 2023; year += 1) {
      const notOff = deriveStatutoryHolidays(year).filter((h) => !chineseDays.isHoliday(h.date));
      expect({ year, notOff }).toEqual({ year, notOff: [] });
    }
  });

  it.each([
    [2007, '1999-09-18', 10],
    [2008, '2007-12-14', 11],
    [2013, '2007-12-14', 11],
    [2014, '2013-12-11', 11],
    [2024, '2013-12-11', 11],
    [2025, '2024-11-10', 13],
    [2099, '2024-11-10', 13],
  ])('uses the law version in force for %i', (year, amendedOn, count) => {
    expect(holidayLawFor(year).amendedOn).toBe(amendedOn);
    expect(deriveStatutoryHolidays(year)).toHaveLength(count);
  });

  it.each([2003, 2100, 2027.5])('throws for %s', (year) => {
    expect(() => deriveStatutoryHolidays(year)).toThrow(RangeError);
  });
});
