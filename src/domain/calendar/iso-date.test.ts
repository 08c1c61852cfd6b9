import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, fromDayNumber, isIsoDate, isWeekend, parseIsoDate, toDayNumber, yearOf } from './iso-date.js';

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2026-12-31', { year: 2026, month: 12, day: 31 }],
    ['2025-02-29', null],
    ['2026-04-31', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-1-01', null],
    ['2026-01-01T00:00:00Z', null],
    ['', null],
  ])('parses %s', (input, expected) => {
    expect(parseIsoDate(input)).toEqual(expected);
    expect(isIsoDate(input)).toBe(expected !== null);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-02-17', 2],
    ['2026-10-10', 6],
    ['2026-09-20', 0],
    ['1969-12-31', 3],
  ])('%s is day %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('marks Saturday and Sunday as weekend', () => {
    expect([isWeekend('2026-10-10'), isWeekend('2026-09-20'), isWeekend('2026-10-09')]).toEqual([true, true, false]);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change date elsewhere: UTC arithmetic is unaffected
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('throws a RangeError for a malformed date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => yearOf('abc')).toThrow(RangeError);
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });
});
