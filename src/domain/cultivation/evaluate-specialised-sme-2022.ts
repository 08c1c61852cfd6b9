/**
 * 专精特新中小企业认定标准, 工信部企业〔2022〕63号 Annex 2 (official-rules.md §1.2), for
 * recognitions before 2026-04-01 (repealed from then by 工信部企业〔2026〕2号).
 *
 * Qualified when all of these hold:
 * - scope (办法 / Annex 1 scope): a 中小企业 under the 2011 size rules, no scope issue declared;
 * - prerequisite: a valid 创新型中小企业 title (honour 'innovative-sme'): "an enterprise must pass
 *   the innovative-SME evaluation before it can apply for 专精特新". In a re-review (复核) the
 *   专精特新 title under review counts as well;
 * - B1 ≥ 2 years in the market niche; B2 prior-year R&D ≥ 100万元 AND ≥ 3% of 营业收入;
 *   B3 prior-year 营业收入 ≥ 1000万元, OR new equity financing in the last 2 years ≥ 2000万元;
 * - B4 the 100-point score ≥ 60, OR one direct alternative: a provincial S&T award ranked top 3 /
 *   national ranked top 5 in the last 3 years; average R&D over 2 years ≥ 1000万元; equity
 *   financing in the last 2 years ≥ 6000万元; the 「创客中国」 national top 500 in the last 3 years.
 *
 * Score: 专业化 25, 精细化 25, 特色化 15 (the province's indicators, CultivationConfig.provincialIndicators
 * [U]), 创新能力 35; no category minimums. A value on a band edge takes the better band per
 * CultivationConfig.boundaryTakesHigherBand [U] ("以上/以下含本数"), except the counted indicators
 * (years in niche: 1 point per full 2 years; quality items: 3 each; levels), which are exact.
 *
 * route: 'direct' when a direct alternative is met, else 'score'. Gaps: every unmet condition
 * (the primary of an either/or, never a direct alternative) and, when B4 is not surely met and the
 * enterprise is in scope, the smallest set of indicator changes that reaches 60 (findScoreGaps;
 * the officer-scored 特色化 points are held as they are).
 *
 * Readings (decisions where the text is not explicit), as in score-innovative-sme.ts:
 * - a missing indicator, or one whose ratio has a denominator ≤ 0 ("uncomputable": value, band and
 *   points null with nothing missing, for the officer), counts as anywhere between the points
 *   already certain and its maximum when B4 is decided; the total is then null;
 * - 'boundaryTakesHigherBand' is in Evaluation.unconfirmed only when the reading mattered (a value
 *   exactly on a configurable edge, or a gap to reach one); 'provincialIndicators' always is;
 * - 近三年 (awards, 创客中国): the evaluation year and the 3 years before it;
 * - indicator 10's value is the R&D amount in yuan (its band is the better of amount and ratio);
 *   a 'level' indicator's value is its band index, except 数字化水平, whose value is the level 1–4;
 * - a declared 中华老字号 honour gives indicator 4 at least its middle band (3 points).
 */
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';
import type { CategoryScore, Evaluation, Gap, IndicatorScore, SchemeDefinition } from './cultivation-evaluation.js';
import { readIpCount } from './read-ip-count.js';
import type { EvaluationContext, SchemeRules } from './evaluate-cultivation.js';
import { findScoreGaps, type ScoreGapIndicator } from './find-score-gaps.js';
import {
  ConditionCollector, SCOPE_CONDITION_WORDS, and3, averageGrowth2y, awardWithin3Years, buildEvaluation, compareAverageGrowth, holds,
  numberOrNull, or3, pickGrowthBand, yearOf, type Met,
} from './cultivation-metrics.js';

export const SPECIALISED_SME_2022_RULES_VERSION = '工信部企业〔2022〕63号 附件2';

const WAN = 10_000;
const NEG = -Infinity;
const POS = Infinity;

/** Category keys, in the table's order; indices used by the gap search. */
const CAT_SPECIALISATION = 0;
const CAT_REFINEMENT = 1;
const CAT_CHARACTERISTIC = 2;
const CAT_INNOVATION = 3;
const CATEGORY_KEYS = ['specialisation', 'refinement', 'characteristic', 'innovation'] as const;
const CATEGORY_MAX = [25, 25, 15, 35] as const;

/** A score table: the bound each band needs and its points, best first (the last bound ±Infinity). */
interface BandTable {
  bounds: readonly number[];
  points: readonly number[];
}

function table(bounds: readonly number[], points: readonly number[]): BandTable {
  return { bounds, points };
}

// 63号 Annex 2 score table (official-rules.md §1.2), bands best first.
/** 1. 上年度主营业务收入占营业收入比重 (5): ≥80% 5; 70–80% 3; 60–70% 1; <60% 0 */
const T_MAIN_SHARE = table([0.8, 0.7, 0.6, NEG], [5, 3, 1, 0]);
/** 2. 近2年主营业务收入平均增长率 (10): ≥10% 10; 8–10% 8; 6–8% 6; 4–6% 4; 0–4% 2; <0% 0 */
const T_GROWTH = table([0.1, 0.08, 0.06, 0.04, 0, NEG], [10, 8, 6, 4, 2, 0]);
const GROWTH_PCT = [10, 8, 6, 4, 0] as const;
/** 3. 从事特定细分市场年限 (5): 1 point per full 2 years, capped at 5 (min(floor(years/2), 5)) */
const T_NICHE = table([10, 8, 6, 4, 2, NEG], [5, 4, 3, 2, 1, 0]);
/** 4. 主导产品所属领域 (5): 补短板/锻长板/填空白 5; 工业“六基” or 中华老字号 3; none 0 (value = band index) */
const T_FIELD = table([0, 1, 2], [5, 3, 0]);
/** 5. 数字化水平 (5): level ≥3 5; level 2 3; level 1 0 */
const T_DIGITAL = table([3, 2, NEG], [5, 3, 0]);
/** 6. 质量管理水平 (5): 3 per item met, capped at 5 → 2+ items 5; 1 item 3; none 0 */
const T_QUALITY = table([2, 1, NEG], [5, 3, 0]);
/** 7. 上年度净利润率 (10): ≥10% 10; 8–10% 8; 6–8% 6; 4–6% 4; 2–4% 2; <2% 0 */
const T_PROFIT = table([0.1, 0.08, 0.06, 0.04, 0.02, NEG], [10, 8, 6, 4, 2, 0]);
/** 8. 上年度资产负债率 (5): ≤50% 5; 50–60% 3; 60–70% 1; >70% 0 */
const T_DEBT = table([0.5, 0.6, 0.7, POS], [5, 3, 1, 0]);
/** 9. 与主导产品相关的有效知识产权 (10): Ⅰ类高价值 10; 自主研发Ⅰ类 8; Ⅰ类 6; Ⅱ类 2; none 0 (value = band index) */
const T_IP = table([0, 1, 2, 3, 4], [10, 8, 6, 2, 0]);
/** 10. 上年度研发费用投入 (10), the better of amount and ratio: ≥500万 or ≥10% 10; 400万/8% 8; 300万/6% 6; 200万/4% 4; 100万/3% 2; else 0 */
const T_RD_AMOUNT = table([500 * WAN, 400 * WAN, 300 * WAN, 200 * WAN, 100 * WAN, NEG], [10, 8, 6, 4, 2, 0]);
const T_RD_RATIO = table([0.1, 0.08, 0.06, 0.04, 0.03, NEG], [10, 8, 6, 4, 2, 0]);
const RD_RATIO_PCT = [10, 8, 6, 4, 3] as const;
/** 11. 上年度研发人员占比 (5): ≥20% 5; 10–20% 3; 5–10% 1; <5% 0 */
const T_RD_STAFF = table([0.2, 0.1, 0.05, NEG], [5, 3, 1, 0]);
/** 12. 建立研发机构级别 (10): 国家级 10; 省级 8; 市级 4; 市级以下 2; none 0 (value = band index) */
const T_INSTITUTION = table([0, 1, 2, 3, 4], [10, 8, 4, 2, 0]);

/** B1–B3 and the direct alternatives, in yuan / years / fractions. */
const B1_NICHE_YEARS = 2;
const B2_RD_EXPENSE = 100 * WAN;
const B2_RD_RATIO_PCT = 3;
const B3_REVENUE = 1000 * WAN;
const B3_EQUITY_FINANCING = 2000 * WAN;
const PASS_MARK = 60;
const D2_RD_AVERAGE = 1000 * WAN;
const D3_EQUITY_FINANCING = 6000 * WAN;

const w = (zh: string, en: string) => ({ zh, en });

export const SPECIALISED_SME_2022_DEFINITION: SchemeDefinition = {
  scheme: 'specialised-sme',
  rulesVersion: SPECIALISED_SME_2022_RULES_VERSION,
  source: w('《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件2 专精特新中小企业认定标准', 'Interim Measures for the Tiered Cultivation of Quality SMEs (MIIT 〔2022〕 No. 63), Annex 2: recognition standard for specialised SMEs'),
  passMark: PASS_MARK,
  maxTotal: 100,
  categories: {
    specialisation: w('专业化', 'specialisation'),
    refinement: w('精细化', 'refinement'),
    characteristic: w('特色化', 'distinctive (provincial indicators)'),
    innovation: w('创新能力', 'innovation'),
  },
  indicators: {
    'main-business-share': { ...w('上年度主营业务收入占营业收入比重', 'main-business share of revenue, prior year'), unit: 'ratio', bands: [w('80%及以上', '80% or more'), w('70%–80%', '70–80%'), w('60%–70%', '60–70%'), w('60%以下', 'below 60%')] },
    'main-business-growth-2y': { ...w('近2年主营业务收入平均增长率', 'average main-business revenue growth, last 2 years'), unit: 'ratio', bands: [w('10%及以上', '10% or more'), w('8%–10%', '8–10%'), w('6%–8%', '6–8%'), w('4%–6%', '4–6%'), w('0%–4%', '0–4%'), w('0%以下', 'below 0%')] },
    'niche-years': { ...w('从事特定细分市场年限', 'years in the market niche'), unit: 'years', bands: [w('10年及以上', '10 years or more'), w('8–10年', '8–10 years'), w('6–8年', '6–8 years'), w('4–6年', '4–6 years'), w('2–4年', '2–4 years'), w('2年以下', 'under 2 years')] },
    'product-field': { ...w('主导产品所属领域', 'field of the main product'), unit: 'level', bands: [w('在产业链供应链关键环节实现补短板、锻长板、填空白', 'fills gaps or strengthens a key link of an industrial/supply chain'), w('属于工业“六基”领域或中华老字号名录', 'industrial “six foundations” or China Time-honoured Brand'), w('以上均不属于', 'none of these')] },
    digitalisation: { ...w('数字化水平', 'digitalisation level'), unit: 'level', bands: [w('三级及以上', 'level 3 or above'), w('二级', 'level 2'), w('一级', 'level 1')] },
    'quality-management': { ...w('质量管理水平（每满足一项加3分，最高5分）', 'quality management (3 points per item, at most 5)'), unit: 'count', bands: [w('满足两项及以上', 'two items or more'), w('满足一项', 'one item'), w('均不满足', 'none')] },
    'net-profit-margin': { ...w('上年度净利润率', 'net profit margin, prior year'), unit: 'ratio', bands: [w('10%及以上', '10% or more'), w('8%–10%', '8–10%'), w('6%–8%', '6–8%'), w('4%–6%', '4–6%'), w('2%–4%', '2–4%'), w('2%以下', 'below 2%')] },
    'debt-ratio': { ...w('上年度资产负债率', 'debt-to-asset ratio, prior year end'), unit: 'ratio', bands: [w('50%及以下', '50% or less'), w('50%–60%', '50–60%'), w('60%–70%', '60–70%'), w('70%以上', 'above 70%')] },
    provincial: { ...w('省级特色化指标', 'provincial indicators'), unit: 'points', bands: [w('由省级中小企业主管部门评分', 'scored under the province’s rules')] },
    ip: { ...w('与主导产品相关的有效知识产权', 'valid IP related to the main product'), unit: 'level', bands: [w('拥有Ⅰ类高价值知识产权', 'Class I high-value IP'), w('拥有自主研发Ⅰ类知识产权', 'self-developed Class I IP'), w('拥有Ⅰ类知识产权', 'Class I IP'), w('拥有Ⅱ类知识产权', 'Class II IP'), w('无', 'none')] },
    'rd-input': { ...w('上年度研发费用投入（金额或占营业收入比重，取高档）', 'R&D expense, prior year (amount or share of revenue, the better band)'), unit: 'yuan', bands: [w('500万元及以上或10%及以上', '5 million yuan or 10% and above'), w('400万–500万元或8%–10%', '4–5 million yuan or 8–10%'), w('300万–400万元或6%–8%', '3–4 million yuan or 6–8%'), w('200万–300万元或4%–6%', '2–3 million yuan or 4–6%'), w('100万–200万元或3%–4%', '1–2 million yuan or 3–4%'), w('不属于以上情况', 'less')] },
    'rd-staff-share': { ...w('上年度研发人员占比', 'R&D staff share of employees, prior year'), unit: 'ratio', bands: [w('20%及以上', '20% or more'), w('10%–20%', '10–20%'), w('5%–10%', '5–10%'), w('5%以下', 'below 5%')] },
    'rd-institution': { ...w('建立研发机构级别', 'level of R&D institution'), unit: 'level', bands: [w('国家级', 'national'), w('省级', 'provincial'), w('市级', 'municipal'), w('市级以下', 'below municipal'), w('未建立研发机构', 'none')] },
  },
  conditions: {
    ...SCOPE_CONDITION_WORDS,
    'innovative-sme-title': { ...w('已被认定为创新型中小企业且在有效期内', 'holds a valid innovative-SME title'), unit: 'flag' },
    'niche-years': { ...w('从事特定细分市场时间达到2年以上', 'at least 2 years in the market niche'), unit: 'years' },
    'rd-expense': { ...w('上年度研发费用总额不低于100万元', 'prior-year R&D expense at least 1 million yuan'), unit: 'yuan' },
    'rd-ratio': { ...w('上年度研发费用占营业收入比重不低于3%', 'prior-year R&D expense at least 3% of revenue'), unit: 'ratio' },
    revenue: { ...w('上年度营业收入总额在1000万元以上', 'prior-year revenue at least 10 million yuan'), unit: 'yuan' },
    'revenue-alt-equity-financing': { ...w('或：营业收入不足1000万元，近2年新增股权融资总额（合格机构投资者的实缴额）达到2000万元以上', 'or: with revenue below 10 million yuan, new equity financing in the last 2 years (paid in by qualified institutional investors) at least 20 million yuan'), unit: 'yuan' },
    'score-total': { ...w('评价指标得分达到60分以上（或满足下列条件之一）', 'score at least 60 (or one of the direct alternatives)'), unit: 'points' },
    'direct-science-award': { ...w('近三年获得过省级科技奖励并在获奖单位中排名前三，或获得国家级科技奖励并在获奖单位中排名前五', 'in the last 3 years, a provincial S&T award ranked top 3, or a national one ranked top 5'), unit: 'flag' },
    'direct-rd-average': { ...w('近2年研发费用总额均值在1000万元以上', 'average R&D expense over the last 2 years at least 10 million yuan'), unit: 'yuan' },
    'direct-equity-financing': { ...w('近2年新增股权融资总额（合格机构投资者的实缴额）6000万元以上', 'new equity financing in the last 2 years (qualified institutional investors) at least 60 million yuan'), unit: 'yuan' },
    'direct-maker-china': { ...w('近三年进入“创客中国”中小企业创新创业大赛全国500强企业组名单', 'in the last 3 years, the national top 500 of the 「创客中国」 competition'), unit: 'flag' },
  },
};

// ---- the score sheet ----
// Fixed indicators by index (their order in the gap search); the province's indicators follow them.
const I_MAIN_SHARE = 0;
const I_GROWTH = 1;
const I_NICHE = 2;
const I_FIELD = 3;
const I_DIGITAL = 4;
const I_QUALITY = 5;
const I_PROFIT = 6;
const I_DEBT = 7;
const I_IP = 8;
const I_RD = 9;
const I_STAFF = 10;
const I_INST = 11;
const N_FIXED = 12;

interface IndicatorSpec {
  key: string;
  category: number;
  table: BandTable;
  /** its band edges follow CultivationConfig.boundaryTakesHigherBand (the counted and level indicators are exact) */
  edgeConfigurable: boolean;
  lowerIsBetter: boolean;
}

const SPECS: readonly IndicatorSpec[] = [
  { key: 'main-business-share', category: CAT_SPECIALISATION, table: T_MAIN_SHARE, edgeConfigurable: true, lowerIsBetter: false },
  { key: 'main-business-growth-2y', category: CAT_SPECIALISATION, table: T_GROWTH, edgeConfigurable: true, lowerIsBetter: false },
  { key: 'niche-years', category: CAT_SPECIALISATION, table: T_NICHE, edgeConfigurable: false, lowerIsBetter: false },
  { key: 'product-field', category: CAT_SPECIALISATION, table: T_FIELD, edgeConfigurable: false, lowerIsBetter: false },
  { key: 'digitalisation', category: CAT_REFINEMENT, table: T_DIGITAL, edgeConfigurable: false, lowerIsBetter: false },
  { key: 'quality-management', category: CAT_REFINEMENT, table: T_QUALITY, edgeConfigurable: false, lowerIsBetter: false },
  { key: 'net-profit-margin', category: CAT_REFINEMENT, table: T_PROFIT, edgeConfigurable: true, lowerIsBetter: false },
  { key: 'debt-ratio', category: CAT_REFINEMENT, table: T_DEBT, edgeConfigurable: true, lowerIsBetter: true },
  { key: 'ip', category: CAT_INNOVATION, table: T_IP, edgeConfigurable: false, lowerIsBetter: false },
  { key: 'rd-input', category: CAT_INNOVATION, table: T_RD_AMOUNT, edgeConfigurable: true, lowerIsBetter: false },
  { key: 'rd-staff-share', category: CAT_INNOVATION, table: T_RD_STAFF, edgeConfigurable: true, lowerIsBetter: false },
  { key: 'rd-institution', category: CAT_INNOVATION, table: T_INSTITUTION, edgeConfigurable: false, lowerIsBetter: false },
];

const NO_MISSING: readonly ProfileField[] = Object.freeze([]) as readonly ProfileField[];

/**
 * The indicators as they are scored, and the bounds of the outcome. An indicator whose points are
 * null is missing, or uncomputable (a denominator ≤ 0: value, band and points null with nothing
 * missing, for the officer to judge, as score-innovative-sme.ts reads it); it then counts as
 * anywhere from `lo` (points already certain) to its maximum when the outcome is decided.
 */
class ScoreSheet {
  readonly indicators: IndicatorScore[] = [];
  /** band of each fixed indicator, -1 when its points are null; value, NaN when null */
  readonly band = [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];
  readonly value = [NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN];
  readonly catPoints = [0, 0, 0, 0];
  readonly catOpen = [false, false, false, false];
  /** points of the scored indicators; points certain (known + lower bounds); points possible */
  known = 0;
  lo = 0;
  hi = 0;
  open = false;
  onEdge = false;

  constructor(private readonly c: ConditionCollector) {}

  /** One indicator; `i` is its fixed index, or -1 for a provincial one. */
  set(i: number, key: string, category: number, max: number, value: number | null, band: number | null, points: number | null, lo: number, missing: readonly ProfileField[]): void {
    this.indicators.push({ key, category: CATEGORY_KEYS[category]!, value, band, points, max, missing: missing.length === 0 ? [] : missing.slice() });
    if (points === null) {
      this.open = true;
      this.catOpen[category] = true;
      this.lo += lo;
      this.hi += max;
      const all = this.c.missing;
      for (let k = 0; k < missing.length; k++) if (!all.includes(missing[k]!)) all.push(missing[k]!);
      return;
    }
    if (i >= 0) {
      this.band[i] = band!;
      this.value[i] = value === null ? NaN : value;
    }
    this.catPoints[category] = this.catPoints[category]! + points;
    this.known += points;
    this.lo += points;
    this.hi += points;
  }

  /** A fixed indicator read on its bands (value null: uncomputable, or missing when `missing` is not empty). */
  banded(i: number, value: number | null, edge: boolean, missing: readonly ProfileField[]): void {
    const spec = SPECS[i]!;
    const t = spec.table;
    if (value === null) {
      this.set(i, spec.key, spec.category, t.points[0]!, null, null, null, 0, missing);
      return;
    }
    const band = spec.lowerIsBetter ? bandAtMost(value, t.bounds, spec.edgeConfigurable ? edge : true) : bandAtLeast(value, t.bounds, spec.edgeConfigurable ? edge : true);
    if (spec.edgeConfigurable && onBound(value, t.bounds)) this.onEdge = true;
    this.set(i, spec.key, spec.category, t.points[0]!, value, band, t.points[band]!, 0, missing);
  }

  /** A fixed level indicator: value = band index (null: missing, with `lo` points certain). */
  level(i: number, band: number | null, lo: number, missing: readonly ProfileField[]): void {
    const spec = SPECS[i]!;
    const t = spec.table;
    if (band === null) this.set(i, spec.key, spec.category, t.points[0]!, null, null, null, lo, missing);
    else this.set(i, spec.key, spec.category, t.points[0]!, band, band, t.points[band]!, 0, missing);
  }

  categories(characteristicMax: number): CategoryScore[] {
    const out: CategoryScore[] = [];
    for (let k = 0; k < 4; k++) {
      out.push({ key: CATEGORY_KEYS[k]!, points: this.catOpen[k] ? null : this.catPoints[k]!, max: k === CAT_CHARACTERISTIC ? characteristicMax : CATEGORY_MAX[k]!, minimum: null, met: true });
    }
    return out;
  }
}

/**
 * pickBand (score-bands.ts) on a table's bounds, specialised by direction for the hot path: the
 * first band whose bound the value reaches (≥, or > when a value on the edge takes the worse band).
 */
function bandAtLeast(value: number, bounds: readonly number[], edgeTakesBetterBand: boolean): number {
  const last = bounds.length - 1;
  for (let i = 0; i < last; i++) if (edgeTakesBetterBand ? value >= bounds[i]! : value > bounds[i]!) return i;
  return last;
}

/** The same for a lower-is-better indicator (≤, or <). */
function bandAtMost(value: number, bounds: readonly number[], edgeTakesBetterBand: boolean): number {
  const last = bounds.length - 1;
  for (let i = 0; i < last; i++) if (edgeTakesBetterBand ? value <= bounds[i]! : value < bounds[i]!) return i;
  return last;
}

function onBound(value: number, bounds: readonly number[]): boolean {
  for (let i = 0; i < bounds.length - 1; i++) if (bounds[i] === value) return true;
  return false;
}

function evaluate(profile: CultivationProfile, ctx: EvaluationContext): Evaluation {
  const edge = ctx.config.boundaryTakesHigherBand;
  const c = new ConditionCollector();

  // ---- scope and prerequisite ----
  const scope = c.addScope(profile);
  const titleMet = holds(profile, 'innovative-sme') || (ctx.purpose === 'review' && holds(profile, 'specialised-sme'));
  const title = c.flag('innovative-sme-title', 'prerequisite', titleMet);
  c.gapIfUnmet(title);

  const revenue = numberOrNull(profile.revenue);
  const rd = numberOrNull(profile.rdExpense);

  // ---- B1–B3 ----
  const b1 = c.minimum('niche-years', 'basic', profile.yearsInNiche, 'yearsInNiche', B1_NICHE_YEARS);
  const b2a = c.minimum('rd-expense', 'basic', profile.rdExpense, 'rdExpense', B2_RD_EXPENSE);
  const b2b = c.ratio('rd-ratio', 'basic', profile.rdExpense, 'rdExpense', profile.revenue, 'revenue', B2_RD_RATIO_PCT, false);
  c.gapIfUnmet(b1);
  c.gapIfUnmet(b2a);
  c.gapIfUnmet(b2b);
  const b3a = c.minimum('revenue', 'basic', profile.revenue, 'revenue', B3_REVENUE);
  const b3b = c.minimum('revenue-alt-equity-financing', 'basic', profile.equityFinancingLast2Years, 'equityFinancingLast2Years', B3_EQUITY_FINANCING);
  const b3 = or3(b3a.met, b3b.met);
  if (b3 === false) c.gapIfUnmet(b3a);

  // ---- the score (table order) ----
  const sheet = new ScoreSheet(c);

  // 专业化
  const main = numberOrNull(profile.mainBusinessRevenue);
  if (main === null || revenue === null) sheet.banded(I_MAIN_SHARE, null, edge, missingOf2(main, 'mainBusinessRevenue', revenue, 'revenue'));
  else sheet.banded(I_MAIN_SHARE, revenue > 0 ? main / revenue : null, edge, NO_MISSING);

  scoreGrowth(sheet, main, numberOrNull(profile.mainBusinessRevenuePreviousYear), numberOrNull(profile.mainBusinessRevenueYearBeforePrevious), edge);

  const years = numberOrNull(profile.yearsInNiche);
  sheet.banded(I_NICHE, years, true, years === null ? MISSING_YEARS : NO_MISSING);

  const pf = profile.productField2022;
  const timeHonoured = holds(profile, 'time-honoured-brand');
  if (pf === null || pf === undefined) {
    // a declared 中华老字号 honour makes the middle band's 3 points certain
    sheet.level(I_FIELD, null, timeHonoured ? T_FIELD.points[1]! : 0, MISSING_FIELD);
  } else {
    sheet.level(I_FIELD, pf === 'chain-key-link' ? 0 : pf === 'six-foundations' || pf === 'time-honoured' || timeHonoured ? 1 : 2, 0, NO_MISSING);
  }

  // 精细化
  const digital = numberOrNull(profile.digitalisationLevel);
  sheet.banded(I_DIGITAL, digital, true, digital === null ? MISSING_DIGITAL : NO_MISSING);
  sheet.banded(I_QUALITY, countQualityItems(profile), true, NO_MISSING);

  const profit = numberOrNull(profile.netProfit);
  if (profit === null || revenue === null) sheet.banded(I_PROFIT, null, edge, missingOf2(profit, 'netProfit', revenue, 'revenue'));
  else sheet.banded(I_PROFIT, revenue > 0 ? profit / revenue : null, edge, NO_MISSING);

  const liabilities = numberOrNull(profile.totalLiabilities);
  const assets = numberOrNull(profile.totalAssets);
  if (liabilities === null || assets === null) sheet.banded(I_DEBT, null, edge, missingOf2(liabilities, 'totalLiabilities', assets, 'totalAssets'));
  else sheet.banded(I_DEBT, assets > 0 ? liabilities / assets : null, edge, NO_MISSING);

  // 特色化: the province's indicators [U], each clamped to 0…its max
  const provincial = ctx.config.provincialIndicators;
  let characteristicMax = 0;
  for (let i = 0; i < provincial.length; i++) {
    const p = provincial[i]!;
    characteristicMax += p.max;
    const v = numberOrNull(profile.provincialPoints?.[p.key]);
    if (v === null) sheet.set(-1, p.key, CAT_CHARACTERISTIC, p.max, null, null, null, 0, MISSING_PROVINCIAL);
    else {
      const pts = v < 0 ? 0 : v > p.max ? p.max : v;
      sheet.set(-1, p.key, CAT_CHARACTERISTIC, p.max, pts, 0, pts, 0, NO_MISSING);
    }
  }

  // 创新能力
  scoreIp(sheet, profile);
  scoreRdInput(sheet, rd, revenue, edge);
  const rdStaff = numberOrNull(profile.rdStaff);
  const employees = numberOrNull(profile.employees);
  if (rdStaff === null || employees === null) sheet.banded(I_STAFF, null, edge, missingOf2(rdStaff, 'rdStaff', employees, 'employees'));
  else sheet.banded(I_STAFF, employees > 0 ? rdStaff / employees : null, edge, NO_MISSING);
  const inst = profile.rdInstitutionLevel;
  if (inst === null || inst === undefined) sheet.level(I_INST, null, 0, MISSING_INSTITUTION);
  else sheet.level(I_INST, institutionBand(inst), 0, NO_MISSING);

  const total = sheet.open ? null : sheet.known;

  // ---- B4: score ≥ 60 or a direct alternative ----
  const scoreMet: Met = sheet.lo >= PASS_MARK ? true : sheet.hi < PASS_MARK ? false : null;
  const score = c.add('score-total', 'score', scoreMet, total, PASS_MARK, []);

  const am: ProfileField[] = [];
  const d1 = c.add('direct-science-award', 'direct', awardWithin3Years(profile, yearOf(ctx.on), 5, 3, am), null, null, am);
  const rdPrev = numberOrNull(profile.rdExpensePreviousYear);
  const d2 = rd === null || rdPrev === null
    ? c.add('direct-rd-average', 'direct', null, null, D2_RD_AVERAGE, missingOf2(rd, 'rdExpense', rdPrev, 'rdExpensePreviousYear') as ProfileField[])
    : c.add('direct-rd-average', 'direct', rd + rdPrev >= 2 * D2_RD_AVERAGE, (rd + rdPrev) / 2, D2_RD_AVERAGE, []);
  const d3 = c.minimum('direct-equity-financing', 'direct', profile.equityFinancingLast2Years, 'equityFinancingLast2Years', D3_EQUITY_FINANCING);
  const maker = profile.makerChina;
  const d4 = maker === null || maker === undefined
    ? c.add('direct-maker-china', 'direct', null, null, null, ['makerChina'])
    : c.flag('direct-maker-china', 'direct', maker === 'national-top500' || maker === 'national-top50');

  const direct = or3(or3(d1.met, d2.met), or3(d3.met, d4.met));
  const b4 = or3(score.met, direct);

  const met = and3(and3(and3(scope, title.met), and3(b1.met, b2a.met)), and3(and3(b2b.met, b3), b4));

  // score gaps: when B4 is not surely met and the enterprise is not out of scope
  let scoreGaps: Gap[] | null = null;
  if (met !== true && b4 !== true && scope !== false) scoreGaps = findGaps(sheet, rd, revenue);

  return buildEvaluation(
    { scheme: 'specialised-sme', on: ctx.on, purpose: ctx.purpose, rulesVersion: SPECIALISED_SME_2022_RULES_VERSION },
    met,
    direct === true ? 'direct' : 'score',
    total,
    c,
    { categories: sheet.categories(characteristicMax), indicators: sheet.indicators, unconfirmed: sheet.onEdge ? ['boundaryTakesHigherBand', 'provincialIndicators'] : ['provincialIndicators'] },
    scoreGaps,
  );
}

const MISSING_YEARS: readonly ProfileField[] = ['yearsInNiche'];
const MISSING_FIELD: readonly ProfileField[] = ['productField2022'];
const MISSING_DIGITAL: readonly ProfileField[] = ['digitalisationLevel'];
const MISSING_PROVINCIAL: readonly ProfileField[] = ['provincialPoints'];
const MISSING_INSTITUTION: readonly ProfileField[] = ['rdInstitutionLevel'];

/** The missing ones of two inputs (a fresh list). */
function missingOf2(a: number | null, aName: ProfileField, b: number | null, bName: ProfileField): ProfileField[] {
  const m: ProfileField[] = [];
  if (a === null) m.push(aName);
  if (b === null) m.push(bName);
  return m;
}

/** Indicator 2, exact at every bound; a base year ≤ 0 is uncomputable. */
function scoreGrowth(sheet: ScoreSheet, main: number | null, main1: number | null, main2: number | null, edge: boolean): void {
  if (main === null || main1 === null || main2 === null) {
    const m: ProfileField[] = [];
    if (main === null) m.push('mainBusinessRevenue');
    if (main1 === null) m.push('mainBusinessRevenuePreviousYear');
    if (main2 === null) m.push('mainBusinessRevenueYearBeforePrevious');
    sheet.banded(I_GROWTH, null, edge, m);
    return;
  }
  const g = averageGrowth2y(main, main1, main2);
  if (g === null) {
    sheet.banded(I_GROWTH, null, edge, NO_MISSING);
    return;
  }
  const band = pickGrowthBand(g, main, main1, main2, GROWTH_PCT, edge);
  for (let i = 0; i < GROWTH_PCT.length; i++) {
    const d = g - GROWTH_PCT[i]! / 100;
    if (d < 1e-9 && d > -1e-9 && compareAverageGrowth(g, main, main1, main2, GROWTH_PCT[i]!) === 0) sheet.onEdge = true;
  }
  sheet.set(I_GROWTH, 'main-business-growth-2y', CAT_SPECIALISATION, 10, g, band, T_GROWTH.points[band]!, 0, NO_MISSING);
}

/**
 * Indicator 10: the better of the amount band and the ratio band; value = the amount (yuan). With
 * 营业收入 missing the amount band is certain only when it is the top one; otherwise it is the
 * indicator's lower bound. 营业收入 ≤ 0: only the amount band counts.
 */
function scoreRdInput(sheet: ScoreSheet, rd: number | null, revenue: number | null, edge: boolean): void {
  if (rd === null) {
    sheet.set(I_RD, 'rd-input', CAT_INNOVATION, 10, null, null, null, 0, revenue === null ? ['rdExpense', 'revenue'] : ['rdExpense']);
    return;
  }
  const amountBand = bandAtLeast(rd, T_RD_AMOUNT.bounds, edge);
  if (onBound(rd, T_RD_AMOUNT.bounds)) sheet.onEdge = true;
  if (revenue === null && amountBand > 0) {
    sheet.set(I_RD, 'rd-input', CAT_INNOVATION, 10, rd, null, null, T_RD_AMOUNT.points[amountBand]!, ['revenue']);
    return;
  }
  let band = amountBand;
  if (revenue !== null && revenue > 0) {
    const ratio = rd / revenue;
    const ratioBand = bandAtLeast(ratio, T_RD_RATIO.bounds, edge);
    if (onBound(ratio, T_RD_RATIO.bounds)) sheet.onEdge = true;
    if (ratioBand < band) band = ratioBand;
  }
  sheet.set(I_RD, 'rd-input', CAT_INNOVATION, 10, rd, band, T_RD_AMOUNT.points[band]!, 0, NO_MISSING);
}

/** Quality items met (63号 Annex 2 indicator 6), each counted once. */
function countQualityItems(profile: CultivationProfile): number {
  const items = profile.qualityItems;
  if (items === null || items === undefined || items.length === 0) return 0;
  let n = 0;
  if (items.includes('provincial-quality-award')) n++;
  if (items.includes('quality-system-certified')) n++;
  if (items.includes('own-brand')) n++;
  if (items.includes('standard-drafting')) n++;
  return n;
}

function institutionBand(level: string): number {
  switch (level) {
    case 'national': return 0;
    case 'provincial': return 1;
    case 'municipal': return 2;
    case 'below-municipal': return 3;
    default: return 4;
  }
}

const IP_FIELDS: readonly ProfileField[] = ['ip.class1HighValue', 'ip.class1SelfDeveloped', 'ip.class1', 'ip.class2'];

/**
 * Indicator 9: the best IP class held. A class is read only when every better class is known to
 * be 0; a missing better class leaves the indicator missing, with the points already certain as lo.
 */
function scoreIp(sheet: ScoreSheet, profile: CultivationProfile): void {
  const ip = profile.ip;
  if (ip === null || ip === undefined) {
    sheet.level(I_IP, null, 0, IP_FIELDS);
    return;
  }
  let m: ProfileField[] | null = null;
  for (let b = 0; b < 4; b++) {
    const n = numberOrNull(readIpCount(ip, b as 0 | 1 | 2 | 3));
    if (n === null) (m ??= []).push(IP_FIELDS[b]!);
    else if (n >= 1) {
      if (m === null) sheet.level(I_IP, b, 0, NO_MISSING);
      else sheet.level(I_IP, null, T_IP.points[b]!, m);
      return;
    }
  }
  if (m === null) sheet.level(I_IP, 4, 0, NO_MISSING);
  else sheet.level(I_IP, null, 0, m);
}

// ---- gaps ----
// The gap problem is reused (the evaluation is synchronous): only bands, values and indicator 10's
// bounds change per call. Only the indicators that can still gain points are passed to the search
// (all in one category: the table has no minimums), the ones that can gain most first; the points
// of the others, the province's included, are one block held as it is. Missing indicators are left
// out (held at 0).
const GAP_FIXED: ScoreGapIndicator[] = SPECS.map((s) => ({ category: 0, points: s.table.points, bounds: s.table.bounds, band: null, value: null }));
const RD_GAP_BOUNDS: number[] = T_RD_AMOUNT.bounds.slice();
GAP_FIXED[I_RD]!.bounds = RD_GAP_BOUNDS;
const HELD_POINTS: number[] = [0];
const HELD: ScoreGapIndicator = { category: 0, points: HELD_POINTS, bounds: [NEG], band: 0, value: null };
const PROBLEM: ScoreGapIndicator[] = [];
/** PROBLEM index → fixed indicator index */
const PROBLEM_INDEX: number[] = [];
const ONE_CATEGORY: readonly null[] = [null];

/**
 * The smallest set of indicator changes reaching 60 (findScoreGaps). Indicator 10's bounds are the
 * R&D expense each band needs: min(amount, ratio × 营业收入), rounded up to whole yuan. The
 * province's 特色化 points (scored by the officer) are held as they are.
 */
function maxGainOf(g: ScoreGapIndicator): number {
  return g.points[0]! - g.points[g.band!]!;
}

function findGaps(sheet: ScoreSheet, rd: number | null, revenue: number | null): Gap[] {
  PROBLEM.length = 0;
  PROBLEM_INDEX.length = 0;
  let held = sheet.catPoints[CAT_CHARACTERISTIC]!;
  for (let i = 0; i < N_FIXED; i++) {
    const b = sheet.band[i]!;
    if (b < 0) continue;
    const points = SPECS[i]!.table.points;
    if (b === 0 || points[0] === points[b]) {
      held += points[b]!;
      continue;
    }
    const g = GAP_FIXED[i]!;
    g.band = b;
    g.value = i === I_RD ? rd : sheet.value[i]!;
    // insertion by the most points the indicator can still gain, descending, stable (table order
    // among equals): the search then finds good sets first and prunes far more (about 2× faster);
    // equally good sets go to the indicator that can gain the most
    const gain = points[0]! - points[b]!;
    let at = PROBLEM.length;
    PROBLEM.push(g);
    PROBLEM_INDEX.push(i);
    for (; at > 0 && maxGainOf(PROBLEM[at - 1]!) < gain; at--) {
      PROBLEM[at] = PROBLEM[at - 1]!;
      PROBLEM_INDEX[at] = PROBLEM_INDEX[at - 1]!;
    }
    PROBLEM[at] = g;
    PROBLEM_INDEX[at] = i;
  }
  if (PROBLEM.length === 0) return [];
  for (let b = 0; b < RD_RATIO_PCT.length; b++) {
    const amount = T_RD_AMOUNT.bounds[b]!;
    const byRatio = revenue === null || !(revenue > 0) ? amount : Math.ceil((RD_RATIO_PCT[b]! * revenue) / 100);
    RD_GAP_BOUNDS[b] = byRatio < amount ? byRatio : amount;
  }
  HELD_POINTS[0] = held;
  PROBLEM.push(HELD);
  const solution = findScoreGaps({ indicators: PROBLEM, categoryMinimums: ONE_CATEGORY, passMark: PASS_MARK });
  if (solution === null || solution.changes.length === 0) return [];
  const gaps: Gap[] = [];
  for (let j = 0; j < solution.changes.length; j++) {
    const ch = solution.changes[j]!;
    const spec = SPECS[PROBLEM_INDEX[ch.indicator]!]!;
    if (spec.edgeConfigurable) sheet.onEdge = true; // the reading decides whether reaching `to` exactly is enough
    gaps.push({ kind: 'indicator', key: spec.key, from: ch.from, to: ch.to, points: ch.points });
  }
  return gaps;
}

export const SPECIALISED_SME_2022: SchemeRules = { definition: SPECIALISED_SME_2022_DEFINITION, evaluate };
