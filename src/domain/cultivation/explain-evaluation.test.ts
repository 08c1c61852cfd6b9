/**
 * explainEvaluation: the words of a few innovative-SME cases in Chinese and English, and — for
 * every rule version in ALL_SCHEME_RULES — that every key of the definition has words and that
 * every part of real evaluations gets a label, a reason or a text (no key shown as itself).
 */
import { describe, expect, it } from 'vitest';
import type { CultivationProfile } from './cultivation-profile.js';
import { DEFAULT_CULTIVATION_CONFIG } from './cultivation-config.js';
import type { Evaluation } from './cultivation-evaluation.js';
import { ALL_SCHEME_RULES, evaluateCultivation } from './evaluate-cultivation.js';
import { explainEvaluation, UnknownRulesVersionError } from './explain-evaluation.js';
import { PROFILE_FIELD_LABELS } from './profile-field-labels.js';

const BASE = 100_000_000;

/** 63号 Annex 1: 100 points, in scope, no direct route. */
function strong(over: Partial<CultivationProfile> = {}): CultivationProfile {
  return {
    sector: 'industry',
    employees: 100,
    revenue: BASE,
    mainBusinessRevenue: 80_000_000,
    mainBusinessRevenuePreviousYear: 60_000_000,
    totalAssets: BASE,
    totalLiabilities: 40_000_000,
    rdExpense: 6_000_000,
    ip: { class1HighValue: 1, class1SelfDeveloped: 1, class1: 2, class2: 3 },
    strategicEmergingIndustry: true,
    honours: [],
    scienceAward: { level: 'none' },
    rdInstitutionLevel: 'none',
    equityFinancingLast3Years: 0,
    scopeIssues: [],
    ...over,
  };
}

/** The issue's example: total 65, 创新能力 15 < 20, R&D ratio 2.6%. */
const example = (over: Partial<CultivationProfile> = {}) =>
  strong({
    ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 2 },
    rdExpense: 2_600_000,
    mainBusinessRevenue: 65_000_000,
    mainBusinessRevenuePreviousYear: 65_000_000 / 1.12,
    totalLiabilities: 50_000_000,
    ...over,
  });

const innovative = (p: CultivationProfile, on = '2025-06-01') => evaluateCultivation('innovative-sme', p, { on });

describe('explainEvaluation — innovative SME', () => {
  it('says a score pass with the score and the route', () => {
    const x = explainEvaluation(innovative(strong()));
    expect(x.summary).toEqual({
      zh: '符合创新型中小企业评价标准（评分 100 分，路径：评分）',
      en: 'Meets the innovative SME evaluation standard (score 100, route: score)',
    });
    expect(x.outcomeLabel).toEqual({ zh: '符合', en: 'qualified' });
    expect(x.routeLabel).toEqual({ zh: '评分', en: 'score' });
    expect(x.source.zh).toContain('工信部企业〔2022〕63号');
  });

  it('says a direct qualification', () => {
    const x = explainEvaluation(innovative(example({ honours: ['high-tech-enterprise'] })));
    expect(x.summary).toEqual({
      zh: '符合创新型中小企业评价标准（路径：直接认定）',
      en: 'Meets the innovative SME evaluation standard (route: direct qualification)',
    });
    const honour = x.conditions.find((c) => c.key === 'direct-honour')!;
    expect(honour.reason).toEqual({ zh: '满足', en: 'met' });
    expect(honour.label.zh).toContain('高新技术企业');
  });

  it('words the issue example: the failed minimum, the gap, the band edge note', () => {
    const x = explainEvaluation(innovative(example()));
    expect(x.summary).toEqual({
      zh: '未通过创新型中小企业评价标准：创新能力 15 分，低于最低要求 20 分',
      en: 'Does not meet the innovative SME evaluation standard: innovation capability 15, below the minimum 20',
    });
    expect(x.gaps.map((g) => g.text)).toEqual([{
      zh: '上年度研发费用总额占营业收入总额比重 2.6% → 3%：+5分（创新能力）',
      en: 'prior-year R&D expense as a share of revenue 2.6% → 3%: +5 points (innovation capability)',
    }]);
    const rd = x.indicators.find((i) => i.key === 'rd-ratio')!;
    expect(rd).toMatchObject({
      label: { zh: '上年度研发费用总额占营业收入总额比重', en: 'prior-year R&D expense as a share of revenue' },
      categoryLabel: { zh: '创新能力', en: 'innovation capability' },
      bandLabel: { zh: '2%–3%', en: '2%–3%' },
      formattedValue: { zh: '2.6%', en: '2.6%' },
      reason: { zh: '2.6%，2%–3%，得10分（满分20分）', en: '2.6%, 2%–3%: 10 of 20 points' },
      uncomputable: false,
    });
    const ip = x.indicators.find((i) => i.key === 'intellectual-property')!;
    expect(ip.formattedValue).toEqual({ zh: 'Ⅱ类知识产权1项以上', en: 'at least 1 class Ⅱ IP item' });
    expect(x.categories[0]!.text).toEqual({ zh: '创新能力 15/40分（不低于20分）', en: 'innovation capability 15/40 (at least 20)' });
    expect(x.unconfirmedNotes.map((n) => n.key)).toEqual(['boundaryTakesHigherBand']);
    expect(x.unconfirmedNotes[0]!.note.zh).toContain('边界值');
  });

  it('words a gap on a level (IP) by its bands', () => {
    const x = explainEvaluation(innovative(example({ rdExpense: undefined })));
    expect(x.gaps.map((g) => g.text.zh)).toEqual(['与主导产品相关的有效知识产权 Ⅱ类知识产权1项以上 → Ⅰ类高价值知识产权1项以上：+15分（创新能力）']);
  });

  it('shows a level that is not a band index as its number', () => {
    // a scheme whose 'level' metric is some other number (e.g. a digitalisation level 1–4)
    const e = innovative(example());
    const synthetic: Evaluation = {
      ...e,
      indicators: e.indicators.map((i) => (i.key === 'intellectual-property' ? { ...i, value: 1, band: 3 } : i)),
      gaps: [{ kind: 'indicator', key: 'intellectual-property', from: 1, to: 2, points: 5 }],
    };
    const x = explainEvaluation(synthetic);
    expect(x.gaps[0]!.text.zh).toBe('与主导产品相关的有效知识产权 1 → 2：+5分（创新能力）');
    expect(x.indicators[0]!.formattedValue).toEqual({ zh: 'Ⅱ类知识产权1项以上', en: 'at least 1 class Ⅱ IP item' });
  });

  it('words a gap under the other edge reading as "above" / "below"', () => {
    const lower = { ...DEFAULT_CULTIVATION_CONFIG, boundaryTakesHigherBand: false };
    const e = evaluateCultivation('innovative-sme', example(), { on: '2025-06-01', config: lower });
    expect(explainEvaluation(e, lower).gaps[0]!.text).toEqual({
      zh: '上年度研发费用总额占营业收入总额比重 2.6% → 超过3%：+5分（创新能力）',
      en: 'prior-year R&D expense as a share of revenue 2.6% → above 3%: +5 points (innovation capability)',
    });
    // 成长性 short by 5 with growth already at its best: only the debt ratio can give it
    const debt = evaluateCultivation('innovative-sme', strong({ totalLiabilities: 80_000_000, mainBusinessRevenuePreviousYear: 80_000_000 / 1.02, rdExpense: 1_500_000, ip: { class1HighValue: 0, class1SelfDeveloped: 1, class1: 1, class2: 0 } }), { on: '2025-06-01', config: lower });
    expect(debt.gaps.map((g) => g.key)).toContain('debt-ratio');
    const text = explainEvaluation(debt, lower).gaps.find((g) => g.key === 'debt-ratio')!.text;
    expect(text.zh).toContain('80% → 低于55%');
    expect(text.en).toContain('80% → below 55%');
  });

  it('names the missing inputs, never as zero', () => {
    const x = explainEvaluation(innovative(example({ rdExpense: undefined, scienceAward: undefined })));
    expect(x.outcome).toBe('incomplete');
    expect(x.summary).toEqual({
      zh: '尚不能判定是否符合创新型中小企业评价标准：缺少上年度研发费用、科技奖励（级别、排名、年份）',
      en: 'Cannot yet tell whether it meets the innovative SME evaluation standard: missing R&D expense, prior year; S&T award (level, rank, year)',
    });
    expect(x.missingFields).toEqual([
      { field: 'rdExpense', label: PROFILE_FIELD_LABELS.rdExpense },
      { field: 'scienceAward', label: PROFILE_FIELD_LABELS.scienceAward },
    ]);
    const rd = x.indicators.find((i) => i.key === 'rd-ratio')!;
    expect(rd).toMatchObject({ formattedValue: null, bandLabel: null, reason: { zh: '缺少数据：上年度研发费用', en: 'missing: R&D expense, prior year' } });
    const award = x.conditions.find((c) => c.key === 'direct-science-award')!;
    expect(award.reason).toEqual({ zh: '无法判断：缺少科技奖励（级别、排名、年份）（标准 3年）', en: 'cannot tell: missing S&T award (level, rank, year) (required 3 years)' });
  });

  it('says when a ratio cannot be computed', () => {
    const x = explainEvaluation(innovative(strong({ mainBusinessRevenuePreviousYear: 0 })));
    const growth = x.indicators.find((i) => i.key === 'main-revenue-growth')!;
    expect(growth.uncomputable).toBe(true);
    expect(growth.reason.zh).toBe('无法计算（分母为零或负数），需人工核定');
    expect(x.summary.zh).toBe('尚不能判定是否符合创新型中小企业评价标准：上年度主营业务收入增长率无法计算，需人工核定');
  });

  it('gives the failed scope condition and the values of a condition', () => {
    const x = explainEvaluation(innovative(strong({ scopeIssues: ['abnormal-operation'] })));
    expect(x.summary).toEqual({
      zh: '未通过创新型中小企业评价标准：不满足“未被列入经营异常名录”',
      en: 'Does not meet the innovative SME evaluation standard: not met: not on the list of enterprises with abnormal operations',
    });
    const equity = x.conditions.find((c) => c.key === 'direct-equity-financing')!;
    expect(equity.reason).toEqual({ zh: '不满足（实际 0万元，标准 500万元）', en: 'not met (actual 0 × 10,000 yuan, required 500 × 10,000 yuan)' });
    const award = explainEvaluation(innovative(strong({ scienceAward: { level: 'provincial', year: 2021 } }))).conditions.find((c) => c.key === 'direct-science-award')!;
    expect(award.reason).toEqual({ zh: '不满足（实际 4年，标准 3年）', en: 'not met (actual 4 years, required 3 years)' });
  });

  it('keeps every field of the evaluation', () => {
    const e = innovative(example());
    const x = explainEvaluation(e);
    for (const [k, v] of Object.entries(e)) {
      if (Array.isArray(v) && ['categories', 'indicators', 'conditions', 'gaps'].includes(k)) {
        const explained = (x as unknown as Record<string, unknown[]>)[k]!;
        expect(explained).toHaveLength(v.length);
        v.forEach((item: object, i) => expect(explained[i]).toMatchObject(item));
      } else expect((x as unknown as Record<string, unknown>)[k]).toEqual(v);
    }
  });

  it('refuses an unknown rule version', () => {
    const e: Evaluation = { ...innovative(strong()), rulesVersion: '工信部企业〔2099〕1号' };
    expect(() => explainEvaluation(e)).toThrow(UnknownRulesVersionError);
  });
});

/** Profiles that reach many paths: strong, the example, empty, out of scope, a large enterprise, one with lists. */
const PROFILES: CultivationProfile[] = [
  strong(),
  example(),
  {},
  strong({ scopeIssues: ['tax-violation'], rdExpense: undefined }),
  strong({ employees: 5000, revenue: 900_000_000, rdExpense: 30_000_000 }),
  strong({
    yearsInNiche: 4,
    revenuePreviousYear: 90_000_000,
    revenueYearBeforePrevious: 80_000_000,
    mainBusinessRevenueYearBeforePrevious: 50_000_000,
    rdExpensePreviousYear: 5_000_000,
    rdExpenseYearBeforePrevious: 4_000_000,
    rdStaff: 20,
    netProfit: 9_000_000,
    honours: ['innovative-sme', 'specialised-sme'],
    scienceAward: { level: 'provincial', rank: 2, year: 2024 },
    rdInstitutionLevel: 'provincial',
    equityFinancingLast2Years: 0,
    makerChina: 'none',
    digitalisationLevel: 2,
    qualityItems: ['own-brand'],
    productField2022: 'six-foundations',
    provincialPoints: { provincial: 8 },
    nicheMarketShare: 0.05,
    nicheMarketRank: 5,
    developmentScore: 55,
    developmentScorePreviousYear: 48,
    qualitativeClaims: ['own-brand', 'information-system'],
  }),
];

describe.each(ALL_SCHEME_RULES.map((r) => [r.definition.scheme, r.definition.rulesVersion, r] as const))('explainEvaluation — %s %s', (_scheme, _version, rules) => {
  const def = rules.definition;

  it('has words for every key of its definition', () => {
    const filled = (w: { zh: string; en: string }) => w.zh.trim().length > 0 && w.en.trim().length > 0;
    expect(filled(def.source)).toBe(true);
    expect(def.rulesVersion).not.toBe('TODO');
    for (const [key, w] of Object.entries(def.categories)) expect(filled(w), `category ${key}`).toBe(true);
    for (const [key, w] of Object.entries(def.indicators)) {
      expect(filled(w), `indicator ${key}`).toBe(true);
      expect(w.bands.length, `bands of ${key}`).toBeGreaterThan(0);
      for (const b of w.bands) expect(filled(b), `a band of ${key}`).toBe(true);
    }
    expect(Object.keys(def.conditions).length).toBeGreaterThan(0);
    for (const [key, w] of Object.entries(def.conditions)) expect(filled(w), `condition ${key}`).toBe(true);
  });

  it.each(PROFILES.map((p, i) => [i, p] as const))('explains every part of profile %i', (_i, profile) => {
    const on = def.rulesVersion.includes('2026') ? '2026-06-01' : '2025-06-01';
    for (const purpose of ['new', 'review'] as const) {
      const e = rules.evaluate(profile, { on, purpose, config: DEFAULT_CULTIVATION_CONFIG });
      const x = explainEvaluation(e);
      // a key shown as itself: the Chinese words equal the (ASCII) key; an English word may equal it ("growth")
      const noKey = (w: { zh: string; en: string }, key: string) => {
        expect(w.zh, key).not.toBe(key);
        expect(w.en.length, key).toBeGreaterThan(0);
      };
      for (const c of x.categories) noKey(c.label, c.key);
      for (const i of x.indicators) {
        noKey(i.label, i.key);
        noKey(i.categoryLabel, i.category);
        if (i.band !== null) expect(i.bandLabel, i.key).not.toBeNull();
        expect(i.reason.zh.length, i.key).toBeGreaterThan(0);
      }
      for (const c of x.conditions) {
        noKey(c.label, c.key);
        expect(c.reason.zh.length, c.key).toBeGreaterThan(0);
      }
      for (const g of x.gaps) {
        noKey(g.label, g.key);
        expect(g.text.zh).not.toMatch(/undefined|NaN|null/);
        expect(g.text.en).not.toMatch(/undefined|NaN|null/);
      }
      for (const m of x.missingFields) noKey(m.label, m.field);
      for (const n of x.unconfirmedNotes) expect(n.note.zh.length).toBeGreaterThan(0);
      expect(x.unconfirmedNotes).toHaveLength(e.unconfirmed.length);
      expect(x.summary.zh).not.toMatch(/undefined|NaN|null/);
      expect(x.summary.en).not.toMatch(/undefined|NaN|null/);
      expect(x.summary.zh.startsWith(e.outcome === 'qualified' ? '符合' : e.outcome === 'incomplete' ? '尚不能判定' : '未通过')).toBe(true);
    }
  });
});

describe('explainEvaluation with a province’s own 特色化 indicators', () => {
  it('names each configured indicator by the zone’s label', () => {
    const config = {
      ...DEFAULT_CULTIVATION_CONFIG,
      provincialIndicators: [
        { key: 'cluster', label: { zh: '属于本省重点产业集群', en: 'in a key provincial cluster' }, max: 10 },
        { key: 'export', label: { zh: '出口占比', en: 'export share' }, max: 5 },
      ],
    };
    const e = evaluateCultivation('specialised-sme', { provincialPoints: { cluster: 8, export: 3 } }, { on: '2025-06-01', config });
    const explained = explainEvaluation(e, config);
    const byKey = new Map(explained.indicators.map((i) => [i.key, i]));
    expect(byKey.get('cluster')!.label).toEqual({ zh: '属于本省重点产业集群', en: 'in a key provincial cluster' });
    expect(byKey.get('cluster')!.points).toBe(8);
    expect(byKey.get('export')!.label.zh).toBe('出口占比');
  });
});
