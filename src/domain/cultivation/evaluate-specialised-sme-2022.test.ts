/**
 * 专精特新中小企业 under 工信部企业〔2022〕63号 Annex 2 (official-rules.md §1.2). The bands and
 * thresholds are written here again in 万元 and percent, independently of the implementation;
 * every band edge is tested at the bound and one yuan (or one person) on the other side of it.
 */
import { describe, expect, it } from 'vitest';
import { SPECIALISED_SME_2022 } from './evaluate-specialised-sme-2022.js';
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig } from './cultivation-config.js';
import type { CultivationProfile } from './cultivation-profile.js';
import type { Evaluation, EvaluationPurpose } from './cultivation-evaluation.js';

const WAN = 10_000;

/**
 * Qualifies by score with 62 points: 专业化 5+10+3+3, 精细化 3+3+4+3, 特色化 5, 创新能力 8+8+3+4.
 * No value sits on a band edge.
 */
const BASE: CultivationProfile = {
  sector: 'industry', employees: 200,
  revenue: 10_000 * WAN, revenuePreviousYear: 9_000 * WAN, revenueYearBeforePrevious: 8_000 * WAN,
  mainBusinessRevenue: 9_000 * WAN, mainBusinessRevenuePreviousYear: 8_000 * WAN, mainBusinessRevenueYearBeforePrevious: 7_000 * WAN,
  totalAssets: 10_000 * WAN, totalLiabilities: 5_500 * WAN,
  rdExpense: 420 * WAN, rdExpensePreviousYear: 380 * WAN, rdStaff: 22, netProfit: 500 * WAN,
  yearsInNiche: 6, ip: { class1HighValue: 0, class1SelfDeveloped: 1, class1: 2, class2: 3 },
  honours: ['innovative-sme'], scienceAward: { level: 'none' }, rdInstitutionLevel: 'municipal',
  equityFinancingLast2Years: 0, makerChina: 'none', digitalisationLevel: 2, qualityItems: ['own-brand'],
  productField2022: 'six-foundations', provincialPoints: { provincial: 5 },
};
/** BASE with no R&D institution: 58 points, so only a direct alternative can qualify it. */
const LOW: CultivationProfile = { ...BASE, rdInstitutionLevel: 'none' };

function evaluate(profile: CultivationProfile, opts: { on?: string; purpose?: EvaluationPurpose; config?: Partial<CultivationConfig> } = {}): Evaluation {
  return SPECIALISED_SME_2022.evaluate(profile, {
    on: opts.on ?? '2025-06-01',
    purpose: opts.purpose ?? 'new',
    config: { ...DEFAULT_CULTIVATION_CONFIG, ...opts.config },
  });
}
const indicator = (e: Evaluation, key: string) => e.indicators.find((i) => i.key === key)!;
const condition = (e: Evaluation, key: string) => e.conditions.find((c) => c.key === key)!;

describe('SPECIALISED_SME_2022 (63号 附件2)', () => {
  it('qualifies the base profile by score, with every indicator, category and the rules version', () => {
    const e = evaluate(BASE);
    expect(e).toMatchObject({ scheme: 'specialised-sme', rulesVersion: '工信部企业〔2022〕63号 附件2', outcome: 'qualified', qualified: true, route: 'score', total: 62, gaps: [], missing: [] });
    expect(e.categories.map((c) => [c.key, c.points, c.max, c.minimum])).toEqual([
      ['specialisation', 21, 25, null], ['refinement', 13, 25, null], ['characteristic', 5, 15, null], ['innovation', 23, 35, null],
    ]);
    expect(e.indicators.map((i) => [i.key, i.points, i.max])).toEqual([
      ['main-business-share', 5, 5], ['main-business-growth-2y', 10, 10], ['niche-years', 3, 5], ['product-field', 3, 5],
      ['digitalisation', 3, 5], ['quality-management', 3, 5], ['net-profit-margin', 4, 10], ['debt-ratio', 3, 5],
      ['provincial', 5, 15],
      ['ip', 8, 10], ['rd-input', 8, 10], ['rd-staff-share', 3, 5], ['rd-institution', 4, 10],
    ]);
    expect(e.unconfirmed).toEqual(['provincialIndicators']);
    expect(definitionCovers(e)).toBe(true);
  });

  describe('score bands (every edge)', () => {
    // [case, patch, indicator, points]
    const cases: [string, Partial<CultivationProfile>, string, number | null][] = [
      // 1. 主营业务收入 ÷ 营业收入 (营业收入 1亿): ≥80% 5; 70–80% 3; 60–70% 1; <60% 0
      ['share 100%', { mainBusinessRevenue: 10_000 * WAN }, 'main-business-share', 5],
      ['share 80%', { mainBusinessRevenue: 8_000 * WAN }, 'main-business-share', 5],
      ['share 80% − 1 yuan', { mainBusinessRevenue: 8_000 * WAN - 1 }, 'main-business-share', 3],
      ['share 70%', { mainBusinessRevenue: 7_000 * WAN }, 'main-business-share', 3],
      ['share 70% − 1 yuan', { mainBusinessRevenue: 7_000 * WAN - 1 }, 'main-business-share', 1],
      ['share 60%', { mainBusinessRevenue: 6_000 * WAN }, 'main-business-share', 1],
      ['share 60% − 1 yuan', { mainBusinessRevenue: 6_000 * WAN - 1 }, 'main-business-share', 0],
      // 2. average growth over 2 years (year before: 0%): ≥10% 10; 8–10% 8; 6–8% 6; 4–6% 4; 0–4% 2; <0% 0
      ...growthCases(),
      // 3. years in the niche: min(floor(years / 2), 5)
      ...([[0, 0], [1.9, 0], [2, 1], [3.99, 1], [4, 2], [6, 3], [7.5, 3], [8, 4], [9.99, 4], [10, 5], [30, 5]] as const).map(
        ([y, p]): [string, Partial<CultivationProfile>, string, number] => [`${y} years in the niche`, { yearsInNiche: y }, 'niche-years', p],
      ),
      // 4. field of the main product
      ['补短板/锻长板/填空白', { productField2022: 'chain-key-link' }, 'product-field', 5],
      ['工业六基', { productField2022: 'six-foundations' }, 'product-field', 3],
      ['中华老字号 field', { productField2022: 'time-honoured' }, 'product-field', 3],
      ['none', { productField2022: 'none' }, 'product-field', 0],
      ['none, with the 中华老字号 honour', { productField2022: 'none', honours: ['innovative-sme', 'time-honoured-brand'] }, 'product-field', 3],
      // 5. digitalisation level
      ['digitalisation level 1', { digitalisationLevel: 1 }, 'digitalisation', 0],
      ['digitalisation level 2', { digitalisationLevel: 2 }, 'digitalisation', 3],
      ['digitalisation level 3', { digitalisationLevel: 3 }, 'digitalisation', 5],
      ['digitalisation level 4', { digitalisationLevel: 4 }, 'digitalisation', 5],
      // 6. quality management: 3 per item, at most 5
      ['no quality item', { qualityItems: [] }, 'quality-management', 0],
      ['quality items not declared', { qualityItems: null }, 'quality-management', 0],
      ['one quality item', { qualityItems: ['standard-drafting'] }, 'quality-management', 3],
      ['one item declared twice', { qualityItems: ['own-brand', 'own-brand'] }, 'quality-management', 3],
      ['two quality items', { qualityItems: ['own-brand', 'quality-system-certified'] }, 'quality-management', 5],
      ['four quality items', { qualityItems: ['own-brand', 'quality-system-certified', 'provincial-quality-award', 'standard-drafting'] }, 'quality-management', 5],
      // 7. net profit margin (营业收入 1亿): ≥10% 10; 8–10% 8; 6–8% 6; 4–6% 4; 2–4% 2; <2% 0
      ['margin 10%', { netProfit: 1_000 * WAN }, 'net-profit-margin', 10],
      ['margin 10% − 1 yuan', { netProfit: 1_000 * WAN - 1 }, 'net-profit-margin', 8],
      ['margin 8%', { netProfit: 800 * WAN }, 'net-profit-margin', 8],
      ['margin 8% − 1 yuan', { netProfit: 800 * WAN - 1 }, 'net-profit-margin', 6],
      ['margin 6%', { netProfit: 600 * WAN }, 'net-profit-margin', 6],
      ['margin 6% − 1 yuan', { netProfit: 600 * WAN - 1 }, 'net-profit-margin', 4],
      ['margin 4%', { netProfit: 400 * WAN }, 'net-profit-margin', 4],
      ['margin 4% − 1 yuan', { netProfit: 400 * WAN - 1 }, 'net-profit-margin', 2],
      ['margin 2%', { netProfit: 200 * WAN }, 'net-profit-margin', 2],
      ['margin 2% − 1 yuan', { netProfit: 200 * WAN - 1 }, 'net-profit-margin', 0],
      ['a loss', { netProfit: -500 * WAN }, 'net-profit-margin', 0],
      // 8. debt ratio (资产 1亿): ≤50% 5; 50–60% 3; 60–70% 1; >70% 0
      ['no debt', { totalLiabilities: 0 }, 'debt-ratio', 5],
      ['debt 50%', { totalLiabilities: 5_000 * WAN }, 'debt-ratio', 5],
      ['debt 50% + 1 yuan', { totalLiabilities: 5_000 * WAN + 1 }, 'debt-ratio', 3],
      ['debt 60%', { totalLiabilities: 6_000 * WAN }, 'debt-ratio', 3],
      ['debt 60% + 1 yuan', { totalLiabilities: 6_000 * WAN + 1 }, 'debt-ratio', 1],
      ['debt 70%', { totalLiabilities: 7_000 * WAN }, 'debt-ratio', 1],
      ['debt 70% + 1 yuan', { totalLiabilities: 7_000 * WAN + 1 }, 'debt-ratio', 0],
      // 特色化: the configured provincial indicator, clamped to 0…15
      ['provincial 0', { provincialPoints: { provincial: 0 } }, 'provincial', 0],
      ['provincial 15', { provincialPoints: { provincial: 15 } }, 'provincial', 15],
      ['provincial above its max', { provincialPoints: { provincial: 20 } }, 'provincial', 15],
      // 9. IP: Ⅰ类高价值 10; 自主研发Ⅰ类 8; Ⅰ类 6; Ⅱ类 2; none 0
      ['high-value IP', { ip: { class1HighValue: 1, class1SelfDeveloped: 0, class1: 1, class2: 0 } }, 'ip', 10],
      ['high-value IP, the rest not given', { ip: { class1HighValue: 2 } }, 'ip', 10],
      ['self-developed class I', { ip: { class1HighValue: 0, class1SelfDeveloped: 1, class1: 1, class2: 0 } }, 'ip', 8],
      ['class I', { ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 1, class2: 0 } }, 'ip', 6],
      ['class II', { ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 1 } }, 'ip', 2],
      ['no IP', { ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 } }, 'ip', 0],
      // 10. R&D input,营业收入 1亿 (ratio ≤ 5%: the amount decides): ≥500万 10; 400万 8; 300万 6; 200万 4; 100万 2
      ['R&D 500万', { rdExpense: 500 * WAN }, 'rd-input', 10],
      ['R&D 500万 − 1 yuan', { rdExpense: 500 * WAN - 1 }, 'rd-input', 8],
      ['R&D 400万', { rdExpense: 400 * WAN }, 'rd-input', 8],
      ['R&D 400万 − 1 yuan', { rdExpense: 400 * WAN - 1 }, 'rd-input', 6],
      ['R&D 300万', { rdExpense: 300 * WAN }, 'rd-input', 6],
      ['R&D 300万 − 1 yuan', { rdExpense: 300 * WAN - 1 }, 'rd-input', 4],
      ['R&D 200万', { rdExpense: 200 * WAN }, 'rd-input', 4],
      ['R&D 200万 − 1 yuan', { rdExpense: 200 * WAN - 1 }, 'rd-input', 2],
      ['R&D 100万', { rdExpense: 100 * WAN }, 'rd-input', 2],
      ['R&D 100万 − 1 yuan', { rdExpense: 100 * WAN - 1 }, 'rd-input', 0],
      // …营业收入 1000万 (the ratio decides): ≥10% 10; 8% 8; 6% 6; 4% 4; 3% 2
      ['R&D 10% of 1000万', { revenue: 1_000 * WAN, rdExpense: 100 * WAN }, 'rd-input', 10],
      ['R&D 10% − 1 yuan', { revenue: 1_000 * WAN, rdExpense: 100 * WAN - 1 }, 'rd-input', 8],
      ['R&D 8%', { revenue: 1_000 * WAN, rdExpense: 80 * WAN }, 'rd-input', 8],
      ['R&D 8% − 1 yuan', { revenue: 1_000 * WAN, rdExpense: 80 * WAN - 1 }, 'rd-input', 6],
      ['R&D 6%', { revenue: 1_000 * WAN, rdExpense: 60 * WAN }, 'rd-input', 6],
      ['R&D 6% − 1 yuan', { revenue: 1_000 * WAN, rdExpense: 60 * WAN - 1 }, 'rd-input', 4],
      ['R&D 4%', { revenue: 1_000 * WAN, rdExpense: 40 * WAN }, 'rd-input', 4],
      ['R&D 4% − 1 yuan', { revenue: 1_000 * WAN, rdExpense: 40 * WAN - 1 }, 'rd-input', 2],
      ['R&D 3%', { revenue: 1_000 * WAN, rdExpense: 30 * WAN }, 'rd-input', 2],
      ['R&D 3% − 1 yuan', { revenue: 1_000 * WAN, rdExpense: 30 * WAN - 1 }, 'rd-input', 0],
      ['amount band better than the ratio band', { revenue: 20_000 * WAN, rdExpense: 400 * WAN }, 'rd-input', 8],
      // 11. R&D staff ÷ employees (200): ≥20% 5; 10–20% 3; 5–10% 1; <5% 0
      ['R&D staff 20%', { rdStaff: 40 }, 'rd-staff-share', 5],
      ['R&D staff 20% − 1 person', { rdStaff: 39 }, 'rd-staff-share', 3],
      ['R&D staff 10%', { rdStaff: 20 }, 'rd-staff-share', 3],
      ['R&D staff 10% − 1 person', { rdStaff: 19 }, 'rd-staff-share', 1],
      ['R&D staff 5%', { rdStaff: 10 }, 'rd-staff-share', 1],
      ['R&D staff 5% − 1 person', { rdStaff: 9 }, 'rd-staff-share', 0],
      // 12. R&D institution
      ['national institution', { rdInstitutionLevel: 'national' }, 'rd-institution', 10],
      ['provincial institution', { rdInstitutionLevel: 'provincial' }, 'rd-institution', 8],
      ['municipal institution', { rdInstitutionLevel: 'municipal' }, 'rd-institution', 4],
      ['below municipal', { rdInstitutionLevel: 'below-municipal' }, 'rd-institution', 2],
      ['no institution', { rdInstitutionLevel: 'none' }, 'rd-institution', 0],
    ];
    it.each(cases)('%s', (_name, patch, key, points) => {
      expect(indicator(evaluate({ ...BASE, ...patch }), key).points).toBe(points);
    });

    it('an average growth exactly on a bound takes that band although the float average falls just below it', () => {
      // (18,054,000 / 15,300,000 − 1 = 18%) and (15,300,000 / 15,000,000 − 1 = 2%): exactly 10% on average
      const [m, m1, m2] = [18_054_000, 15_300_000, 15_000_000];
      expect(((m - m1) / m1 + (m1 - m2) / m2) / 2).toBeLessThan(0.1); // the naive float reading would give 8 points
      const e = evaluate({ ...BASE, mainBusinessRevenue: m, mainBusinessRevenuePreviousYear: m1, mainBusinessRevenueYearBeforePrevious: m2, revenue: 20_000_000 });
      expect(indicator(e, 'main-business-growth-2y').points).toBe(10);
      expect(e.unconfirmed).toContain('boundaryTakesHigherBand');
    });

    it('a value on a band edge takes the lower band when the zone reads edges that way', () => {
      const strict = { boundaryTakesHigherBand: false };
      expect(indicator(evaluate({ ...BASE, mainBusinessRevenue: 8_000 * WAN }, { config: strict }), 'main-business-share').points).toBe(3);
      expect(indicator(evaluate({ ...BASE, totalLiabilities: 5_000 * WAN }, { config: strict }), 'debt-ratio').points).toBe(3);
      expect(indicator(evaluate({ ...BASE, rdExpense: 500 * WAN }, { config: strict }), 'rd-input').points).toBe(8);
      // counted indicators are exact whatever the reading
      expect(indicator(evaluate({ ...BASE, yearsInNiche: 4 }, { config: strict }), 'niche-years').points).toBe(2);
      expect(indicator(evaluate({ ...BASE, qualityItems: ['own-brand', 'standard-drafting'] }, { config: strict }), 'quality-management').points).toBe(5);
    });

    it('names the edge reading as unconfirmed only when a value sits on an edge', () => {
      expect(evaluate(BASE).unconfirmed).toEqual(['provincialIndicators']);
      expect(evaluate({ ...BASE, rdStaff: 20 }).unconfirmed).toEqual(['boundaryTakesHigherBand', 'provincialIndicators']);
    });

    it('scores the configured provincial indicators, 15 points in all', () => {
      const config = { provincialIndicators: [{ key: 'export', label: { zh: '出口', en: 'exports' }, max: 10 }, { key: 'brand', label: { zh: '品牌', en: 'brand' }, max: 5 }] };
      const e = evaluate({ ...BASE, provincialPoints: { export: 7, brand: 9 } }, { config });
      expect(e.indicators.filter((i) => i.category === 'characteristic').map((i) => [i.key, i.points, i.max])).toEqual([['export', 7, 10], ['brand', 5, 5]]);
      expect(e.categories.find((c) => c.key === 'characteristic')).toMatchObject({ points: 12, max: 15 });
      expect(e.total).toBe(62 - 5 + 12);
    });
  });

  describe('basic conditions B1–B3', () => {
    const cases: [string, Partial<CultivationProfile>, string, boolean][] = [
      ['B1 2 years in the niche', { yearsInNiche: 2 }, 'niche-years', true],
      ['B1 under 2 years', { yearsInNiche: 1.99 }, 'niche-years', false],
      ['B2 R&D 100万', { rdExpense: 100 * WAN, revenue: 3_000 * WAN }, 'rd-expense', true],
      ['B2 R&D 100万 − 1 yuan', { rdExpense: 100 * WAN - 1 }, 'rd-expense', false],
      ['B2 R&D exactly 3% (30,000 of 1,000,000)', { rdExpense: 30_000, revenue: 1_000_000 }, 'rd-ratio', true],
      ['B2 R&D 3% of 1亿', { rdExpense: 300 * WAN }, 'rd-ratio', true],
      ['B2 R&D 3% − 1 yuan', { rdExpense: 300 * WAN - 1 }, 'rd-ratio', false],
      ['B3 营业收入 1000万', { revenue: 1_000 * WAN }, 'revenue', true],
      ['B3 营业收入 1000万 − 1 yuan', { revenue: 1_000 * WAN - 1 }, 'revenue', false],
      ['B3 financing 2000万', { equityFinancingLast2Years: 2_000 * WAN }, 'revenue-alt-equity-financing', true],
      ['B3 financing 2000万 − 1 yuan', { equityFinancingLast2Years: 2_000 * WAN - 1 }, 'revenue-alt-equity-financing', false],
    ];
    it.each(cases)('%s', (_name, patch, key, met) => {
      expect(condition(evaluate({ ...BASE, ...patch }), key).met).toBe(met);
    });

    it('B2 needs both the amount and the ratio', () => {
      const small = evaluate({ ...BASE, revenue: 1_000 * WAN, mainBusinessRevenue: 900 * WAN, rdExpense: 99 * WAN });
      expect(condition(small, 'rd-ratio').met).toBe(true);
      expect(small.qualified).toBe(false);
      expect(small.gaps).toContainEqual({ kind: 'condition', key: 'rd-expense', from: 99 * WAN, to: 100 * WAN, points: null });
    });

    it('B3 is met by financing when 营业收入 is below 1000万, and then 营业收入 is no gap', () => {
      const p = { ...BASE, revenue: 1_000 * WAN - 1, mainBusinessRevenue: 900 * WAN, rdExpense: 100 * WAN, netProfit: 100 * WAN };
      const without = evaluate(p);
      expect(without.qualified).toBe(false);
      expect(without.gaps.filter((g) => g.kind === 'condition')).toEqual([{ kind: 'condition', key: 'revenue', from: 1_000 * WAN - 1, to: 1_000 * WAN, points: null }]);
      const withFinancing = evaluate({ ...p, equityFinancingLast2Years: 2_000 * WAN });
      expect(condition(withFinancing, 'revenue').met).toBe(false);
      expect(withFinancing.gaps.some((g) => g.key === 'revenue')).toBe(false);
    });

    it('a failed basic condition fails the enterprise whatever the score', () => {
      const e = evaluate({ ...BASE, yearsInNiche: 1, rdInstitutionLevel: 'national' });
      expect(e).toMatchObject({ outcome: 'not-qualified', qualified: false, route: null });
      expect(e.gaps).toContainEqual({ kind: 'condition', key: 'niche-years', from: 1, to: 2, points: null });
    });
  });

  describe('B4: the score or a direct alternative', () => {
    it('58 points and no alternative does not qualify', () => {
      const e = evaluate(LOW);
      expect(e).toMatchObject({ outcome: 'not-qualified', total: 58 });
      expect(condition(e, 'score-total')).toMatchObject({ met: false, value: 58, threshold: 60 });
    });

    it('60 points qualifies', () => {
      expect(evaluate({ ...LOW, rdInstitutionLevel: 'below-municipal' })).toMatchObject({ qualified: true, total: 60, route: 'score' });
    });

    const alternatives: [string, Partial<CultivationProfile>, boolean][] = [
      ['provincial award ranked 3rd, 3 years ago', { scienceAward: { level: 'provincial', rank: 3, year: 2022 } }, true],
      ['provincial award ranked 4th', { scienceAward: { level: 'provincial', rank: 4, year: 2024 } }, false],
      ['provincial award 4 years ago', { scienceAward: { level: 'provincial', rank: 1, year: 2021 } }, false],
      ['national award ranked 5th', { scienceAward: { level: 'national', rank: 5, year: 2025 } }, true],
      ['national award ranked 6th', { scienceAward: { level: 'national', rank: 6, year: 2025 } }, false],
      ['no award', { scienceAward: { level: 'none' } }, false],
      ['R&D over 2 years averaging 1000万', { rdExpense: 1_000 * WAN, rdExpensePreviousYear: 1_000 * WAN }, true],
      ['R&D over 2 years averaging 1000万 less half a yuan', { rdExpense: 1_000 * WAN, rdExpensePreviousYear: 1_000 * WAN - 1 }, false],
      ['financing 6000万 in 2 years', { equityFinancingLast2Years: 6_000 * WAN }, true],
      ['financing 6000万 − 1 yuan', { equityFinancingLast2Years: 6_000 * WAN - 1 }, false],
      ['创客中国 national top 500', { makerChina: 'national-top500' }, true],
      ['创客中国 national top 50', { makerChina: 'national-top50' }, true],
    ];
    it.each(alternatives)('%s', (_name, patch, qualifies) => {
      // 50 points without IP, so a higher R&D expense cannot reach 60 by itself
      const e = evaluate({ ...LOW, ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 }, ...patch });
      expect(condition(e, 'score-total').met).toBe(false);
      expect(e.qualified).toBe(qualifies);
      expect(e.route).toBe(qualifies ? 'direct' : null);
    });

    it('route is direct when an alternative is met, even with 60 points', () => {
      expect(evaluate({ ...BASE, makerChina: 'national-top500' }).route).toBe('direct');
    });

    it('an alternative does not replace B1–B3 or the innovative-SME title', () => {
      expect(evaluate({ ...LOW, makerChina: 'national-top50', yearsInNiche: 1 }).qualified).toBe(false);
      expect(evaluate({ ...LOW, makerChina: 'national-top50', honours: [] }).qualified).toBe(false);
    });
  });

  describe('prerequisite and scope', () => {
    it('needs a valid innovative-SME title (the seed: pass the innovative-SME evaluation first)', () => {
      const e = evaluate({ ...BASE, honours: ['high-tech-enterprise'] });
      expect(e.qualified).toBe(false);
      expect(condition(e, 'innovative-sme-title')).toMatchObject({ group: 'prerequisite', met: false });
      expect(e.gaps).toEqual([{ kind: 'condition', key: 'innovative-sme-title', from: 0, to: 1, points: null }]);
    });

    it('in a re-review the 专精特新 title under review counts, in a new recognition it does not', () => {
      const p = { ...BASE, honours: ['specialised-sme' as const] };
      expect(evaluate(p, { purpose: 'review' }).qualified).toBe(true);
      expect(evaluate(p).qualified).toBe(false);
    });

    it('a large enterprise is out of scope', () => {
      const e = evaluate({ ...BASE, employees: 1_000, revenue: 40_000 * WAN, mainBusinessRevenue: 36_000 * WAN });
      expect(condition(e, 'sme-size').met).toBe(false);
      expect(e.outcome).toBe('not-qualified');
    });

    it('a declared scope issue is out of scope', () => {
      const e = evaluate({ ...BASE, scopeIssues: ['abnormal-operation'] });
      expect(condition(e, 'scope-abnormal-operation').met).toBe(false);
      expect(condition(e, 'scope-tax-violation').met).toBe(true);
      expect(e.gaps).toEqual([{ kind: 'condition', key: 'scope-abnormal-operation', from: 0, to: 1, points: null }]);
    });
  });

  describe('missing inputs are never read as zero', () => {
    it('a missing R&D expense leaves B2 and indicator 10 open: incomplete', () => {
      const e = evaluate({ ...BASE, rdExpense: null });
      expect(condition(e, 'rd-expense').met).toBeNull();
      expect(indicator(e, 'rd-input')).toMatchObject({ points: null, band: null, missing: ['rdExpense'] });
      expect(e).toMatchObject({ outcome: 'incomplete', qualified: false, total: null });
      expect(e.missing).toContain('rdExpense');
    });

    it('a failed basic condition makes it not-qualified whatever is missing', () => {
      const e = evaluate({ ...BASE, rdExpense: undefined, yearsInNiche: 1 });
      expect(e.outcome).toBe('not-qualified');
    });

    it('a score sure to reach 60 qualifies with an indicator missing (total null)', () => {
      const e = evaluate({ ...BASE, rdInstitutionLevel: 'national', digitalisationLevel: null });
      expect(e).toMatchObject({ outcome: 'qualified', total: null, missing: ['digitalisationLevel'] });
      expect(e.categories.find((c) => c.key === 'refinement')!.points).toBeNull();
    });

    it('a score that cannot reach 60 whatever the missing input is not met', () => {
      const e = evaluate({ ...LOW, netProfit: 0, qualityItems: [], digitalisationLevel: null, equityFinancingLast2Years: 0 });
      // 58 − 4 − 3 − 3 = 48 known, at most 5 more
      expect(condition(e, 'score-total').met).toBe(false);
      expect(e.outcome).toBe('not-qualified');
    });

    it('a missing direct-alternative input leaves a failing score open', () => {
      const e = evaluate({ ...LOW, makerChina: null });
      expect(condition(e, 'direct-maker-china').met).toBeNull();
      expect(e.outcome).toBe('incomplete');
    });

    it('the two-year growth needs the main-business revenue of the year before the previous one', () => {
      const e = evaluate({ ...BASE, mainBusinessRevenueYearBeforePrevious: null });
      expect(indicator(e, 'main-business-growth-2y')).toMatchObject({ points: null, missing: ['mainBusinessRevenueYearBeforePrevious'] });
    });

    it('IP classes are read from the best down: a missing better class leaves the indicator open', () => {
      const e = evaluate({ ...BASE, ip: { class1SelfDeveloped: 1, class1: 1 } });
      expect(indicator(e, 'ip')).toMatchObject({ points: null, missing: ['ip.class1HighValue'] });
    });

    it('with 营业收入 missing, indicator 10 is known only when the amount gives the top band', () => {
      expect(indicator(evaluate({ ...BASE, revenue: null, rdExpense: 500 * WAN }), 'rd-input').points).toBe(10);
      expect(indicator(evaluate({ ...BASE, revenue: null, rdExpense: 300 * WAN }), 'rd-input')).toMatchObject({ points: null, missing: ['revenue'] });
    });

    it('a ratio over a zero denominator is uncomputable, not zero: open with nothing missing', () => {
      const e = evaluate({ ...BASE, employees: 0 });
      expect(indicator(e, 'rd-staff-share')).toMatchObject({ value: null, band: null, points: null, missing: [] });
    });

    it('a missing provincial score is missing', () => {
      const e = evaluate({ ...BASE, provincialPoints: {} });
      expect(indicator(e, 'provincial')).toMatchObject({ points: null, missing: ['provincialPoints'] });
    });
  });

  describe('gaps: the smallest set of indicator changes that reaches 60', () => {
    it('58 points: the debt ratio from 55% to 50% (+2)', () => {
      const e = evaluate(LOW);
      expect(e.gaps).toEqual([{ kind: 'indicator', key: 'debt-ratio', from: 0.55, to: 0.5, points: 2 }]);
      // applying the gap qualifies
      expect(evaluate({ ...LOW, totalLiabilities: 5_000 * WAN }).qualified).toBe(true);
    });

    it('indicator 10 asks for the R&D expense of the cheaper band: 10% of 营业收入 before 500万', () => {
      // 专业化 and 精细化 at their maximum (50); the other 创新能力 and 特色化 inputs missing (held at 0);
      // R&D 175万 of 3000万 (5.8%) gives 4 → 54; only indicator 10 can add the 6 points: 10% = 300万
      const p: CultivationProfile = {
        ...BASE, revenue: 3_000 * WAN, mainBusinessRevenue: 2_700 * WAN, mainBusinessRevenuePreviousYear: 2_000 * WAN, mainBusinessRevenueYearBeforePrevious: 1_500 * WAN,
        yearsInNiche: 10, productField2022: 'chain-key-link', digitalisationLevel: 3, qualityItems: ['own-brand', 'standard-drafting'],
        netProfit: 300 * WAN, totalLiabilities: 5_000 * WAN, rdExpense: 175 * WAN,
        provincialPoints: null, ip: null, rdStaff: null, rdInstitutionLevel: null,
      };
      const e = evaluate(p);
      expect(indicator(e, 'rd-input').points).toBe(4);
      expect(e.gaps).toEqual([{ kind: 'indicator', key: 'rd-input', from: 175 * WAN, to: 300 * WAN, points: 6 }]);
    });

    it('no score gap when an alternative already meets B4', () => {
      const e = evaluate({ ...LOW, makerChina: 'national-top500', yearsInNiche: 1 });
      expect(e.gaps).toEqual([{ kind: 'condition', key: 'niche-years', from: 1, to: 2, points: null }]);
    });
  });
});

/** The growth band edges (previous growth 0%: the prior year's growth alone sets the average ×½). */
function growthCases(): [string, Partial<CultivationProfile>, string, number | null][] {
  const base = 10_000 * WAN; // two years ago and the year before: 1亿 each
  const at = (mainNow: number): Partial<CultivationProfile> => ({ mainBusinessRevenue: mainNow, mainBusinessRevenuePreviousYear: base, mainBusinessRevenueYearBeforePrevious: base, revenue: mainNow });
  return [
    ['average growth 10%', at(12_000 * WAN), 'main-business-growth-2y', 10],
    ['average growth 10% − ½ yuan', at(12_000 * WAN - 1), 'main-business-growth-2y', 8],
    ['average growth 8%', at(11_600 * WAN), 'main-business-growth-2y', 8],
    ['average growth 8% − ½ yuan', at(11_600 * WAN - 1), 'main-business-growth-2y', 6],
    ['average growth 6%', at(11_200 * WAN), 'main-business-growth-2y', 6],
    ['average growth 6% − ½ yuan', at(11_200 * WAN - 1), 'main-business-growth-2y', 4],
    ['average growth 4%', at(10_800 * WAN), 'main-business-growth-2y', 4],
    ['average growth 4% − ½ yuan', at(10_800 * WAN - 1), 'main-business-growth-2y', 2],
    ['average growth 0%', at(base), 'main-business-growth-2y', 2],
    ['average growth just below 0%', at(base - 1), 'main-business-growth-2y', 0],
    ['base year without revenue: uncomputable', { mainBusinessRevenueYearBeforePrevious: 0 }, 'main-business-growth-2y', null],
  ];
}

/** Every key of the evaluation has words in the definition (the provincial default included). */
function definitionCovers(e: Evaluation): boolean {
  const d = SPECIALISED_SME_2022.definition;
  return e.indicators.every((i) => i.key in d.indicators && d.indicators[i.key]!.bands.length > 0)
    && e.conditions.every((c) => c.key in d.conditions)
    && e.categories.every((c) => c.key in d.categories);
}
