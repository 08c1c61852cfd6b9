/**
 * Table tests for 创新型中小企业评价 (工信部企业〔2022〕63号 附件1, official-rules.md §1.1).
 * The bands are transcribed again below, independently of the implementation, and every finite
 * bound of every ratio indicator is tested at, one yuan above and one yuan below, under both
 * readings of config.boundaryTakesHigherBand.
 */
import { describe, expect, it } from 'vitest';
import type { CultivationProfile, HonourKey, ProfileField, RdInstitutionLevel } from './cultivation-profile.js';
import { SCOPE_ISSUES } from './cultivation-profile.js';
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig } from './cultivation-config.js';
import type { Evaluation } from './cultivation-evaluation.js';
import { evaluateCultivation } from './evaluate-cultivation.js';
import { INNOVATIVE_SME_2022 } from './score-innovative-sme.js';
import { classifySmeSize, isSmeSizeMissing } from './classify-sme-size.js';
import { SIZE_SECTORS } from '../enterprises/size-sectors.js';

const HIGHER: CultivationConfig = { ...DEFAULT_CULTIVATION_CONFIG, boundaryTakesHigherBand: true };
const LOWER: CultivationConfig = { ...DEFAULT_CULTIVATION_CONFIG, boundaryTakesHigherBand: false };

function evaluate(profile: CultivationProfile, on = '2025-06-01', config: CultivationConfig = HIGHER): Evaluation {
  return INNOVATIVE_SME_2022.evaluate(profile, { on, purpose: 'new', config });
}

/** 100 points, in scope, no direct route; every test changes what it tests. */
function strong(over: Partial<CultivationProfile> = {}): CultivationProfile {
  return {
    sector: 'industry',
    employees: 100,
    revenue: 100_000_000,
    mainBusinessRevenue: 80_000_000,
    mainBusinessRevenuePreviousYear: 60_000_000,
    totalAssets: 100_000_000,
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

const indicator = (e: Evaluation, key: string) => e.indicators.find((i) => i.key === key)!;
const condition = (e: Evaluation, key: string) => e.conditions.find((c) => c.key === key)!;
const category = (e: Evaluation, key: string) => e.categories.find((c) => c.key === key)!;

describe('INNOVATIVE_SME_2022 definition', () => {
  it('names 63号 Annex 1 with 60 of 100 points', () => {
    const d = INNOVATIVE_SME_2022.definition;
    expect(d.rulesVersion).toBe('工信部企业〔2022〕63号 附件1');
    expect(d.scheme).toBe('innovative-sme');
    expect([d.passMark, d.maxTotal]).toEqual([60, 100]);
    expect(d.source.zh).toContain('63号');
  });

  it('scores the strong profile 100 by score, every category at its maximum', () => {
    const e = evaluate(strong());
    expect(e).toMatchObject({ outcome: 'qualified', qualified: true, route: 'score', total: 100, gaps: [], missing: [] });
    expect(e.categories.map((c) => [c.key, c.points, c.max, c.minimum, c.met])).toEqual([
      ['innovation', 40, 40, 20, true],
      ['growth', 30, 30, 15, true],
      ['specialisation', 30, 30, 15, true],
    ]);
    // every definition key appears in the evaluation, and nothing else
    const d = INNOVATIVE_SME_2022.definition;
    expect(e.indicators.map((i) => i.key).sort()).toEqual(Object.keys(d.indicators).sort());
    expect(e.conditions.map((c) => c.key).sort()).toEqual(Object.keys(d.conditions).sort());
    expect(e.categories.map((c) => c.key).sort()).toEqual(Object.keys(d.categories).sort());
  });
});

// ---- band edges: [bound, points at and above it (for ≥) / at and below it (for ≤), points of the next band] ----
type Edge = [bound: number, better: number, worse: number];
const RD_EDGES: Edge[] = [[0.05, 20, 15], [0.03, 15, 10], [0.02, 10, 5], [0.01, 5, 0]];
const GROWTH_EDGES: Edge[] = [[0.15, 20, 15], [0.1, 15, 10], [0.05, 10, 5], [0, 5, 0]];
const DEBT_EDGES: Edge[] = [[0.55, 10, 5], [0.75, 5, 0]];
const SHARE_EDGES: Edge[] = [[0.7, 20, 15], [0.6, 15, 10], [0.55, 10, 5], [0.5, 5, 0]];
const BASE = 100_000_000; // every ratio is x / 100,000,000 yuan: the bound × BASE is an exact integer

interface EdgeCase { key: string; profile: (yuan: number) => Partial<CultivationProfile>; edges: Edge[]; lowerIsBetter: boolean }
const EDGE_CASES: EdgeCase[] = [
  { key: 'rd-ratio', profile: (y) => ({ revenue: BASE, rdExpense: y }), edges: RD_EDGES, lowerIsBetter: false },
  // revenue = main-business revenue (share 100%); R&D 6,000,000 stays inside 5%+ for every y here
  { key: 'main-revenue-growth', profile: (y) => ({ mainBusinessRevenuePreviousYear: BASE, mainBusinessRevenue: BASE + y, revenue: BASE + y }), edges: GROWTH_EDGES, lowerIsBetter: false },
  { key: 'debt-ratio', profile: (y) => ({ totalAssets: BASE, totalLiabilities: y }), edges: DEBT_EDGES, lowerIsBetter: true },
  { key: 'main-business-share', profile: (y) => ({ revenue: BASE, mainBusinessRevenue: y, mainBusinessRevenuePreviousYear: y / 1.2 }), edges: SHARE_EDGES, lowerIsBetter: false },
];

describe('indicator bands (63号 Annex 1 ②③④⑥), at and around every bound', () => {
  for (const c of EDGE_CASES) {
    const rows = c.edges.flatMap(([bound, better, worse]) => {
      const at = Math.round(bound * BASE);
      const aboveBetter = c.lowerIsBetter ? at - 1 : at + 1;
      const belowWorse = c.lowerIsBetter ? at + 1 : at - 1;
      return [
        { bound, yuan: at, reading: 'higher', points: better, onEdge: true },
        { bound, yuan: at, reading: 'lower', points: worse, onEdge: true },
        { bound, yuan: aboveBetter, reading: 'higher', points: better, onEdge: false },
        { bound, yuan: aboveBetter, reading: 'lower', points: better, onEdge: false },
        { bound, yuan: belowWorse, reading: 'higher', points: worse, onEdge: false },
        { bound, yuan: belowWorse, reading: 'lower', points: worse, onEdge: false },
      ];
    });
    it.each(rows)(`${c.key}: $yuan / 1e8 (bound $bound), edge reading $reading → $points`, ({ yuan, reading, points, onEdge }) => {
      const e = evaluate(strong(c.profile(yuan)), '2025-06-01', reading === 'higher' ? HIGHER : LOWER);
      const ind = indicator(e, c.key);
      expect(ind.points).toBe(points);
      expect(ind.value).toBeCloseTo(yuan / BASE, 12);
      expect(ind.missing).toEqual([]);
      // the strong profile leaves every other indicator at its maximum: the reading is flagged only on an edge
      if (e.gaps.length === 0) expect(e.unconfirmed.includes('boundaryTakesHigherBand')).toBe(onEdge);
      else expect(e.unconfirmed).toContain('boundaryTakesHigherBand');
    });
  }

  it.each([
    [-0.5, 0],
    [0.2, 20],
    [-1e-9, 0],
  ])('main-revenue-growth %s → %s points', (rate, points) => {
    const e = evaluate(strong({ mainBusinessRevenuePreviousYear: BASE, mainBusinessRevenue: BASE * (1 + rate) }));
    expect(indicator(e, 'main-revenue-growth').points).toBe(points);
  });

  it.each([
    [1, 1, 2, 3, 0, 20],
    [0, 1, 2, 3, 1, 15],
    [0, 0, 2, 3, 2, 10],
    [0, 0, 0, 3, 3, 5],
    [0, 0, 0, 0, 4, 0],
  ])('intellectual-property: Ⅰ类高价值 %i, self-developed %i, Ⅰ类 %i, Ⅱ类 %i → band %i, %i points', (class1HighValue, class1SelfDeveloped, class1, class2, band, points) => {
    const e = evaluate(strong({ ip: { class1HighValue, class1SelfDeveloped, class1, class2 } }));
    expect(indicator(e, 'intellectual-property')).toMatchObject({ value: band, band, points, missing: [] });
  });

  it.each([
    [true, 10],
    [false, 5],
    [undefined, 5], // a declaration: absent = not declared = other field
    [null, 5],
  ])('strategic-emerging-industry %s → %i points', (strategicEmergingIndustry, points) => {
    const e = evaluate(strong({ strategicEmergingIndustry }));
    expect(indicator(e, 'strategic-emerging-industry').points).toBe(points);
    expect(e.missing).toEqual([]);
  });
});

describe('missing and uncomputable inputs', () => {
  it.each<[string, Partial<CultivationProfile>, ProfileField[]]>([
    ['rd-ratio', { rdExpense: null }, ['rdExpense']],
    ['rd-ratio', { rdExpense: undefined, revenue: undefined }, ['rdExpense', 'revenue']],
    ['main-revenue-growth', { mainBusinessRevenuePreviousYear: undefined }, ['mainBusinessRevenuePreviousYear']],
    ['debt-ratio', { totalLiabilities: undefined }, ['totalLiabilities']],
    ['debt-ratio', { totalAssets: null }, ['totalAssets']],
    ['main-business-share', { mainBusinessRevenue: undefined }, ['mainBusinessRevenue']],
    ['intellectual-property', { ip: undefined }, ['ip.class1HighValue', 'ip.class1SelfDeveloped', 'ip.class1', 'ip.class2']],
    ['intellectual-property', { ip: { class1HighValue: null, class1SelfDeveloped: 0, class1: 1, class2: 0 } }, ['ip.class1HighValue']],
  ])('%s is missing, never zero, when %o', (key, over, fields) => {
    const e = evaluate(strong(over));
    const ind = indicator(e, key);
    expect(ind).toMatchObject({ value: null, band: null, points: null });
    expect(ind.missing).toEqual(fields);
    for (const f of fields) expect(e.missing).toContain(f);
    expect(e.total).toBeNull();
    expect(category(e, ind.category).points).toBeNull();
  });

  it('is qualified when a missing indicator cannot change the result, and says what is missing', () => {
    // innovation: IP 20 + R&D (0…20) ≥ 20; total at least 80
    const e = evaluate(strong({ rdExpense: null }));
    expect(e).toMatchObject({ outcome: 'qualified', qualified: true, route: 'score', total: null, missing: ['rdExpense'] });
    expect(category(e, 'innovation')).toMatchObject({ points: null, met: true });
  });

  it('is incomplete when the missing inputs could decide, with the field names', () => {
    // innovation: IP Ⅱ类 5 + R&D missing: met only if R&D gives ≥ 15
    const e = evaluate(strong({ ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 1 }, rdExpense: undefined }));
    expect(e).toMatchObject({ outcome: 'incomplete', qualified: false, route: null, total: null });
    expect(e.missing).toEqual(['rdExpense']);
    expect(category(e, 'innovation').met).toBeNull();
    expect(condition(e, 'score-total')).toMatchObject({ met: true, value: null, missing: ['rdExpense'] });
  });

  it('is not qualified when even the best value of the missing inputs fails', () => {
    const e = evaluate(strong({ mainBusinessRevenue: 40_000_000, mainBusinessRevenuePreviousYear: 50_000_000, totalLiabilities: 90_000_000, rdExpense: undefined }));
    // growth < 0 (0) + debt 90% (0): 成长性 0 < 15, whatever R&D is
    expect(e.outcome).toBe('not-qualified');
    expect(e.missing).toEqual(['rdExpense']);
  });

  it.each<[string, Partial<CultivationProfile>]>([
    ['rd-ratio', { revenue: 0 }],
    ['main-business-share', { revenue: 0 }],
    ['main-revenue-growth', { mainBusinessRevenuePreviousYear: 0 }],
    ['main-revenue-growth', { mainBusinessRevenuePreviousYear: -5 }],
    ['debt-ratio', { totalAssets: 0 }],
  ])('%s cannot be computed (denominator ≤ 0) when %o: no value, no points, nothing missing', (key, over) => {
    const e = evaluate(strong(over));
    expect(indicator(e, key)).toMatchObject({ value: null, band: null, points: null, missing: [] });
    expect(e.total).toBeNull();
  });

  it('never reads a growth it cannot compute as 0%: the outcome waits for the officer when it decides', () => {
    // 成长性 = debt 10 + growth (uncomputable) — 15 needs growth ≥ 5 points
    const e = evaluate(strong({ mainBusinessRevenuePreviousYear: 0 }));
    expect(e.outcome).toBe('incomplete');
    expect(category(e, 'growth')).toMatchObject({ points: null, met: null });
  });
});

describe('direct routes (63号 Annex 1 A1–A4)', () => {
  /** fails the score (innovation 5) but in scope */
  const weak = (over: Partial<CultivationProfile> = {}) => strong({ ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 }, rdExpense: 500_000, ...over });

  it('the weak profile fails the score and has no direct route', () => {
    expect(evaluate(weak())).toMatchObject({ outcome: 'not-qualified', qualified: false, route: null });
  });

  it.each<[string, Partial<CultivationProfile>, string, boolean]>([
    ['A1 provincial award 3 years before', { scienceAward: { level: 'provincial', rank: 2, year: 2022 } }, '2025-06-01', true],
    ['A1 national award this year', { scienceAward: { level: 'national', rank: 1, year: 2025 } }, '2025-01-01', true],
    ['A1 award 4 years before', { scienceAward: { level: 'national', rank: 1, year: 2021 } }, '2025-06-01', false],
    ['A1 same award, 3 years after', { scienceAward: { level: 'provincial', year: 2021 } }, '2024-12-31', true],
    ['A1 same award, 4 years after', { scienceAward: { level: 'provincial', year: 2021 } }, '2025-01-01', false],
    ['A1 level none', { scienceAward: { level: 'none', year: 2025 } }, '2025-06-01', false],
    ['A2 high-tech enterprise', { honours: ['high-tech-enterprise'] }, '2025-06-01', true],
    ['A2 national tech-innovation demo', { honours: ['national-tech-innovation-demo'] }, '2025-06-01', true],
    ['A2 IP advantage', { honours: ['ip-advantage'] }, '2025-06-01', true],
    ['A2 IP demo', { honours: ['ip-demo'] }, '2025-06-01', true],
    ['A2 another honour', { honours: ['tech-sme', 'time-honoured-brand'] }, '2025-06-01', false],
    ['A3 national R&D institution', { rdInstitutionLevel: 'national' }, '2025-06-01', true],
    ['A3 provincial R&D institution', { rdInstitutionLevel: 'provincial' }, '2025-06-01', true],
    ['A3 municipal R&D institution', { rdInstitutionLevel: 'municipal' }, '2025-06-01', false],
    ['A3 below municipal', { rdInstitutionLevel: 'below-municipal' as RdInstitutionLevel }, '2025-06-01', false],
    ['A4 equity financing 500万', { equityFinancingLast3Years: 5_000_000 }, '2025-06-01', true],
    ['A4 equity financing 1 yuan short', { equityFinancingLast3Years: 4_999_999 }, '2025-06-01', false],
  ])('%s → qualified %s', (_name, over, on, qualifies) => {
    const e = evaluate(weak(over), on);
    expect(e.qualified).toBe(qualifies);
    expect(e.route).toBe(qualifies ? 'direct' : null);
    expect(e.outcome).toBe(qualifies ? 'qualified' : 'not-qualified');
    expect(e.gaps.length > 0).toBe(!qualifies); // a direct route needs no gap
  });

  it('reports the award as years since it, against 3', () => {
    const e = evaluate(weak({ scienceAward: { level: 'provincial', year: 2021 } }), '2025-06-01');
    expect(condition(e, 'direct-science-award')).toMatchObject({ group: 'direct', met: false, value: 4, threshold: 3, missing: [] });
  });

  it('prefers the direct route when the score also passes', () => {
    expect(evaluate(strong({ honours: ['high-tech-enterprise'] }))).toMatchObject({ qualified: true, route: 'direct', total: 100 });
  });

  it.each<[Partial<CultivationProfile>, ProfileField]>([
    [{ scienceAward: undefined }, 'scienceAward'],
    [{ scienceAward: { level: 'provincial', year: null } }, 'scienceAward'],
    [{ rdInstitutionLevel: undefined }, 'rdInstitutionLevel'],
    [{ equityFinancingLast3Years: null }, 'equityFinancingLast3Years'],
  ])('a missing direct-route input leaves a failing score incomplete: %o', (over, field) => {
    const e = evaluate(weak(over));
    expect(e.outcome).toBe('incomplete');
    expect(e.missing).toEqual([field]);
    expect(e.gaps.length).toBeGreaterThan(0); // the score's gap is still shown
  });

  it('absent honours are "none declared", not missing', () => {
    const e = evaluate(weak({ honours: undefined }));
    expect(e.outcome).toBe('not-qualified');
    expect(condition(e, 'direct-honour')).toMatchObject({ met: false, missing: [] });
  });
});

describe('scope (63号 Annex 1 适用范围)', () => {
  it.each(SCOPE_ISSUES.map((s) => s.key))('a declared %s excludes even a 100-point, directly qualifying enterprise', (issue) => {
    const e = evaluate(strong({ scopeIssues: [issue], honours: ['high-tech-enterprise'] }));
    expect(e).toMatchObject({ outcome: 'not-qualified', qualified: false, route: null, total: 100, gaps: [] });
    expect(condition(e, `scope-${issue}`)).toMatchObject({ group: 'scope', met: false });
    expect(e.conditions.filter((c) => c.group === 'scope' && c.met === false)).toHaveLength(1);
  });

  it('an absent list of scope issues means none declared', () => {
    const e = evaluate(strong({ scopeIssues: undefined }));
    expect(e.qualified).toBe(true);
    expect(e.conditions.filter((c) => c.group === 'scope').every((c) => c.met === true)).toBe(true);
  });

  /** the strong profile's ratios at another size */
  const sized = (employees: number | undefined, revenue: number): Partial<CultivationProfile> => ({
    employees, revenue, rdExpense: revenue * 0.06, mainBusinessRevenue: revenue * 0.8, mainBusinessRevenuePreviousYear: revenue * 0.6,
  });
  it.each<[string, Partial<CultivationProfile>, boolean | null, ProfileField[]]>([
    ['industry at both caps: large', sized(1000, 400_000_000), false, []],
    ['industry 999 persons: SME', sized(999, 400_000_000), true, []],
    ['industry revenue 1 yuan below the cap: SME', sized(5000, 399_999_999), true, []],
    ['employees missing but revenue below the cap: SME', sized(undefined, 100_000_000), true, []],
    ['employees missing, revenue at the cap: unknown', sized(undefined, 400_000_000), null, ['employees']],
    ['sector missing: unknown', { sector: undefined }, null, ['sector']],
  ])('%s', (_name, over, met, missing) => {
    const e = evaluate(strong(over));
    expect(e.total).toBe(100);
    expect(condition(e, 'sme-size')).toMatchObject({ group: 'scope', met, missing });
    expect(e.outcome).toBe(met === true ? 'qualified' : met === false ? 'not-qualified' : 'incomplete');
    for (const f of missing) expect(e.missing).toContain(f);
  });

  it('agrees with classifySmeSize on "large" for every sector, at and around its caps', () => {
    for (const { key: sector } of SIZE_SECTORS) {
      for (const employees of [0, 9, 10, 199, 200, 299, 300, 999, 1000, 1999, 2000, 5000]) {
        for (const wan of [0, 4999, 5000, 9999, 10000, 19999, 20000, 29999, 30000, 39999, 40000, 79999, 80000, 99999, 100000, 119999, 120000, 199999, 200000, 300000]) {
          const p = { sector, employees, revenue: wan * 10_000, totalAssets: wan * 10_000 };
          const size = classifySmeSize(p);
          if (isSmeSizeMissing(size)) throw new Error('complete profile');
          const met = condition(evaluate(strong(p)), 'sme-size').met;
          expect(met, `${sector} ${employees} ${wan}`).toBe(size.size !== 'large');
        }
      }
    }
  });
});

describe('pass rule: total ≥ 60 and 创新能力 ≥ 20, 成长性 ≥ 15, 专业化 ≥ 15 (not 24/18/18)', () => {
  const ip = (band: number) => [
    { class1HighValue: 1, class1SelfDeveloped: 1, class1: 1, class2: 1 },
    { class1HighValue: 0, class1SelfDeveloped: 1, class1: 1, class2: 1 },
    { class1HighValue: 0, class1SelfDeveloped: 0, class1: 1, class2: 1 },
    { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 1 },
    { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 },
  ][band]!;
  /** ratios chosen well inside their bands */
  const rd = { 20: 0.06, 15: 0.04, 10: 0.025, 5: 0.015, 0: 0.005 } as const;
  const growth = { 20: 0.2, 15: 0.12, 10: 0.07, 5: 0.02, 0: -0.1 } as const;
  const debt = { 10: 0.4, 5: 0.6, 0: 0.9 } as const;
  const share = { 20: 0.8, 15: 0.65, 10: 0.57, 5: 0.52, 0: 0.3 } as const;
  type P5 = 0 | 5 | 10 | 15 | 20;
  const profile = (p: { ip: P5; rd: P5; growth: P5; debt: 0 | 5 | 10; sei: boolean; share: P5 }): CultivationProfile => {
    const mbr = share[p.share] * BASE;
    return strong({
      ip: ip((20 - p.ip) / 5),
      revenue: BASE,
      rdExpense: rd[p.rd] * BASE,
      mainBusinessRevenue: mbr,
      mainBusinessRevenuePreviousYear: mbr / (1 + growth[p.growth]),
      totalLiabilities: debt[p.debt] * BASE,
      strategicEmergingIndustry: p.sei,
    });
  };

  it.each([
    // [ip, rd, growth, debt, sei, share] → total, failing category or null
    [{ ip: 5, rd: 10, growth: 20, debt: 10, sei: true, share: 20 }, 75, 'innovation'],
    [{ ip: 20, rd: 20, growth: 0, debt: 10, sei: true, share: 20 }, 80, 'growth'],
    [{ ip: 20, rd: 20, growth: 20, debt: 10, sei: false, share: 5 }, 80, 'specialisation'],
    [{ ip: 5, rd: 10, growth: 10, debt: 10, sei: true, share: 10 }, 55 - 0, 'innovation'],
    [{ ip: 15, rd: 0, growth: 20, debt: 5, sei: true, share: 10 }, 60, 'innovation'], // exactly 60, 创新能力 15
    [{ ip: 20, rd: 10, growth: 5, debt: 5, sei: true, share: 10 }, 60, 'growth'], // exactly 60, 成长性 10
  ] as const)('%o: total %i fails %s', (p, total, failing) => {
    const e = evaluate(profile(p));
    expect(e.total).toBe(total);
    expect(e).toMatchObject({ outcome: 'not-qualified', qualified: false, route: null });
    expect(category(e, failing).met).toBe(false);
    expect(e.gaps.length).toBeGreaterThan(0);
  });

  it.each([
    [{ ip: 10, rd: 10, growth: 5, debt: 10, sei: true, share: 15 }, 60], // 20 / 15 / 25: every minimum exactly
    [{ ip: 20, rd: 0, growth: 10, debt: 5, sei: true, share: 15 }, 60], // 20 / 15 / 25
    [{ ip: 10, rd: 10, growth: 15, debt: 0, sei: false, share: 10 }, 50 - 0], // 20 / 15 / 15 but 50
  ] as const)('%o: total %i with every minimum met exactly', (p, total) => {
    const e = evaluate(profile(p));
    expect(e.total).toBe(total);
    expect(e.categories.every((c) => c.met === true)).toBe(true);
    expect(e.qualified).toBe(total >= 60);
    expect(e.route).toBe(total >= 60 ? 'score' : null);
    expect(condition(e, 'score-total')).toMatchObject({ met: total >= 60, value: total, threshold: 60 });
  });
});

describe('gaps', () => {
  it('gives the issue example: R&D ratio 2.6% → 3%, +5 points', () => {
    // IP Ⅱ类 5 + R&D 2.6% 10 = 15 < 20; growth 12% 15 + debt 50% 10; SEI 10 + share 65% 15: total 65
    const e = evaluate(strong({
      ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 2 },
      revenue: BASE,
      rdExpense: 2_600_000,
      mainBusinessRevenue: 65_000_000,
      mainBusinessRevenuePreviousYear: 65_000_000 / 1.12,
      totalLiabilities: 50_000_000,
    }));
    expect(e.total).toBe(65);
    expect(e.outcome).toBe('not-qualified');
    expect(e.gaps).toEqual([{ kind: 'indicator', key: 'rd-ratio', from: 0.026, to: 0.03, points: 5 }]);
    expect(e.unconfirmed).toEqual(['boundaryTakesHigherBand']);
  });

  it('gives the fewest changes to the debt ratio (lower is better)', () => {
    // total 55, 成长性 growth 0 (−10%) + debt 60% 5 = 5: one change cannot give 10 in 成长性 via debt alone (max +5)
    const e = evaluate(strong({ mainBusinessRevenue: 90_000_000, mainBusinessRevenuePreviousYear: 100_000_000, totalLiabilities: 60_000_000 }));
    expect(e.outcome).toBe('not-qualified');
    expect(e.gaps).toEqual([{ kind: 'indicator', key: 'main-revenue-growth', from: -0.1, to: 0.05, points: 10 }]);
  });

  it('holds missing indicators at 0 and gives no gap for them', () => {
    const e = evaluate(strong({ ip: undefined, rdExpense: 1_500_000 }));
    // R&D 1.5% (5): with IP held at 0, 创新能力 ≥ 20 needs R&D ≥ 5%
    expect(e.outcome).toBe('incomplete');
    expect(e.gaps).toEqual([{ kind: 'indicator', key: 'rd-ratio', from: 0.015, to: 0.05, points: 15 }]);
  });

  it('has no gaps when qualified, out of scope, or when no change can pass', () => {
    expect(evaluate(strong()).gaps).toEqual([]);
    expect(evaluate(strong({ scopeIssues: ['tax-violation'], rdExpense: 0 })).gaps).toEqual([]);
    // 成长性: growth uncomputable (held at 0) and debt at most 10 < 15
    const e = evaluate(strong({ mainBusinessRevenuePreviousYear: 0, rdExpense: 0, ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 } }));
    expect(e.gaps).toEqual([]);
  });
});

describe('rule version by date (63号 Annex 1 still applies after 2026-04-01: 2号 第三十条)', () => {
  const p = strong({ rdExpense: 2_600_000, ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 2 } });
  it.each(['2025-06-01', '2026-03-31', '2026-04-01', '2026-06-01'])('%s uses 工信部企业〔2022〕63号 附件1', (on) => {
    const e = evaluateCultivation('innovative-sme', p, { on });
    expect(e.rulesVersion).toBe('工信部企业〔2022〕63号 附件1');
    expect(e.on).toBe(on);
    const { on: _on, unconfirmed, ...rest } = e;
    const { on: _on2, unconfirmed: _u, ...before } = evaluateCultivation('innovative-sme', p, { on: '2025-06-01' });
    expect(rest).toEqual(before);
    // the same score, said to rest on an unconfirmed reading of 2号 第三十条 from 2026-04-01
    expect(unconfirmed.includes('innovativeSme2026Continuation')).toBe(on >= '2026-04-01');
  });

  it('counts the 3 award years from the evaluation date across the switch', () => {
    const award = strong({ ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 0, class2: 0 }, rdExpense: 0, scienceAward: { level: 'national', year: 2023 } });
    expect(evaluateCultivation('innovative-sme', award, { on: '2026-06-01' }).route).toBe('direct');
    expect(evaluateCultivation('innovative-sme', award, { on: '2027-01-01' }).route).toBeNull();
  });
});

describe('evaluate is pure', () => {
  it('gives equal results for equal inputs and does not change the profile', () => {
    const p = strong({ rdExpense: 2_600_000 });
    const copy = structuredClone(p);
    const a = evaluate(p);
    evaluate(strong({ ip: undefined }));
    expect(evaluate(p)).toEqual(a);
    expect(p).toEqual(copy);
  });

  it('the honour list type is the profile’s', () => {
    const honours: HonourKey[] = ['ip-demo'];
    expect(evaluate(strong({ honours })).route).toBe('direct');
  });
});

describe('INNOVATIVE_SME_2022 IP indicator when there is no class Ⅰ item', () => {
  it('reads the high-value and self-developed counts as 0 when class Ⅰ is known to be 0, not as missing', () => {
    const evaluation = evaluateCultivation('innovative-sme', { ip: { class1: 0, class2: 2 } }, { on: '2026-06-01' });
    const ip = evaluation.indicators.find((i) => i.key === 'intellectual-property')!;
    expect(ip.missing).toEqual([]);
    expect(ip.points).toBe(5);
    expect(evaluation.missing).not.toContain('ip.class1HighValue');
  });
  it('still reports them missing when the class Ⅰ count is unknown', () => {
    const evaluation = evaluateCultivation('innovative-sme', { ip: { class2: 2 } }, { on: '2026-06-01' });
    expect(evaluation.indicators.find((i) => i.key === 'intellectual-property')!.missing).toEqual(['ip.class1HighValue', 'ip.class1SelfDeveloped', 'ip.class1']);
  });
});

describe('INNOVATIVE_SME_2022 A1 with an award dated after the evaluation', () => {
  it('does not count an award year later than the evaluation year', () => {
    const later = evaluateCultivation('innovative-sme', { sector: 'industry', employees: 50, scienceAward: { level: 'national', rank: 1, year: 2031 } }, { on: '2025-06-01' });
    expect(later.conditions.find((c) => c.key === 'direct-science-award')!.met).toBe(false);
    const within = evaluateCultivation('innovative-sme', { sector: 'industry', employees: 50, scienceAward: { level: 'national', rank: 1, year: 2025 } }, { on: '2025-06-01' });
    expect(within.conditions.find((c) => c.key === 'direct-science-award')!.met).toBe(true);
  });
});
