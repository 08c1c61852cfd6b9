import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarRangeError } from './calendar-errors.js';
import { fromDayNumber, toDayNumber } from './iso-date.js';
import { OFFICIAL_ARRANGEMENTS } from './official-arrangements.js';
import { buildWorkingCalendar } from './working-calendar.js';
import { workingDaysBetween } from './working-days-between.js';

const calendar = buildWorkingCalendar({
  arrangements: OFFICIAL_ARRANGEMENTS,
  overrides: [{ date: '2026-03-03', kind: 'closure', reason: '园区停电检修' }],
});

describe('workingDaysBetween', () => {
  it.each([
    ['the same day', '2026-03-02', '2026-03-02', 0, false],
    ['a plain week (end included, start excluded)', '2026-03-09', '2026-03-16', 5, false],
    ['a week with a zone closure', '2026-03-02', '2026-03-09', 4, false],
    ['Friday to Monday', '2026-03-13', '2026-03-16', 1, false],
    ['Spring Festival 2026', '2026-02-13', '2026-02-24', 2, false], // 02-14 (调休) and 02-24
    ['National Day 2026', '2026-09-30', '2026-10-10', 3, false],
    ['a whole holiday', '2025-10-01', '2025-10-08', 0, false],
    ['backwards is negative', '2026-03-16', '2026-03-09', -5, false],
    ['backwards over nothing is zero', '2026-03-08', '2026-03-07', 0, false],
    ['into a provisional year', '2026-12-31', '2027-01-04', 1, true],
    ['the whole of 2026 (248 working days, less the zone closure)', '2025-12-31', '2026-12-31', 247, false],
  ])('%s: %s → %s is %i', (_case, from, to, days, provisional) => {
    expect(workingDaysBetween(calendar, from, to)).toEqual({ days, provisional });
  });

  it.each([
    ['2003-12-31', '2004-01-05'],
    ['2026-01-01', '2040-01-01'],
  ])('throws CalendarRangeError for %s → %s', (from, to) => {
    expect(() => workingDaysBetween(calendar, from, to)).toThrow(CalendarRangeError);
  });

  it('is antisymmetric', () => {
    const date = fc.integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2036-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), (a, offset) => {
        const b = fromDayNumber(Math.min(Math.max(toDayNumber(a) + offset, toDayNumber('2004-01-01')), toDayNumber('2036-12-31')));
        expect(workingDaysBetween(calendar, a, b).days + workingDaysBetween(calendar, b, a).days).toBe(0);
      }),
    );
  });
});
