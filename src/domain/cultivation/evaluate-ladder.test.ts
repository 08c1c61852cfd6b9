/**
 * evaluateLadder: the tiers 创新型 → 专精特新 → 小巨人 in order, and the next tier with what it lacks
 * (the seed: an enterprise must pass the innovative-SME evaluation before it can apply for 专精特新).
 */
import { describe, expect, it } from 'vitest';
import { evaluateLadder, LADDER } from './evaluate-ladder.js';
import { DEFAULT_CULTIVATION_CONFIG } from './cultivation-config.js';
import type { CultivationProfile } from './cultivation-profile.js';

const WAN = 10_000;

/**
 * Qualifies for 创新型 by score and meets every 2022 专精特新 condition except the title it does not
 * hold; fails 小巨人 on market share (5%) among others.
 */
const GROWING: CultivationProfile = {
  sector: 'industry', employees: 200,
  revenue: 10_000 * WAN, revenuePreviousYear: 9_000 * WAN, revenueYearBeforePrevious: 8_000 * WAN,
  mainBusinessRevenue: 9_000 * WAN, mainBusinessRevenuePreviousYear: 8_000 * WAN, mainBusinessRevenueYearBeforePrevious: 7_000 * WAN,
  totalAssets: 10_000 * WAN, totalLiabilities: 5_500 * WAN, rdExpense: 420 * WAN, rdExpensePreviousYear: 380 * WAN, rdStaff: 22, netProfit: 500 * WAN,
  yearsInNiche: 6, ip: { class1HighValue: 0, class1SelfDeveloped: 1, class1: 2, class2: 3 }, honours: [],
  scienceAward: { level: 'none' }, rdInstitutionLevel: 'municipal', equityFinancingLast2Years: 0, equityFinancingLast3Years: 0, makerChina: 'none',
  digitalisationLevel: 2, qualityItems: ['own-brand'], productField2022: 'six-foundations', provincialPoints: { provincial: 5 },
  nicheMarketShare: 0.05, qualitativeClaims: [],
};
const ON = { on: '2025-06-01' };

describe('evaluateLadder', () => {
  it('evaluates the three tiers in order', () => {
    const ladder = evaluateLadder(GROWING, ON);
    expect(LADDER).toEqual(['innovative-sme', 'specialised-sme', 'little-giant']);
    expect(ladder.steps.map((s) => [s.scheme, s.evaluation.scheme, s.held])).toEqual([
      ['innovative-sme', 'innovative-sme', false], ['specialised-sme', 'specialised-sme', false], ['little-giant', 'little-giant', false],
    ]);
    expect(ladder.on).toBe('2025-06-01');
  });

  it('the next tier of an enterprise that fails the innovative-SME evaluation is 创新型 itself', () => {
    const weak = { ...GROWING, rdExpense: 0, ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 }, rdInstitutionLevel: 'none' as const };
    const next = evaluateLadder(weak, ON).nextTier!;
    expect(next.scheme).toBe('innovative-sme');
    expect(next.lowerTierToApplyFor).toBeNull();
    expect(next.onlyLowerTierMissing).toBe(false);
    expect(next.gaps.length).toBeGreaterThan(0);
    expect(next.gaps).toBe(next.evaluation.gaps);
  });

  it('qualifying for 创新型 without the title: apply for it first — it is the only thing 专精特新 lacks', () => {
    const ladder = evaluateLadder(GROWING, ON);
    expect(ladder.steps[0]!.evaluation.qualified).toBe(true);
    const next = ladder.nextTier!;
    expect(next.scheme).toBe('specialised-sme');
    expect(next.lowerTierToApplyFor).toBe('innovative-sme');
    expect(next.onlyLowerTierMissing).toBe(true);
    expect(next.unmet.map((c) => c.key)).toEqual(['innovative-sme-title']);
    expect(next.unmet[0]!.group).toBe('prerequisite');
  });

  it('qualifying for 创新型 without the title, with more missing for 专精特新: not only the title', () => {
    const next = evaluateLadder({ ...GROWING, yearsInNiche: 1 }, ON).nextTier!;
    expect(next).toMatchObject({ scheme: 'specialised-sme', lowerTierToApplyFor: 'innovative-sme', onlyLowerTierMissing: false });
    expect(next.unmet.map((c) => c.key)).toEqual(['innovative-sme-title', 'niche-years']);
  });

  it('holding 创新型 and failing the 专精特新 score: the score gaps', () => {
    const next = evaluateLadder({ ...GROWING, honours: ['innovative-sme'], rdInstitutionLevel: 'none' }, ON).nextTier!;
    expect(next).toMatchObject({ scheme: 'specialised-sme', lowerTierToApplyFor: null, onlyLowerTierMissing: false, unmet: [] });
    expect(next.gaps).toEqual([{ kind: 'indicator', key: 'debt-ratio', from: 0.55, to: 0.5, points: 2 }]);
  });

  it('qualifying for 专精特新 while holding 创新型: 小巨人 is next, apply for 专精特新 first', () => {
    const ladder = evaluateLadder({ ...GROWING, honours: ['innovative-sme'] }, ON);
    expect(ladder.steps.map((s) => [s.held, s.evaluation.qualified])).toEqual([[true, true], [false, true], [false, false]]);
    const next = ladder.nextTier!;
    expect(next).toMatchObject({ scheme: 'little-giant', lowerTierToApplyFor: 'specialised-sme', onlyLowerTierMissing: false });
    expect(next.unmet.map((c) => c.key)).toContain('specialised-sme-title');
    expect(next.unmet.map((c) => c.key)).toContain('niche-market-share');
  });

  it('a higher title counts as holding the tiers below it', () => {
    const ladder = evaluateLadder({ ...GROWING, honours: ['specialised-sme'] }, ON);
    expect(ladder.steps.map((s) => s.held)).toEqual([true, true, false]);
    expect(ladder.nextTier).toMatchObject({ scheme: 'little-giant', lowerTierToApplyFor: null, onlyLowerTierMissing: false });
  });

  it('a 小巨人 has no next tier', () => {
    expect(evaluateLadder({ ...GROWING, honours: ['little-giant'] }, ON).nextTier).toBeNull();
  });

  it('a re-review reviews the titles held and evaluates the others as new', () => {
    const ladder = evaluateLadder({ ...GROWING, honours: ['innovative-sme'] }, { ...ON, purpose: 'review' });
    expect(ladder.steps.map((s) => s.evaluation.purpose)).toEqual(['review', 'new', 'new']);
  });

  it('uses the rules of the date: from 2026-04-01 专精特新 is 2号, whose S1 also accepts 科技型', () => {
    const ladder = evaluateLadder({ ...GROWING, developmentScore: 70, qualitativeClaims: ['market-position-leading'] }, { on: '2026-06-01', config: DEFAULT_CULTIVATION_CONFIG });
    const next = ladder.nextTier!;
    expect(next.evaluation.rulesVersion).toBe('工信部企业〔2026〕2号 附件1');
    expect(next).toMatchObject({ scheme: 'specialised-sme', lowerTierToApplyFor: 'innovative-sme', onlyLowerTierMissing: true });
    expect(next.unmet.map((c) => c.key)).toEqual(['prerequisite-title']);
  });

  it('lists the conditions that depend on missing inputs', () => {
    const next = evaluateLadder({ ...GROWING, honours: ['innovative-sme'], yearsInNiche: null }, ON).nextTier!;
    expect(next.scheme).toBe('specialised-sme');
    expect(next.evaluation.outcome).toBe('incomplete');
    expect(next.undecided.map((c) => c.key)).toContain('niche-years');
  });
});
