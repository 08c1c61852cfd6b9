/**
 * 专精特新“小巨人” under 工信部企业〔2022〕63号 Annex 3 (official-rules.md §1.3): the six dimensions,
 * the R&D tiers at the 5000万 and 1亿 boundaries (3% / 6% / the financing route — not 3/4/5%),
 * the direct path of 新, and missing inputs.
 */
import { describe, expect, it } from 'vitest';
import { LITTLE_GIANT_2022 } from './evaluate-little-giant-2022.js';
import { DEFAULT_CULTIVATION_CONFIG } from './cultivation-config.js';
import type { CultivationProfile } from './cultivation-profile.js';
import type { Evaluation, EvaluationPurpose } from './cultivation-evaluation.js';

const WAN = 10_000;

/** Meets every dimension: 营业收入 1.2亿 (the 3% tier), R&D 400万 both years, 主营 83%, growth ~12%. */
const BASE: CultivationProfile = {
  sector: 'industry', employees: 300,
  revenue: 12_000 * WAN, revenuePreviousYear: 11_000 * WAN,
  mainBusinessRevenue: 10_000 * WAN, mainBusinessRevenuePreviousYear: 9_000 * WAN, mainBusinessRevenueYearBeforePrevious: 8_000 * WAN,
  totalAssets: 10_000 * WAN, totalLiabilities: 6_000 * WAN,
  rdExpense: 400 * WAN, rdExpensePreviousYear: 400 * WAN, rdStaff: 30,
  yearsInNiche: 5, nicheMarketShare: 0.12, ip: { class1: 3 }, honours: ['specialised-sme'],
  scienceAward: { level: 'none' }, makerChina: 'none', rdInstitutionLevel: 'none', equityFinancingLast2Years: 0,
  qualitativeClaims: ['information-system', 'management-certified', 'own-brand', 'in-house-rd-institution', 'chain-key-link', 'priority-field'],
};

function evaluate(profile: CultivationProfile, purpose: EvaluationPurpose = 'new'): Evaluation {
  return LITTLE_GIANT_2022.evaluate(profile, { on: '2025-06-01', purpose, config: DEFAULT_CULTIVATION_CONFIG });
}
const condition = (e: Evaluation, key: string) => e.conditions.find((c) => c.key === key);
const withoutClaim = (claim: string): Partial<CultivationProfile> => ({ qualitativeClaims: BASE.qualitativeClaims!.filter((c) => c !== claim) });

describe('LITTLE_GIANT_2022 (63号 附件3)', () => {
  it('qualifies the base profile on every dimension', () => {
    const e = evaluate(BASE);
    expect(e).toMatchObject({ scheme: 'little-giant', rulesVersion: '工信部企业〔2022〕63号 附件3', outcome: 'qualified', qualified: true, route: 'score', total: null, gaps: [], missing: [], unconfirmed: [] });
    expect(e.conditions.every((c) => c.key in LITTLE_GIANT_2022.definition.conditions)).toBe(true);
    expect(e.conditions.filter((c) => c.group === 'dimension').length).toBeGreaterThan(10);
  });

  // [case, patch, condition, met, qualified]
  const cases: [string, Partial<CultivationProfile>, string, boolean, boolean][] = [
    // 专
    ['专 3 years in the niche', { yearsInNiche: 3 }, 'niche-years', true, true],
    ['专 2.99 years', { yearsInNiche: 2.99 }, 'niche-years', false, false],
    ['专 主营 70%', { mainBusinessRevenue: 8_400 * WAN, mainBusinessRevenuePreviousYear: 7_500 * WAN, mainBusinessRevenueYearBeforePrevious: 7_000 * WAN }, 'main-business-share', true, true],
    ['专 主营 70% − 1 yuan', { mainBusinessRevenue: 8_400 * WAN - 1, mainBusinessRevenuePreviousYear: 7_500 * WAN, mainBusinessRevenueYearBeforePrevious: 7_000 * WAN }, 'main-business-share', false, false],
    ['专 average growth 5% exactly (18% and 2%… 9% and 1%)', { mainBusinessRevenue: 110_090_000, mainBusinessRevenuePreviousYear: 101_000_000, mainBusinessRevenueYearBeforePrevious: 100_000_000 }, 'main-business-growth-2y', true, true],
    ['专 average growth just below 5%', { mainBusinessRevenue: 110_089_999, mainBusinessRevenuePreviousYear: 101_000_000, mainBusinessRevenueYearBeforePrevious: 100_000_000 }, 'main-business-growth-2y', false, false],
    // 精
    ['精 no information system', withoutClaim('information-system'), 'information-system', false, false],
    ['精 no management certification', withoutClaim('management-certified'), 'management-certified', false, false],
    ['精 debt 70%', { totalLiabilities: 7_000 * WAN }, 'debt-ratio', true, true],
    ['精 debt 70% + 1 yuan', { totalLiabilities: 7_000 * WAN + 1 }, 'debt-ratio', false, false],
    // 特
    ['特 market share 10%', { nicheMarketShare: 0.1 }, 'niche-market-share', true, true],
    ['特 market share 9.99%', { nicheMarketShare: 0.0999 }, 'niche-market-share', false, false],
    ['特 no own brand', withoutClaim('own-brand'), 'own-brand', false, false],
    // 新 (2), (3)
    ['新 no R&D institution declared, none recognised', withoutClaim('in-house-rd-institution'), 'rd-institution', false, false],
    ['新 a recognised municipal R&D institution', { ...withoutClaim('in-house-rd-institution'), rdInstitutionLevel: 'municipal' }, 'rd-institution', true, true],
    ['新 2 class I items', { ip: { class1: 2 } }, 'ip-class1', true, true],
    ['新 1 class I item', { ip: { class1: 1 } }, 'ip-class1', false, false],
    // 链, 品
    ['链 not at a key link', withoutClaim('chain-key-link'), 'chain-key-link', false, false],
    ['品 not in a priority field', withoutClaim('priority-field'), 'priority-field', false, false],
  ];
  it.each(cases)('%s', (_name, patch, key, met, qualified) => {
    const e = evaluate({ ...BASE, ...patch });
    expect(condition(e, key)?.met).toBe(met);
    expect(e.qualified).toBe(qualified);
  });

  it('the exact 5% growth case is one the naive float average gets wrong', () => {
    const [m, m1, m2] = [110_090_000, 101_000_000, 100_000_000];
    expect(((m - m1) / m1 + (m1 - m2) / m2) / 2).toBeLessThan(0.05);
  });

  describe('新 (1): the R&D tiers by prior-year 营业收入', () => {
    // [case, 营业收入, R&D, R&D of the year before (of 营业收入 of the year before), threshold or 'financing', met]
    const tiers: [string, Partial<CultivationProfile>, number | 'financing', boolean][] = [
      ['1亿: 3% tier, R&D exactly 3%', { revenue: 10_000 * WAN, rdExpense: 300 * WAN }, 0.03, true],
      ['1亿: 3% tier, R&D 3% − 1 yuan', { revenue: 10_000 * WAN, rdExpense: 300 * WAN - 1 }, 0.03, false],
      ['1亿 − 1 yuan: 6% tier, 3% is not enough', { revenue: 10_000 * WAN - 1, rdExpense: 300 * WAN }, 0.06, false],
      ['1亿 − 1 yuan: 6% tier, R&D 6%', { revenue: 10_000 * WAN - 1, rdExpense: 600 * WAN }, 0.06, true],
      ['7000万: 6% tier, 4% is not enough (not the 3/4/5% tiers)', { revenue: 7_000 * WAN, rdExpense: 280 * WAN }, 0.06, false],
      ['5000万: 6% tier, R&D exactly 6%', { revenue: 5_000 * WAN, rdExpense: 300 * WAN }, 0.06, true],
      ['5000万: 6% tier, R&D 6% − 1 yuan', { revenue: 5_000 * WAN, rdExpense: 300 * WAN - 1 }, 0.06, false],
      ['5000万 − 1 yuan: the financing route', { revenue: 5_000 * WAN - 1, rdExpense: 300 * WAN }, 'financing', false],
    ];
    it.each(tiers)('%s', (_name, patch, threshold, met) => {
      const p: CultivationProfile = { ...BASE, mainBusinessRevenue: 4_000 * WAN, mainBusinessRevenuePreviousYear: 3_600 * WAN, mainBusinessRevenueYearBeforePrevious: 3_200 * WAN, revenuePreviousYear: 5_000 * WAN, rdExpensePreviousYear: 400 * WAN, ...patch };
      const e = evaluate(p);
      if (threshold === 'financing') {
        expect(condition(e, 'rd-ratio')).toBeUndefined();
        expect(condition(e, 'rd-equity-financing')).toBeDefined();
      } else {
        expect(condition(e, 'rd-ratio')).toMatchObject({ met, threshold });
        expect(condition(e, 'rd-ratio-previous-year')!.threshold).toBe(threshold);
        expect(condition(e, 'rd-equity-financing')).toBeUndefined();
      }
    });

    it('the ratio is needed in each of the last 2 years', () => {
      const e = evaluate({ ...BASE, rdExpensePreviousYear: 330 * WAN - 1 }); // 营业收入 of the year before 1.1亿: 3% = 330万
      expect(condition(e, 'rd-ratio')!.met).toBe(true);
      expect(condition(e, 'rd-ratio-previous-year')!.met).toBe(false);
      expect(e.qualified).toBe(false);
    });

    const SMALL: CultivationProfile = {
      ...BASE, revenue: 4_000 * WAN, mainBusinessRevenue: 3_600 * WAN, mainBusinessRevenuePreviousYear: 3_200 * WAN, mainBusinessRevenueYearBeforePrevious: 2_900 * WAN,
      equityFinancingLast2Years: 8_000 * WAN, rdExpense: 1_500 * WAN, rdExpensePreviousYear: 1_500 * WAN, employees: 200, rdStaff: 100,
    };
    it.each([
      ['financing 8000万, R&D 3000万 over 2 years, R&D staff 50%', {}, null, true],
      ['financing 8000万 − 1 yuan', { equityFinancingLast2Years: 8_000 * WAN - 1 }, 'rd-equity-financing', false],
      ['R&D 3000万 − 1 yuan over 2 years', { rdExpensePreviousYear: 1_500 * WAN - 1 }, 'rd-expense-2y', false],
      ['R&D staff 50% − 1 person', { rdStaff: 99 }, 'rd-staff-share', false],
    ] as const)('below 5000万: %s', (_name, patch, failing, qualified) => {
      const e = evaluate({ ...SMALL, ...patch });
      expect(e.qualified).toBe(qualified);
      if (failing) expect(condition(e, failing)!.met).toBe(false);
    });
  });

  describe('新: the direct path replaces the general one', () => {
    const noGeneral: Partial<CultivationProfile> = { ip: { class1: 1 } };
    it.each([
      ['national award ranked 3rd, 3 years ago', { scienceAward: { level: 'national', rank: 3, year: 2022 } }, true],
      ['national award ranked 4th', { scienceAward: { level: 'national', rank: 4, year: 2025 } }, false],
      ['national award 4 years ago', { scienceAward: { level: 'national', rank: 1, year: 2021 } }, false],
      ['provincial award ranked 1st', { scienceAward: { level: 'provincial', rank: 1, year: 2025 } }, false],
      ['创客中国 national top 50', { makerChina: 'national-top50' }, true],
      ['创客中国 national top 500', { makerChina: 'national-top500' }, false],
    ] as const)('%s', (_name, patch, qualified) => {
      expect(evaluate({ ...BASE, ...noGeneral, ...patch }).qualified).toBe(qualified);
    });

    it('when 新 fails, the gaps are the general path’s unmet conditions, not the direct path', () => {
      const e = evaluate({ ...BASE, ...noGeneral, rdExpense: 300 * WAN });
      expect(e.gaps).toEqual([
        { kind: 'condition', key: 'rd-ratio', from: 0.025, to: 0.03, points: null },
        { kind: 'condition', key: 'ip-class1', from: 1, to: 2, points: null },
      ]);
    });

    it('when the direct path is met, the general path leaves no gap', () => {
      expect(evaluate({ ...BASE, ...noGeneral, makerChina: 'national-top50', nicheMarketShare: 0.05 }).gaps).toEqual([
        { kind: 'condition', key: 'niche-market-share', from: 0.05, to: 0.1, points: null },
      ]);
    });
  });

  describe('prerequisite', () => {
    it('needs a valid 专精特新 title', () => {
      const e = evaluate({ ...BASE, honours: ['innovative-sme'] });
      expect(condition(e, 'specialised-sme-title')).toMatchObject({ group: 'prerequisite', met: false });
      expect(e.gaps).toEqual([{ kind: 'condition', key: 'specialised-sme-title', from: 0, to: 1, points: null }]);
    });

    it('in a re-review the 小巨人 title under review counts', () => {
      expect(evaluate({ ...BASE, honours: ['little-giant'] }, 'review').qualified).toBe(true);
      expect(evaluate({ ...BASE, honours: ['little-giant'] }).qualified).toBe(false);
    });

    it('a re-review checks the same dimensions (no condition is skipped)', () => {
      const review = evaluate({ ...BASE, mainBusinessRevenue: 8_000 * WAN }, 'review');
      expect(review.conditions.map((c) => c.key)).toEqual(evaluate(BASE).conditions.map((c) => c.key));
      expect(condition(review, 'main-business-growth-2y')!.met).toBe(false);
    });
  });

  describe('missing inputs', () => {
    it('a missing market share leaves 特 open', () => {
      const e = evaluate({ ...BASE, nicheMarketShare: null });
      expect(e).toMatchObject({ outcome: 'incomplete', missing: ['nicheMarketShare'] });
    });

    it('a missing 营业收入 leaves the R&D tier unknown', () => {
      const e = evaluate({ ...BASE, revenue: undefined });
      expect(condition(e, 'rd-ratio')).toMatchObject({ met: null, threshold: null, missing: ['revenue'] });
      expect(e.outcome).toBe('incomplete');
    });

    it('a failed dimension makes it not-qualified whatever is missing', () => {
      expect(evaluate({ ...BASE, nicheMarketShare: null, qualitativeClaims: [] }).outcome).toBe('not-qualified');
    });

    it('a base year without main-business revenue makes the growth uncomputable, not 0', () => {
      const e = evaluate({ ...BASE, mainBusinessRevenueYearBeforePrevious: 0 });
      expect(condition(e, 'main-business-growth-2y')).toMatchObject({ met: null, value: null, missing: [] });
    });
  });
});
