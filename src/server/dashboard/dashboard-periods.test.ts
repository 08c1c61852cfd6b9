import { describe, expect, it } from 'vitest';
import { isoWeeksEndingAt, monthsEndingAt } from './dashboard-periods.js';

describe('monthsEndingAt', () => {
  const cases: { name: string; today: string; count: number; expected: string[][] }[] = [
    { name: 'one month: the current one, to its last day', today: '2026-11-16', count: 1, expected: [['2026-11', '2026-11-01', '2026-11-30']] },
    {
      name: 'across a year boundary, December included',
      today: '2026-02-03', count: 3,
      expected: [['2025-12', '2025-12-01', '2025-12-31'], ['2026-01', '2026-01-01', '2026-01-31'], ['2026-02', '2026-02-01', '2026-02-28']],
    },
    { name: 'February of a leap year', today: '2028-02-29', count: 1, expected: [['2028-02', '2028-02-01', '2028-02-29']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(monthsEndingAt(c.today, c.count).map((m) => [m.month, m.from, m.to])).toEqual(c.expected);
    });
  }
  it('gives twelve consecutive months ending with the current one', () => {
    const months = monthsEndingAt('2026-11-16', 12).map((m) => m.month);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-12');
    expect(months[11]).toBe('2026-11');
  });
});

describe('isoWeeksEndingAt', () => {
  it('ends with the week of today (a Sunday belongs to the week before it)', () => {
    const weeks = isoWeeksEndingAt('2026-11-22', 2);
    expect(weeks.map((w) => [w.week, w.monday, w.sunday])).toEqual([['2026-W46', '2026-11-09', '2026-11-15'], ['2026-W47', '2026-11-16', '2026-11-22']]);
  });
  it('crosses into the previous ISO year (2026-W01 begins on 29 December 2025)', () => {
    const weeks = isoWeeksEndingAt('2026-01-05', 3).map((w) => w.week);
    expect(weeks).toEqual(['2025-W52', '2026-W01', '2026-W02']);
  });
});
