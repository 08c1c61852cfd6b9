import { describe, expect, it } from 'vitest';
import { countByTier, currentByTier, monthEnd, monthsBetween, type TierTitle } from './count-by-tier.js';

const title = (enterpriseId: string, scheme: TierTitle['scheme'], validFrom: string, validUntil: string | null): TierTitle => ({ enterpriseId, scheme, validFrom, validUntil });

describe('monthsBetween / monthEnd', () => {
  it.each<[string, string, string[]]>([
    ['2025-11-15', '2026-02-01', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-02-01', '2026-02-28', ['2026-02']],
    ['2026-03-01', '2026-02-28', []],
  ])('%s … %s', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });
  it.each([['2024-02', '2024-02-29'], ['2025-02', '2025-02-28'], ['2025-12', '2025-12-31'], ['2025-04', '2025-04-30']])('end of %s is %s', (m, end) => {
    expect(monthEnd(m)).toBe(end);
  });
});

describe('countByTier', () => {
  const titles = [
    // A: recognised 2023-06-30, renewed — counted once in the cumulative figure
    title('A', 'innovative-sme', '2023-06-30', '2026-06-29'),
    title('A', 'innovative-sme', '2026-06-30', '2029-06-29'),
    // B: recognised 2024-01-31, lapsed 2024-03-30
    title('B', 'innovative-sme', '2024-01-31', '2024-03-30'),
    // C: 专精特新 without an end date
    title('C', 'specialised-sme', '2024-02-01', null),
  ];
  const points = countByTier(titles, ['2023-05', '2023-06', '2024-01', '2024-02', '2024-03', '2024-04', '2026-06', '2026-07'], '2030-01-01');
  const at = (month: string, scheme: TierTitle['scheme']) => points.find((p) => p.month === month && p.scheme === scheme)!;

  it.each<[string, TierTitle['scheme'], number, number]>([
    ['2023-05', 'innovative-sme', 0, 0],
    ['2023-06', 'innovative-sme', 1, 1], // the first day counts at the month end (30 June)
    ['2024-01', 'innovative-sme', 2, 2], // B on the month's last day
    ['2024-02', 'innovative-sme', 2, 2],
    ['2024-03', 'innovative-sme', 2, 1], // B lapsed 30 March, before 31 March
    ['2024-04', 'innovative-sme', 2, 1],
    ['2026-06', 'innovative-sme', 2, 1], // A renewed without a gap, counted once
    ['2026-07', 'innovative-sme', 2, 1],
    ['2024-01', 'specialised-sme', 0, 0],
    ['2024-02', 'specialised-sme', 1, 1],
    ['2026-07', 'specialised-sme', 1, 1], // no end date: still valid
    ['2026-07', 'little-giant', 0, 0],
  ])('%s %s: cumulative %i, valid %i', (month, scheme, cumulative, valid) => {
    expect(at(month, scheme)).toMatchObject({ cumulative, valid });
  });

  it('counts the month that holds today at today, not at its end', () => {
    const giant = (ts: TierTitle[]) => countByTier(ts, ['2024-03'], '2024-03-05').find((p) => p.scheme === 'little-giant');
    expect(giant([title('B', 'little-giant', '2024-01-01', '2024-03-10')])).toMatchObject({ month: '2024-03', cumulative: 1, valid: 1 });
    expect(giant([title('B', 'little-giant', '2024-03-20', '2027-03-19')])).toMatchObject({ cumulative: 0, valid: 0 });
  });

  it('gives every tier for every month', () => {
    expect(countByTier([], ['2025-01', '2025-02'], '2026-01-01')).toHaveLength(6);
  });
});

describe('currentByTier', () => {
  const today = '2026-01-01';
  it.each<[string, TierTitle[], { cumulative: number; valid: number; expiringIn90Days: number }]>([
    ['ends on day 90: expiring', [title('A', 'innovative-sme', '2023-04-01', '2026-04-01')], { cumulative: 1, valid: 1, expiringIn90Days: 1 }],
    ['ends on day 91: not yet', [title('A', 'innovative-sme', '2023-04-02', '2026-04-02')], { cumulative: 1, valid: 1, expiringIn90Days: 0 }],
    ['ends today: expiring', [title('A', 'innovative-sme', '2023-01-02', '2026-01-01')], { cumulative: 1, valid: 1, expiringIn90Days: 1 }],
    ['ended yesterday: neither valid nor expiring', [title('A', 'innovative-sme', '2022-12-31', '2025-12-31')], { cumulative: 1, valid: 0, expiringIn90Days: 0 }],
    [
      'renewed without a gap: not expiring',
      [title('A', 'innovative-sme', '2023-02-01', '2026-01-31'), title('A', 'innovative-sme', '2026-02-01', '2029-01-31')],
      { cumulative: 1, valid: 1, expiringIn90Days: 0 },
    ],
    ['recognised tomorrow: not counted yet', [title('A', 'innovative-sme', '2026-01-02', '2029-01-01')], { cumulative: 0, valid: 0, expiringIn90Days: 0 }],
    ['two enterprises', [title('A', 'innovative-sme', '2025-01-01', '2027-12-31'), title('B', 'innovative-sme', '2025-01-01', '2026-02-01')], { cumulative: 2, valid: 2, expiringIn90Days: 1 }],
  ])('%s', (_name, titles, expected) => {
    const current = currentByTier(titles, today);
    expect(current.find((c) => c.scheme === 'innovative-sme')).toEqual({ scheme: 'innovative-sme', ...expected });
    expect(current.map((c) => c.scheme)).toEqual(['innovative-sme', 'specialised-sme', 'little-giant']);
  });
});
