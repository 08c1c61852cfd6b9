import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { lunarToSolar, qingmingDate } from './chinese-calendar-anchors.js';
import { CHINESE_DAYS_RELIABLE_HERE } from './official-days.fixture.js';

describe('lunarToSolar', () => {
  it.each([
    [2024, 1, 1, '2024-02-10'],
    [2025, 1, 1, '2025-01-29'],
    [2025, 8, 15, '2025-10-06'], // 2025 has a leap 6th month
    [2026, 1, 1, '2026-02-17'],
    [2027, 1, 1, '2027-02-06'],
    [2027, 5, 5, '2027-06-09'],
    [2027, 8, 15, '2027-09-15'],
    [2020, 8, 15, '2020-10-01'],
    [2023, 5, 5, '2023-06-22'], // after the leap 2nd month of 2023
  ])('lunar %i-%i-%i is %s', (year, month, day, expected) => {
    expect(lunarToSolar(year, month, day)).toBe(expected);
  });

  it.skipIf(!CHINESE_DAYS_RELIABLE_HERE)('agrees with chinese-days getSolarDateFromLunar for 2000–2099', () => {
    const mismatches: string[] = [];
    for (let year = 2000; year <= 2099; year += 1) {
      for (const [m, d] of [[1, 1], [5, 5], [8, 15]] as const) {
        const theirs = chineseDays.getSolarDateFromLunar(`${year}-0${m}-${String(d).padStart(2, '0')}`).date;
        if (lunarToSolar(year, m, d) !== theirs) mismatches.push(`${year}-${m}-${d}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('qingmingDate', () => {
  it.each([
    [2024, '2024-04-04'],
    [2025, '2025-04-04'],
    [2026, '2026-04-05'],
    [2027, '2027-04-05'],
    [2008, '2008-04-04'],
  ])('清明 %i is %s', (year, expected) => {
    expect(qingmingDate(year)).toBe(expected);
  });

  it.skipIf(!CHINESE_DAYS_RELIABLE_HERE)('agrees with chinese-days getSolarTermDate for 2000–2099', () => {
    const mismatches: number[] = [];
    for (let year = 2000; year <= 2099; year += 1) {
      if (qingmingDate(year) !== chineseDays.getSolarTermDate(year, 4, 'pure_brightness')) mismatches.push(year);
    }
    expect(mismatches).toEqual([]);
  });
});
