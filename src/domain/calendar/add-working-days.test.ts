import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './add-working-days.js';
import { CalendarRangeError } from './calendar-errors.js';
import { fromDayNumber, toDayNumber } from './iso-date.js';
import { isWorkingDay } from './is-working-day.js';
import { OFFICIAL_ARRANGEMENTS } from './official-arrangements.js';
import { buildWorkingCalendar } from './working-calendar.js';
import { workingDaysBetween } from './working-days-between.js';

const calendar = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });
const zone = buildWorkingCalendar({
  arrangements: OFFICIAL_ARRANGEMENTS,
  overrides: [
    { date: '2026-03-03', kind: 'closure', reason: '园区停电检修' },
    { date: '2026-03-07', kind: 'working', reason: '集中办公日' },
  ],
});

describe('addWorkingDays', () => {
  it.each([
    ['a plain week', '2026-03-02', 1, '2026-03-03', false],
    ['a plain week', '2026-03-02', 5, '2026-03-09', false],
    ['a Friday start', '2026-03-06', 1, '2026-03-09', false],
    ['a Friday start', '2026-03-06', 5, '2026-03-13', false],
    ['a Saturday start (start never counts)', '2026-03-07', 1, '2026-03-09', false],
    ['a start on a holiday', '2026-10-03', 1, '2026-10-08', false],
    ['Spring Festival: the 调休 Saturday before', '2026-02-12', 2, '2026-02-14', false],
    ['Spring Festival: across the break', '2026-02-12', 3, '2026-02-24', false],
    ['Spring Festival: five days', '2026-02-12', 5, '2026-02-26', false],
    ['Spring Festival 2024: 除夕 was a working day', '2024-02-08', 1, '2024-02-09', false],
    ['Spring Festival 2025 from 除夕 eve', '2025-01-27', 1, '2025-02-05', false],
    ['National Day 2026', '2026-09-30', 1, '2026-10-08', false],
    ['National Day 2026: the 调休 Saturday counts', '2026-09-30', 3, '2026-10-10', false],
    ['National Day 2026: five days', '2026-09-30', 5, '2026-10-13', false],
    ['National Day and Mid-Autumn 2025', '2025-09-30', 1, '2025-10-09', false],
    ['a Sunday that is a working day', '2026-09-18', 1, '2026-09-20', false],
    ['a Sunday that is a working day (2024 Spring Festival)', '2024-02-02', 1, '2024-02-04', false],
    ['the last official day', '2026-12-30', 1, '2026-12-31', false],
    ['a year boundary into a provisional year', '2026-12-30', 2, '2027-01-04', true],
    ['a year boundary from a provisional year', '2023-12-29', 1, '2024-01-02', true],
    ['a provisional Spring Festival', '2027-02-04', 1, '2027-02-09', true],
    ['n = 0 returns the start unchanged', '2026-02-15', 0, '2026-02-15', false],
  ])('%s: %s + %i → %s', (_case, start, n, due, provisional) => {
    expect(addWorkingDays(calendar, start, n)).toEqual({ due, provisional });
  });

  it.each([
    ['a zone closure', '2026-03-02', 1, '2026-03-04'],
    ['a zone working Saturday', '2026-03-06', 1, '2026-03-07'],
    ['both overrides', '2026-03-02', 4, '2026-03-07'],
  ])('applies %s: %s + %i → %s', (_case, start, n, due) => {
    expect(addWorkingDays(zone, start, n)).toEqual({ due, provisional: false });
  });

  it.each([
    ['a start before 2004', '2003-12-31', 1],
    ['a start after the calendar', '2037-01-05', 0],
    ['running past the last covered year', '2036-12-30', 5],
  ])('throws CalendarRangeError for %s', (_case, start, n) => {
    expect(() => addWorkingDays(calendar, start, n)).toThrow(CalendarRangeError);
  });

  it.each([-1, 1.5, Number.NaN])('throws RangeError for n = %s', (n) => {
    expect(() => addWorkingDays(calendar, '2026-03-02', n)).toThrow(RangeError);
  });

  it('throws RangeError for a malformed start', () => {
    expect(() => addWorkingDays(calendar, '2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addWorkingDays properties', () => {
  const start = fc.integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2035-12-31') }).map(fromDayNumber);
  const count = fc.integer({ min: 0, max: 120 });

  it('lands on a working day strictly after the start, and round-trips with workingDaysBetween', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 120 }), (s, n) => {
        const { due, provisional } = addWorkingDays(calendar, s, n);
        expect(due > s).toBe(true);
        expect(isWorkingDay(calendar, due).workingDay).toBe(true);
        expect(workingDaysBetween(calendar, s, due)).toEqual({ days: n, provisional });
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(start, count, count, (s, a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, s, low).due < addWorkingDays(calendar, s, high).due).toBe(true);
      }),
    );
  });

  it('adding a + b equals adding a, then b', () => {
    fc.assert(
      fc.property(start, count, count, (s, a, b) => {
        const first = addWorkingDays(calendar, s, a).due;
        expect(addWorkingDays(calendar, s, a + b).due).toBe(addWorkingDays(calendar, first, b).due);
      }),
    );
  });
});
