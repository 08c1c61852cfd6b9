/**
 * 专精特新“小巨人” under 工信部企业〔2026〕2号 Annex 2 (official-rules.md §1.4): G1–G10 at and around
 * every threshold, the alternatives of G7 and G8, the re-review variants (G4 not checked, G10
 * either year), and missing inputs.
 */
import { describe, expect, it } from 'vitest';
import { LITTLE_GIANT_2026 } from './evaluate-little-giant-2026.js';
import { DEFAULT_CULTIVATION_CONFIG } from './cultivation-config.js';
import type { CultivationProfile } from './cultivation-profile.js';
import type { Evaluation, EvaluationPurpose } from './cultivation-evaluation.js';

const WAN = 10_000;

/** Meets G1–G10: 营业收入 8000万 (7000万 two years before), 主营 95%, R&D 600万 a year, 5 class I items. */
const BASE: CultivationProfile = {
  sector: 'industry', employees: 300,
  revenue: 8_000 * WAN, revenuePreviousYear: 7_500 * WAN, revenueYearBeforePrevious: 7_000 * WAN, mainBusinessRevenue: 7_600 * WAN,
  totalAssets: 10_000 * WAN, totalLiabilities: 6_000 * WAN, rdExpense: 600 * WAN, rdExpensePreviousYear: 600 * WAN,
  yearsInNiche: 4, ip: { class1: 5 }, honours: ['specialised-sme'], scienceAward: { level: 'none' },
  nicheMarketShare: 0.15, nicheMarketRank: 2, qualitativeClaims: ['priority-field', 'chain-key-link'], developmentScore: 70,
};
/** 营业收入 exactly 1.1025 × that of two years before: compound growth exactly 5%. */
const EXACT_GROWTH: Partial<CultivationProfile> = { revenue: 66_150_000, revenueYearBeforePrevious: 60_000_000, mainBusinessRevenue: 62_842_500 };

function evaluate(profile: CultivationProfile, purpose: EvaluationPurpose = 'new'): Evaluation {
  return LITTLE_GIANT_2026.evaluate(profile, { on: '2026-06-01', purpose, config: DEFAULT_CULTIVATION_CONFIG });
}
const condition = (e: Evaluation, key: string) => e.conditions.find((c) => c.key === key);

describe('LITTLE_GIANT_2026 (2号 附件2)', () => {
  it('qualifies the base profile: conditions only', () => {
    const e = evaluate(BASE);
    expect(e).toMatchObject({ scheme: 'little-giant', rulesVersion: '工信部企业〔2026〕2号 附件2', outcome: 'qualified', qualified: true, route: 'score', total: null, gaps: [], missing: [], unconfirmed: [] });
    expect(e.conditions.every((c) => c.key in LITTLE_GIANT_2026.definition.conditions)).toBe(true);
  });

  // [case, patch, condition, met, qualified]
  const cases: [string, Partial<CultivationProfile>, string, boolean, boolean][] = [
    ['G1 3 years', { yearsInNiche: 3 }, 'niche-years', true, true],
    ['G1 2.99 years (no 2-year relaxation)', { yearsInNiche: 2.99 }, 'niche-years', false, false],
    ['G2 营业收入 5000万', { revenue: 5_000 * WAN, mainBusinessRevenue: 4_750 * WAN, revenueYearBeforePrevious: 4_000 * WAN }, 'revenue', true, true],
    ['G2 营业收入 5000万 − 1 yuan', { revenue: 5_000 * WAN - 1, mainBusinessRevenue: 4_750 * WAN, revenueYearBeforePrevious: 4_000 * WAN }, 'revenue', false, false],
    ['G3 主营 90%', { mainBusinessRevenue: 7_200 * WAN }, 'main-business-share', true, true],
    ['G3 主营 90% − 1 yuan', { mainBusinessRevenue: 7_200 * WAN - 1 }, 'main-business-share', false, false],
    ['G4 compound growth exactly 5%', EXACT_GROWTH, 'revenue-growth-2y', true, true],
    ['G4 compound growth just below 5%', { ...EXACT_GROWTH, revenue: 66_149_999 }, 'revenue-growth-2y', false, false],
    ['G5 debt 75%', { totalLiabilities: 7_500 * WAN }, 'debt-ratio', true, true],
    ['G5 debt 75% + 1 yuan', { totalLiabilities: 7_500 * WAN + 1 }, 'debt-ratio', false, false],
    ['G6 R&D 1200万 over 2 years', { rdExpense: 600 * WAN, rdExpensePreviousYear: 600 * WAN }, 'rd-expense-2y', true, true],
    ['G6 R&D 1200万 − 1 yuan over 2 years', { rdExpense: 600 * WAN, rdExpensePreviousYear: 600 * WAN - 1 }, 'rd-expense-2y', false, false],
    ['G6 prior year exactly 3%', { revenue: 20_000 * WAN, mainBusinessRevenue: 19_000 * WAN, rdExpense: 600 * WAN }, 'rd-ratio', true, true],
    ['G6 prior year 3% − 1 yuan', { revenue: 20_000 * WAN, mainBusinessRevenue: 19_000 * WAN, rdExpense: 600 * WAN - 1, rdExpensePreviousYear: 700 * WAN }, 'rd-ratio', false, false],
    ['G6 year before exactly 3%', { revenuePreviousYear: 20_000 * WAN, rdExpensePreviousYear: 600 * WAN }, 'rd-ratio-previous-year', true, true],
    ['G6 year before 3% − 1 yuan', { revenuePreviousYear: 20_000 * WAN, rdExpense: 700 * WAN, rdExpensePreviousYear: 600 * WAN - 1 }, 'rd-ratio-previous-year', false, false],
    ['G7 4 class I items', { ip: { class1: 4 } }, 'ip-class1', true, true],
    ['G7 3 class I items', { ip: { class1: 3 } }, 'ip-class1', false, false],
    ['G7 waived: national award ranked 3rd', { ip: { class1: 3 }, scienceAward: { level: 'national', rank: 3, year: 2024 } }, 'ip-class1-alt-national-award', true, true],
    ['G7 not waived: national award ranked 4th', { ip: { class1: 3 }, scienceAward: { level: 'national', rank: 4, year: 2024 } }, 'ip-class1-alt-national-award', false, false],
    ['G7 not waived: a provincial award', { ip: { class1: 3 }, scienceAward: { level: 'provincial', rank: 1, year: 2025 } }, 'ip-class1-alt-national-award', false, false],
    ['G8 share 10%', { nicheMarketShare: 0.1, nicheMarketRank: 5 }, 'niche-market-share', true, true],
    ['G8 share 9.99%, ranked 4th', { nicheMarketShare: 0.0999, nicheMarketRank: 4 }, 'niche-market-share', false, false],
    ['G8 share 5%, ranked 3rd domestically', { nicheMarketShare: 0.05, nicheMarketRank: 3 }, 'niche-market-share-alt-rank', true, true],
    ['G9 not in a priority field', { qualitativeClaims: ['chain-key-link'] }, 'priority-field', false, false],
    ['G9 not at a key link', { qualitativeClaims: ['priority-field'] }, 'chain-key-link', false, false],
    ['G10 score 60', { developmentScore: 60 }, 'development-score', true, true],
    ['G10 score 59', { developmentScore: 59 }, 'development-score', false, false],
  ];
  it.each(cases)('%s', (_name, patch, key, met, qualified) => {
    const e = evaluate({ ...BASE, ...patch });
    expect(condition(e, key)?.met).toBe(met);
    expect(e.qualified).toBe(qualified);
  });

  it('G1 needs a valid 专精特新 title', () => {
    const e = evaluate({ ...BASE, honours: ['innovative-sme'] });
    expect(condition(e, 'specialised-sme-title')).toMatchObject({ group: 'prerequisite', met: false });
    expect(e.gaps).toEqual([{ kind: 'condition', key: 'specialised-sme-title', from: 0, to: 1, points: null }]);
  });

  it('G4 shows the compound growth rate and compares exactly', () => {
    expect(condition(evaluate({ ...BASE, ...EXACT_GROWTH }), 'revenue-growth-2y')).toMatchObject({ met: true, value: 0.05, threshold: 0.05 });
    const below = evaluate({ ...BASE, ...EXACT_GROWTH, revenue: 66_149_999 });
    expect(below.gaps).toEqual([{ kind: 'condition', key: 'revenue-growth-2y', from: condition(below, 'revenue-growth-2y')!.value, to: 0.05, points: null }]);
    expect(condition(below, 'revenue-growth-2y')!.value!).toBeLessThan(0.05);
  });

  describe('re-review (复核)', () => {
    it('does not check G4', () => {
      const shrinking = { ...BASE, revenueYearBeforePrevious: 9_000 * WAN };
      expect(evaluate(shrinking).qualified).toBe(false);
      const review = evaluate(shrinking, 'review');
      expect(review.qualified).toBe(true);
      expect(condition(review, 'revenue-growth-2y')).toBeUndefined();
    });

    it('does not need the 营业收入 of two years before', () => {
      expect(evaluate({ ...BASE, revenueYearBeforePrevious: null }).outcome).toBe('incomplete');
      expect(evaluate({ ...BASE, revenueYearBeforePrevious: null }, 'review').outcome).toBe('qualified');
    });

    it.each([
      [59, 60, true],
      [60, 59, true],
      [59, 59, false],
      [null, 60, true],
      [59, null, null],
    ] as const)('G10: this year %s, last year %s → %s', (now, prev, met) => {
      expect(condition(evaluate({ ...BASE, developmentScore: now, developmentScorePreviousYear: prev }, 'review'), 'development-score')!.met).toBe(met);
    });

    it('accepts the 小巨人 title under review as the prerequisite, and says the choice of rules is configured', () => {
      const e = evaluate({ ...BASE, honours: ['little-giant'] }, 'review');
      expect(e.qualified).toBe(true);
      expect(e.unconfirmed).toEqual(['littleGiantReviewRules2026']);
    });
  });

  describe('missing inputs', () => {
    it('a missing market share with a top-3 rank is decided by the rank', () => {
      expect(evaluate({ ...BASE, nicheMarketShare: null, nicheMarketRank: 1 }).outcome).toBe('qualified');
    });

    it('a missing market share and rank leave G8 open', () => {
      const e = evaluate({ ...BASE, nicheMarketShare: null, nicheMarketRank: null });
      expect(e).toMatchObject({ outcome: 'incomplete', missing: ['nicheMarketShare', 'nicheMarketRank'] });
    });

    it('a missing R&D expense of the year before is missing, not zero', () => {
      const e = evaluate({ ...BASE, rdExpensePreviousYear: undefined });
      expect(condition(e, 'rd-expense-2y')).toMatchObject({ met: null, value: null });
      expect(e.outcome).toBe('incomplete');
    });

    it('a failed condition makes it not-qualified whatever is missing', () => {
      expect(evaluate({ ...BASE, rdExpensePreviousYear: undefined, developmentScore: 10 }).outcome).toBe('not-qualified');
    });
  });

  it('gaps: every unmet condition, the primary of an either/or', () => {
    const e = evaluate({ ...BASE, ip: { class1: 2 }, nicheMarketShare: 0.04, nicheMarketRank: 6, developmentScore: 55, totalLiabilities: 8_000 * WAN });
    expect(e.gaps).toEqual([
      { kind: 'condition', key: 'debt-ratio', from: 0.8, to: 0.75, points: null },
      { kind: 'condition', key: 'ip-class1', from: 2, to: 4, points: null },
      { kind: 'condition', key: 'niche-market-share', from: 0.04, to: 0.1, points: null },
      { kind: 'condition', key: 'development-score', from: 55, to: 60, points: null },
    ]);
  });
});
