/**
 * The shared pieces of the condition schemes: three-valued logic, exact comparisons on whole yuan
 * (including the BigInt fallback), the two-year growth at its bounds, the award window and the SME
 * scope.
 */
import { describe, expect, it } from 'vitest';
import {
  ConditionCollector, and3, averageGrowth2y, awardWithin3Years, compareAverageGrowth, compareProducts, compareRatio, isSme, or3,
  pickGrowthBand, yearOf, type Met,
} from './cultivation-metrics.js';
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';

const VALUES: Met[] = [true, false, null];

describe('and3 / or3 (Kleene)', () => {
  it.each(VALUES.flatMap((a) => VALUES.map((b) => [a, b] as const)))('%s, %s', (a, b) => {
    const expectedAnd = a === false || b === false ? false : a === true && b === true ? true : null;
    const expectedOr = a === true || b === true ? true : a === false && b === false ? false : null;
    expect(and3(a, b)).toBe(expectedAnd);
    expect(or3(a, b)).toBe(expectedOr);
  });
});

describe('compareProducts / compareRatio', () => {
  it.each([
    [30_000, 1_000_000, 3, 100, 0],
    [29_999, 1_000_000, 3, 100, -1],
    [30_001, 1_000_000, 3, 100, 1],
    [1_000_000, 33_333_333, 3, 100, 1],
    [1_000_000, 33_333_334, 3, 100, -1],
  ])('%i ÷ %i vs %i/%i → %i', (num, den, p, q, sign) => {
    expect(compareRatio(num, den, p, q)).toBe(sign);
  });

  it('has no ratio over a denominator ≤ 0', () => {
    expect(compareRatio(1, 0, 3, 100)).toBeNull();
    expect(compareRatio(1, -5, 3, 100)).toBeNull();
  });

  it('stays exact beyond the safe-integer range (BigInt)', () => {
    // 10000·r vs 11025·r₂ with r₂ = 4×10¹⁵: both products are far above 2^53
    const r2 = 4_000_000_000_000_000;
    const r = (r2 / 10_000) * 11_025; // 4.41×10¹⁵, exactly 1.1025 × r₂
    expect(r * 10_000).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(compareProducts(r, 10_000, r2, 11_025)).toBe(0);
    expect(compareProducts(r - 1, 10_000, r2, 11_025)).toBe(-1);
    expect(compareProducts(r + 1, 10_000, r2, 11_025)).toBe(1);
  });
});

describe('averageGrowth2y / compareAverageGrowth', () => {
  it('is the mean of the two yearly growth rates', () => {
    expect(averageGrowth2y(121, 110, 100)).toBeCloseTo(0.1, 12);
    expect(averageGrowth2y(100, 0, 100)).toBeNull();
    expect(averageGrowth2y(100, 100, 0)).toBeNull();
  });

  it.each([
    // exactly on the bound although the float mean falls just below it
    [18_054_000, 15_300_000, 15_000_000, 10, 0],
    [18_053_999, 15_300_000, 15_000_000, 10, -1],
    [55_045_000, 50_500_000, 50_000_000, 5, 0],
    [55_045_001, 50_500_000, 50_000_000, 5, 1],
    [120_000_000, 100_000_000, 100_000_000, 10, 0],
    [100_000_000, 100_000_000, 100_000_000, 0, 0],
    [99_999_999, 100_000_000, 100_000_000, 0, -1],
  ])('%i, %i, %i vs %i%% → %i', (m, m1, m2, pct, sign) => {
    expect(compareAverageGrowth(averageGrowth2y(m, m1, m2)!, m, m1, m2, pct)).toBe(sign);
  });

  it('reads the growth bands exactly, with either edge reading', () => {
    const [m, m1, m2] = [18_054_000, 15_300_000, 15_000_000];
    const g = averageGrowth2y(m, m1, m2)!;
    expect(pickGrowthBand(g, m, m1, m2, [10, 8, 6, 4, 0], true)).toBe(0);
    expect(pickGrowthBand(g, m, m1, m2, [10, 8, 6, 4, 0], false)).toBe(1);
    expect(pickGrowthBand(-0.5, 50, 100, 100, [10, 8, 6, 4, 0], true)).toBe(5);
  });
});

describe('awardWithin3Years', () => {
  const cases: [string, CultivationProfile['scienceAward'], Met][] = [
    ['provincial, rank 3, 3 years ago', { level: 'provincial', rank: 3, year: 2022 }, true],
    ['provincial, rank 3, 4 years ago', { level: 'provincial', rank: 3, year: 2021 }, false],
    ['provincial, rank 4', { level: 'provincial', rank: 4, year: 2025 }, false],
    ['national, rank 5', { level: 'national', rank: 5, year: 2025 }, true],
    ['national, rank 6', { level: 'national', rank: 6, year: 2025 }, false],
    ['a future year', { level: 'national', rank: 1, year: 2026 }, false],
    ['no award', { level: 'none' }, false],
    ['rank unknown', { level: 'national', year: 2025 }, null],
    ['year unknown but the rank already fails', { level: 'national', rank: 9 }, false],
    ['not given', null, null],
  ];
  it.each(cases)('%s (on 2025: national top 5, provincial top 3)', (_name, award, met) => {
    const missing: ProfileField[] = [];
    expect(awardWithin3Years({ scienceAward: award }, yearOf('2025-06-01'), 5, 3, missing)).toBe(met);
    expect(missing).toEqual(met === null ? ['scienceAward'] : []);
  });

  it('a level given 0 places does not count', () => {
    expect(awardWithin3Years({ scienceAward: { level: 'provincial', rank: 1, year: 2025 } }, 2025, 3, 0, [])).toBe(false);
  });
});

describe('isSme (2011 size rules, industry: 1000 persons and 4亿元)', () => {
  it.each([
    [{ sector: 'industry', employees: 999, revenue: 4e8 }, true, []],
    [{ sector: 'industry', employees: 1000, revenue: 4e8 - 1 }, true, []],
    [{ sector: 'industry', employees: 1000, revenue: 4e8 }, false, []],
    [{ sector: 'industry', employees: 50 }, true, []],
    [{ sector: 'industry', employees: 1000 }, null, ['revenue']],
    [{ employees: 10 }, null, ['sector']],
  ] as const)('%j → %s', (profile, met, missing) => {
    const m: ProfileField[] = [];
    expect(isSme(profile as CultivationProfile, m)).toBe(met);
    expect(m).toEqual(missing);
  });
});

describe('ConditionCollector', () => {
  it('merges the missing fields once, and makes a gap of an unmet condition only', () => {
    const c = new ConditionCollector();
    const a = c.minimum('a', 'basic', null, 'revenue', 10);
    const b = c.ratio('b', 'basic', null, 'rdExpense', undefined, 'revenue', 3, false);
    const d = c.minimum('d', 'basic', 5, 'yearsInNiche', 10);
    const f = c.flag('f', 'basic', false);
    for (const x of [a, b, d, f]) c.gapIfUnmet(x);
    expect(c.missing).toEqual(['revenue', 'rdExpense']);
    expect(c.gaps).toEqual([
      { kind: 'condition', key: 'd', from: 5, to: 10, points: null },
      { kind: 'condition', key: 'f', from: 0, to: 1, points: null },
    ]);
  });

  it('declares a ratio over a zero denominator uncomputable (met null, nothing missing)', () => {
    const c = new ConditionCollector();
    expect(c.ratio('r', 'basic', 5, 'rdExpense', 0, 'revenue', 3, false)).toMatchObject({ met: null, value: null, missing: [] });
  });

  it('reads ≤ conditions at the bound', () => {
    const c = new ConditionCollector();
    expect(c.ratio('debt', 'basic', 80, 'totalLiabilities', 100, 'totalAssets', 80, true).met).toBe(true);
    expect(c.ratio('debt', 'basic', 80.0001, 'totalLiabilities', 100, 'totalAssets', 80, true).met).toBe(false);
  });
});
