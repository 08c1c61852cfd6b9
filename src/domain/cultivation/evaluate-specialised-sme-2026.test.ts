/**
 * 专精特新中小企业 under 工信部企业〔2026〕2号 Annex 1 (official-rules.md §1.4): S1–S9, every one
 * at its threshold and one yuan / one point on the other side, the waivers of S7, the re-review
 * reading of S9, and missing inputs.
 */
import { describe, expect, it } from 'vitest';
import { SPECIALISED_SME_2026 } from './evaluate-specialised-sme-2026.js';
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig } from './cultivation-config.js';
import type { CultivationProfile } from './cultivation-profile.js';
import type { Evaluation, EvaluationPurpose } from './cultivation-evaluation.js';

const WAN = 10_000;

/** Meets S1–S9 with room: 营业收入 2000万, 主营 90%, 负债 50%, R&D 100万 both years (5% and 5.6%). */
const BASE: CultivationProfile = {
  sector: 'industry', employees: 200,
  revenue: 2_000 * WAN, revenuePreviousYear: 1_800 * WAN, mainBusinessRevenue: 1_800 * WAN,
  totalAssets: 10_000 * WAN, totalLiabilities: 5_000 * WAN,
  rdExpense: 100 * WAN, rdExpensePreviousYear: 100 * WAN,
  yearsInNiche: 5, ip: { class1: 1 }, honours: ['innovative-sme'],
  scienceAward: { level: 'none' }, rdInstitutionLevel: 'none', equityFinancingLast2Years: 0,
  qualitativeClaims: ['market-position-leading'], developmentScore: 70,
};

function evaluate(profile: CultivationProfile, opts: { purpose?: EvaluationPurpose; config?: Partial<CultivationConfig> } = {}): Evaluation {
  return SPECIALISED_SME_2026.evaluate(profile, { on: '2026-06-01', purpose: opts.purpose ?? 'new', config: { ...DEFAULT_CULTIVATION_CONFIG, ...opts.config } });
}
const condition = (e: Evaluation, key: string) => e.conditions.find((c) => c.key === key)!;

describe('SPECIALISED_SME_2026 (2号 附件1)', () => {
  it('qualifies the base profile: conditions only, no score of its own', () => {
    const e = evaluate(BASE);
    expect(e).toMatchObject({
      scheme: 'specialised-sme', rulesVersion: '工信部企业〔2026〕2号 附件1', outcome: 'qualified', qualified: true, route: 'score',
      total: null, categories: [], indicators: [], gaps: [], missing: [], unconfirmed: ['specialised2026PrerequisiteTitles'],
    });
    expect(e.conditions.every((c) => c.key in SPECIALISED_SME_2026.definition.conditions)).toBe(true);
    expect(e.conditions.some((c) => c.group === 'direct')).toBe(false);
  });

  // [case, patch, condition, met, qualified]
  const cases: [string, Partial<CultivationProfile>, string, boolean, boolean][] = [
    // S2 years in the niche ≥ 3
    ['S2 3 years', { yearsInNiche: 3 }, 'niche-years', true, true],
    ['S2 2.99 years', { yearsInNiche: 2.99 }, 'niche-years', false, false],
    // S3 营业收入 ≥ 1500万, or financing ≥ 2000万
    ['S3 营业收入 1500万', { revenue: 1_500 * WAN, mainBusinessRevenue: 1_350 * WAN }, 'revenue', true, true],
    ['S3 营业收入 1500万 − 1 yuan', { revenue: 1_500 * WAN - 1, mainBusinessRevenue: 1_350 * WAN }, 'revenue', false, false],
    ['S3 below 1500万 with financing 2000万', { revenue: 1_500 * WAN - 1, mainBusinessRevenue: 1_350 * WAN, equityFinancingLast2Years: 2_000 * WAN }, 'revenue-alt-equity-financing', true, true],
    ['S3 below 1500万 with financing 2000万 − 1 yuan', { revenue: 1_500 * WAN - 1, mainBusinessRevenue: 1_350 * WAN, equityFinancingLast2Years: 2_000 * WAN - 1 }, 'revenue-alt-equity-financing', false, false],
    // S4 主营 ÷ 营业收入 ≥ 80%
    ['S4 80%', { mainBusinessRevenue: 1_600 * WAN }, 'main-business-share', true, true],
    ['S4 80% − 1 yuan', { mainBusinessRevenue: 1_600 * WAN - 1 }, 'main-business-share', false, false],
    // S5 资产负债率 ≤ 80%
    ['S5 80%', { totalLiabilities: 8_000 * WAN }, 'debt-ratio', true, true],
    ['S5 80% + 1 yuan', { totalLiabilities: 8_000 * WAN + 1 }, 'debt-ratio', false, false],
    // S6 each year: ≥ 100万 and ≥ 3%
    ['S6 prior year 100万 − 1 yuan', { rdExpense: 100 * WAN - 1 }, 'rd-expense', false, false],
    ['S6 prior year just above 3% (1,000,000 of 33,333,333)', { revenue: 33_333_333, mainBusinessRevenue: 30_000_000 }, 'rd-ratio', true, true],
    ['S6 prior year below 3% (1,000,000 of 33,333,334)', { revenue: 33_333_334, mainBusinessRevenue: 30_000_000 }, 'rd-ratio', false, false],
    ['S6 prior year exactly 3% (120万 of 4000万)', { revenue: 4_000 * WAN, mainBusinessRevenue: 3_600 * WAN, rdExpense: 120 * WAN }, 'rd-ratio', true, true],
    ['S6 year before 100万 − 1 yuan', { rdExpensePreviousYear: 100 * WAN - 1 }, 'rd-expense-previous-year', false, false],
    ['S6 year before exactly 3% (120万 of 4000万)', { revenuePreviousYear: 4_000 * WAN, rdExpensePreviousYear: 120 * WAN }, 'rd-ratio-previous-year', true, true],
    ['S6 year before 3% − 1 yuan', { revenuePreviousYear: 4_000 * WAN, rdExpensePreviousYear: 120 * WAN - 1 }, 'rd-ratio-previous-year', false, false],
    ['S6 year before below 3% (100万 of 3333.3334万)', { revenuePreviousYear: 33_333_334 }, 'rd-ratio-previous-year', false, false],
    // S7 Ⅰ类 IP ≥ 1, or a waiver
    ['S7 one class I item', { ip: { class1: 1 } }, 'ip-class1', true, true],
    ['S7 no class I item', { ip: { class1: 0 } }, 'ip-class1', false, false],
    ['S7 waived: provincial award ranked 3rd, 3 years ago', { ip: { class1: 0 }, scienceAward: { level: 'provincial', rank: 3, year: 2023 } }, 'ip-class1-alt-award', true, true],
    ['S7 not waived: provincial award ranked 4th', { ip: { class1: 0 }, scienceAward: { level: 'provincial', rank: 4, year: 2025 } }, 'ip-class1-alt-award', false, false],
    ['S7 not waived: an award 4 years ago', { ip: { class1: 0 }, scienceAward: { level: 'national', rank: 1, year: 2022 } }, 'ip-class1-alt-award', false, false],
    ['S7 waived: national award ranked 3rd', { ip: { class1: 0 }, scienceAward: { level: 'national', rank: 3, year: 2026 } }, 'ip-class1-alt-award', true, true],
    ['S7 waived: provincial R&D institution', { ip: { class1: 0 }, rdInstitutionLevel: 'provincial' }, 'ip-class1-alt-rd-institution', true, true],
    ['S7 waived: national R&D institution', { ip: { class1: 0 }, rdInstitutionLevel: 'national' }, 'ip-class1-alt-rd-institution', true, true],
    ['S7 not waived: municipal R&D institution', { ip: { class1: 0 }, rdInstitutionLevel: 'municipal' }, 'ip-class1-alt-rd-institution', false, false],
    // S8 market position, declared
    ['S8 not declared', { qualitativeClaims: [] }, 'market-position', false, false],
    ['S8 claims absent', { qualitativeClaims: null }, 'market-position', false, false],
    // S9 development score ≥ 50
    ['S9 score 50', { developmentScore: 50 }, 'development-score', true, true],
    ['S9 score 49.5', { developmentScore: 49.5 }, 'development-score', false, false],
  ];
  it.each(cases)('%s', (_name, patch, key, met, qualified) => {
    const e = evaluate({ ...BASE, ...patch });
    expect(condition(e, key).met).toBe(met);
    expect(e.qualified).toBe(qualified);
  });

  describe('S1: a valid 科技和创新型 title [U]', () => {
    it.each([
      [['innovative-sme'], true],
      [['tech-sme'], true],
      [['high-tech-enterprise'], false],
      [[], false],
    ] as const)('honours %j → %s', (honours, met) => {
      const e = evaluate({ ...BASE, honours: [...honours] });
      expect(condition(e, 'prerequisite-title')).toMatchObject({ group: 'prerequisite', met });
    });

    it('follows the configured titles', () => {
      expect(evaluate({ ...BASE, honours: ['tech-sme'] }, { config: { specialised2026PrerequisiteTitles: ['innovative-sme'] } }).qualified).toBe(false);
    });

    it('in a re-review the 专精特新 title under review counts', () => {
      expect(evaluate({ ...BASE, honours: ['specialised-sme'] }, { purpose: 'review' }).qualified).toBe(true);
      expect(evaluate({ ...BASE, honours: ['specialised-sme'] }).qualified).toBe(false);
    });
  });

  describe('S9 in a re-review: ≥ 50 in either of the last 2 years', () => {
    it.each([
      [40, 50, true],
      [50, 40, true],
      [49, 49, false],
      [null, 50, true],
      [49, null, null],
      [null, null, null],
    ] as const)('this year %s, last year %s → %s', (now, prev, met) => {
      const e = evaluate({ ...BASE, developmentScore: now, developmentScorePreviousYear: prev }, { purpose: 'review' });
      expect(condition(e, 'development-score').met).toBe(met);
    });

    it('a new recognition looks at this year only', () => {
      const e = evaluate({ ...BASE, developmentScore: 40, developmentScorePreviousYear: 80 });
      expect(e.qualified).toBe(false);
      expect(e.gaps).toEqual([{ kind: 'condition', key: 'development-score', from: 40, to: 50, points: null }]);
    });
  });

  describe('gaps: every unmet condition with the value it needs', () => {
    it('lists each unmet condition, the primary of an either/or only', () => {
      const e = evaluate({ ...BASE, revenue: 1_200 * WAN, mainBusinessRevenue: 900 * WAN, ip: { class1: 0 }, qualitativeClaims: [], developmentScore: 45 });
      expect(e.gaps).toEqual([
        { kind: 'condition', key: 'revenue', from: 1_200 * WAN, to: 1_500 * WAN, points: null },
        { kind: 'condition', key: 'main-business-share', from: 0.75, to: 0.8, points: null },
        { kind: 'condition', key: 'ip-class1', from: 0, to: 1, points: null },
        { kind: 'condition', key: 'market-position', from: 0, to: 1, points: null },
        { kind: 'condition', key: 'development-score', from: 45, to: 50, points: null },
      ]);
    });
  });

  describe('missing inputs', () => {
    it('a missing development score leaves it incomplete', () => {
      const e = evaluate({ ...BASE, developmentScore: undefined });
      expect(condition(e, 'development-score').met).toBeNull();
      expect(e).toMatchObject({ outcome: 'incomplete', qualified: false, missing: ['developmentScore'] });
    });

    it('a missing input does not hide a failed condition', () => {
      const e = evaluate({ ...BASE, developmentScore: undefined, yearsInNiche: 2 });
      expect(e.outcome).toBe('not-qualified');
    });

    it('a missing revenue of the year before is missing, not 0%', () => {
      const e = evaluate({ ...BASE, revenuePreviousYear: null });
      expect(condition(e, 'rd-ratio-previous-year')).toMatchObject({ met: null, missing: ['revenuePreviousYear'] });
      expect(e.outcome).toBe('incomplete');
    });

    it('IP missing with no waiver is open; a waiver decides it', () => {
      expect(evaluate({ ...BASE, ip: null }).outcome).toBe('incomplete');
      expect(evaluate({ ...BASE, ip: null, rdInstitutionLevel: 'national' }).outcome).toBe('qualified');
    });
  });
});
