/**
 * 高新技术企业 conditions (国科发火〔2016〕32号 第十一条, official-rules.md §5.2): every threshold at
 * and around its bound, the H5 tiers at 5000万 and 2亿 (inclusive), the operating period of a young
 * enterprise, and missing inputs.
 */
import { describe, expect, it } from 'vitest';
import { checkHighTech, highTechRdThreshold, type HighTechConditionKey } from './check-high-tech.js';
import type { CultivationProfile } from './cultivation-profile.js';

const WAN = 10_000;

/** Meets every condition; sales 3000万 a year, R&D 6%. */
const BASE: CultivationProfile = {
  yearsRegistered: 5,
  ip: { class1: 1, class2: 3 },
  coreTechInSupportedField: true,
  techStaff: 20,
  employees: 100,
  revenue: 3000 * WAN,
  revenuePreviousYear: 3000 * WAN,
  revenueYearBeforePrevious: 3000 * WAN,
  rdExpense: 180 * WAN,
  rdExpensePreviousYear: 180 * WAN,
  rdExpenseYearBeforePrevious: 180 * WAN,
  rdInChinaShare: 0.9,
  highTechRevenueShare: 0.8,
  innovationScore: 80,
  scopeIssues: [],
};

const conditionOf = (p: CultivationProfile, key: HighTechConditionKey) => {
  const c = checkHighTech(p).conditions.find((x) => x.key === key);
  if (!c) throw new Error(`no condition ${key}`);
  return c;
};

/** Three equal years: sales s and R&D r each year. */
const years = (s: number, r: number): CultivationProfile => ({
  ...BASE,
  revenue: s,
  revenuePreviousYear: s,
  revenueYearBeforePrevious: s,
  rdExpense: r,
  rdExpensePreviousYear: r,
  rdExpenseYearBeforePrevious: r,
});

describe('checkHighTech', () => {
  it('is met when every condition is, listing H1 … H8 in order', () => {
    const r = checkHighTech(BASE);
    expect(r.outcome).toBe('met');
    expect(r.conditions.map((c) => c.key)).toEqual([
      'registered-one-year', 'core-ip', 'supported-field', 'tech-staff-share', 'rd-expense-share',
      'rd-in-china-share', 'high-tech-revenue-share', 'innovation-score', 'no-major-incident',
    ]);
    expect(r.conditions.every((c) => c.met === true && c.group === 'basic')).toBe(true);
    expect(r.rdPeriodYears).toBe(3);
    expect(r.missing).toEqual([]);
  });

  // [key, change, met, value, threshold]
  const thresholds: [HighTechConditionKey, CultivationProfile, boolean, number | null, number | null][] = [
    ['registered-one-year', { yearsRegistered: 1 }, true, 1, 1],
    ['registered-one-year', { yearsRegistered: 0.99 }, false, 0.99, 1],
    ['registered-one-year', { yearsRegistered: 0 }, false, 0, 1],
    ['core-ip', { ip: { class1: 0, class2: 1 } }, true, 1, 1],
    ['core-ip', { ip: { class1: 1, class2: 0 } }, true, 1, 1],
    ['core-ip', { ip: { class1: 0, class2: 0 } }, false, 0, 1],
    ['core-ip', { ip: { class1SelfDeveloped: 1, class2: 0 } }, true, 1, 1],
    ['supported-field', { coreTechInSupportedField: false }, false, null, null],
    ['tech-staff-share', { techStaff: 10, employees: 100 }, true, 0.1, 0.1],
    ['tech-staff-share', { techStaff: 9, employees: 100 }, false, 0.09, 0.1],
    ['tech-staff-share', { techStaff: 100, employees: 1001 }, false, 100 / 1001, 0.1],
    ['tech-staff-share', { techStaff: 0, employees: 0 }, false, null, 0.1],
    ['rd-in-china-share', { rdInChinaShare: 0.6 }, true, 0.6, 0.6],
    ['rd-in-china-share', { rdInChinaShare: 0.5999 }, false, 0.5999, 0.6],
    ['high-tech-revenue-share', { highTechRevenueShare: 0.6 }, true, 0.6, 0.6],
    ['high-tech-revenue-share', { highTechRevenueShare: 0.59 }, false, 0.59, 0.6],
    ['innovation-score', { innovationScore: 70 }, true, 70, 70],
    ['innovation-score', { innovationScore: 69.5 }, false, 69.5, 70],
    ['no-major-incident', { scopeIssues: ['major-incident'] }, false, null, null],
    ['no-major-incident', { scopeIssues: ['tax-violation'] }, true, null, null],
    ['no-major-incident', { scopeIssues: null }, true, null, null],
  ];
  it.each(thresholds)('%s with %j → met %s', (key, change, met, value, threshold) => {
    const c = conditionOf({ ...BASE, ...change }, key);
    expect(c.met).toBe(met);
    if (value === null) expect(c.value).toBeNull();
    else expect(c.value).toBeCloseTo(value, 12);
    expect(c.threshold).toBe(threshold);
    expect(checkHighTech({ ...BASE, ...change }).outcome).toBe(met ? 'met' : 'not-met');
  });

  describe('H5 R&D share, tiered by the most recent year’s sales', () => {
    it.each([
      [0, 0.05],
      [5000 * WAN, 0.05],
      [5000 * WAN + 1, 0.04],
      [20000 * WAN, 0.04],
      [20000 * WAN + 1, 0.03],
      [1e12, 0.03],
    ])('sales %d yuan → at least %d', (sales, threshold) => {
      expect(highTechRdThreshold(sales)).toBe(threshold);
    });

    // [sales a year, R&D a year, met, threshold]: exactly at the share and one yuan a year below it, in each tier.
    it.each([
      [5000 * WAN, 250 * WAN, true, 0.05],
      [5000 * WAN, 250 * WAN - 1, false, 0.05],
      [5000 * WAN + 1, (5000 * WAN + 1) * 0.04 + 1, true, 0.04],
      [5000 * WAN + 100, 200 * WAN + 4, true, 0.04],
      [5000 * WAN + 100, 200 * WAN + 3, false, 0.04],
      [20000 * WAN, 800 * WAN, true, 0.04],
      [20000 * WAN, 800 * WAN - 1, false, 0.04],
      [20000 * WAN + 100, 600 * WAN + 3, true, 0.03],
      [20000 * WAN + 100, 600 * WAN + 2, false, 0.03],
      // 4.5% passes above 5000万 but fails at 5000万 (inclusive: still the 5% tier)
      [5000 * WAN, 225 * WAN, false, 0.05],
      [5000 * WAN + 1, 225 * WAN, true, 0.04],
    ])('sales %d, R&D %d → met %s (threshold %d)', (s, r, met, threshold) => {
      const c = conditionOf(years(s, r), 'rd-expense-share');
      expect(c.met).toBe(met);
      expect(c.threshold).toBe(threshold);
      expect(c.value).toBeCloseTo(r / s, 12);
    });

    it('sums the three years (a weak year is made up by the others) and tiers on the last year only', () => {
      // 2%, 8%, 5% on equal sales: 15 / 300 = 5%.
      const p = { ...years(1000 * WAN, 0), rdExpense: 20 * WAN, rdExpensePreviousYear: 80 * WAN, rdExpenseYearBeforePrevious: 50 * WAN };
      expect(conditionOf(p, 'rd-expense-share')).toMatchObject({ met: true, value: 0.05, threshold: 0.05 });
      // The last year's sales cross 2亿 → 3% tier, though the earlier years were small.
      const q = { ...p, revenue: 30000 * WAN, rdExpense: 900 * WAN - 1_000_000, revenuePreviousYear: 100 * WAN, revenueYearBeforePrevious: 100 * WAN };
      const c = conditionOf(q, 'rd-expense-share');
      expect(c.threshold).toBe(0.03);
      expect(c.value).toBeCloseTo((900 * WAN - 1_000_000 + 130 * WAN) / (30200 * WAN), 12);
    });

    it('takes the operating period for an enterprise registered less than 3 years', () => {
      const young = { ...BASE, yearsRegistered: 1.5, revenuePreviousYear: null, rdExpensePreviousYear: null, revenueYearBeforePrevious: null, rdExpenseYearBeforePrevious: null };
      const one = checkHighTech(young);
      expect(one.rdPeriodYears).toBe(1);
      expect(one.conditions[4]).toMatchObject({ met: true, value: 0.06, missing: [] });
      // The year before its n-th anniversary year is counted when given.
      const two = checkHighTech({ ...young, revenuePreviousYear: 1000 * WAN, rdExpensePreviousYear: 0 });
      expect(two.rdPeriodYears).toBe(2);
      expect(two.conditions[4]!.value).toBeCloseTo(180 / 4000, 12);
      expect(two.conditions[4]!.met).toBe(false);
      // Registered 2 years: the previous year is required.
      const required = checkHighTech({ ...young, yearsRegistered: 2 });
      expect(required.outcome).toBe('incomplete');
      expect(required.conditions[4]).toMatchObject({ met: null, missing: ['rdExpensePreviousYear', 'revenuePreviousYear'] });
      // Less than a year: the prior year alone (and H1 fails).
      const infant = checkHighTech({ ...young, yearsRegistered: 0.5 });
      expect(infant.rdPeriodYears).toBe(1);
      expect(infant.conditions[0]!.met).toBe(false);
    });

    it('requires all three years when yearsRegistered is missing, and names it', () => {
      expect(checkHighTech({ ...BASE, yearsRegistered: null }).rdPeriodYears).toBe(3);
      const r = checkHighTech({ ...BASE, yearsRegistered: undefined, rdExpenseYearBeforePrevious: null });
      expect(r.conditions[4]).toMatchObject({ met: null, missing: ['rdExpenseYearBeforePrevious', 'yearsRegistered'] });
      expect(r.missing).toEqual(['yearsRegistered', 'rdExpenseYearBeforePrevious']);
    });

    it('is not met with zero sales over the period', () => {
      expect(conditionOf(years(0, 0), 'rd-expense-share')).toMatchObject({ met: false, value: null, threshold: 0.05 });
    });

    it('reports half a year (R&D without sales) as missing', () => {
      const c = conditionOf({ ...BASE, yearsRegistered: 1, revenueYearBeforePrevious: null }, 'rd-expense-share');
      expect(c).toMatchObject({ met: null, missing: ['revenueYearBeforePrevious'] });
    });
  });

  it('reports missing inputs, never as zero, and is incomplete unless a condition fails', () => {
    const r = checkHighTech({});
    expect(r.outcome).toBe('incomplete');
    expect(r.missing).toEqual([
      'yearsRegistered', 'ip.class1', 'ip.class2', 'coreTechInSupportedField', 'techStaff', 'employees',
      'rdExpense', 'revenue', 'rdExpensePreviousYear', 'revenuePreviousYear', 'rdExpenseYearBeforePrevious', 'revenueYearBeforePrevious',
      'rdInChinaShare', 'highTechRevenueShare', 'innovationScore',
    ]);
    expect(r.conditions.filter((c) => c.met === null).map((c) => c.key)).toHaveLength(8);
    // H8: scopeIssues absent means none declared.
    expect(r.conditions[8]!.met).toBe(true);
    // One failing condition decides, whatever is missing.
    expect(checkHighTech({ innovationScore: 10 }).outcome).toBe('not-met');
    // IP: one class known as 0, the other missing → missing; one class ≥ 1 → met without the other.
    expect(conditionOf({ ip: { class1: 0 } }, 'core-ip')).toMatchObject({ met: null, missing: ['ip.class2'] });
    expect(conditionOf({ ip: { class2: 2 } }, 'core-ip')).toMatchObject({ met: true, value: 2, missing: [] });
  });
});
