import { describe, expect, it } from 'vitest';
import { asOfDay, isMonth, monthBounds, monthOf, nextMonth, previousMonth } from './bulletin-month.js';

describe('isMonth', () => {
  it.each<[string, boolean]>([
    ['2026-03', true], ['2026-12', true], ['2026-01', true], ['2026-00', false], ['2026-13', false], ['2026-3', false],
    ['26-03', false], ['2026-03-01', false], ['0999-03', false], [' 2026-03', false], ['', false],
  ])('%j → %s', (value, ok) => {
    expect(isMonth(value)).toBe(ok);
  });
});

describe('monthBounds', () => {
  it.each([
    ['2026-03', '2026-03-01', '2026-03-31'],
    ['2026-04', '2026-04-01', '2026-04-30'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2100-02', '2100-02-01', '2100-02-28'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('%s → %s .. %s', (month, from, to) => {
    expect(monthBounds(month)).toEqual({ from, to });
  });

  it('refuses a malformed month', () => {
    expect(() => monthBounds('2026-13')).toThrow(RangeError);
  });
});

describe('previousMonth and nextMonth', () => {
  it.each([['2026-03', '2026-02', '2026-04'], ['2026-01', '2025-12', '2026-02'], ['2025-12', '2025-11', '2026-01'], ['2026-10', '2026-09', '2026-11']])(
    '%s: previous %s, next %s',
    (month, previous, next) => {
      expect(previousMonth(month)).toBe(previous);
      expect(nextMonth(month)).toBe(next);
    },
  );

  it('refuses a malformed month', () => {
    expect(() => previousMonth('2026/03')).toThrow(RangeError);
    expect(() => nextMonth('2026-00')).toThrow(RangeError);
  });
});

describe('monthOf', () => {
  it('gives the month of a day and refuses an impossible day', () => {
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('asOfDay', () => {
  it.each([
    ['a month long over', '2026-01', '2026-04-10', '2026-01-31'],
    ['the month just over', '2026-03', '2026-04-01', '2026-03-31'],
    ['the month on its last day', '2026-03', '2026-03-31', '2026-03-31'],
    ['the month running', '2026-03', '2026-03-15', '2026-03-15'],
    ['the month on its first day', '2026-03', '2026-03-01', '2026-03-01'],
    ['last year’s December in January', '2025-12', '2026-01-05', '2025-12-31'],
  ])('%s: %s seen on %s → %s', (_case, month, today, expected) => {
    expect(asOfDay(month, today)).toBe(expected);
  });

  it.each([
    ['a month not begun', '2026-04', '2026-03-31'],
    ['a malformed month', '2026-4', '2026-04-10'],
    ['a malformed today', '2026-03', '2026-04-31'],
  ])('refuses %s', (_case, month, today) => {
    expect(() => asOfDay(month, today)).toThrow(RangeError);
  });
});
