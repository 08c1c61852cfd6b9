/**
 * 创新型中小企业评价标准 — 《优质中小企业梯度培育管理暂行办法》(工信部企业〔2022〕63号) 附件1,
 * as transcribed in ../shared/reference/official-rules.md §1.1. It is still the standard in 2026:
 * 工信部企业〔2026〕2号 第三十条 keeps it until a merged 科技和创新型 standard is published (§0), so
 * evaluate-cultivation.ts returns this version on every date from 2022-06-01.
 *
 * An enterprise qualifies when it is in scope (all scope conditions) AND either
 *   - meets one direct route (直接认定, any one of A1–A4), or
 *   - scores: total ≥ 60 of 100 AND 创新能力 ≥ 20 AND 成长性 ≥ 15 AND 专业化 ≥ 15.
 *     (One third-party encoding uses 24/18/18: wrong, §1.1; the minimums are 20/15/15.)
 *
 * Readings (decisions where the text is not explicit), each also stated where it is coded:
 * - A value exactly on a band edge takes the higher band when config.boundaryTakesHigherBand
 *   (default; "以上/以下含本数", a third-party reading [U]). It applies to the four ratio
 *   indicators; the IP levels ("1项以上") and the 战略性新兴产业 flag are not band edges.
 *   'boundaryTakesHigherBand' is added to Evaluation.unconfirmed only when the reading mattered:
 *   a ratio sits exactly on one of its bounds, or a gap asks a ratio to reach a bound.
 * - A ratio whose denominator is ≤ 0 (revenue, total assets, or the previous year's main-business
 *   revenue for the growth rate) cannot be computed: the indicator has value, band and points
 *   null with an EMPTY `missing` list (its inputs are present) — "uncomputable", for the officer
 *   to judge — and counts, like a missing input, as anywhere between 0 and its maximum when the
 *   outcome is decided. It is never read as 0 % growth.
 * - "近三年获得科技奖励" (A1): the award year is ≥ the evaluation year − 3 (awarded in 2022
 *   counts in evaluations dated 2022–2025, not 2026).
 * - The 战略性新兴产业 flag and the lists (honours, scopeIssues) are declarations: absent means
 *   "not declared" (cultivation-profile.ts), so an absent flag scores the 5 points of "other".
 *   The other inputs of the direct routes (scienceAward, rdInstitutionLevel,
 *   equityFinancingLast3Years) are missing when absent.
 * - SME scope: the enterprise is an SME as soon as one known size indicator is below its sector's
 *   cap (工信部联企业〔2011〕300号, same bounds as classifySmeSize); large when every indicator is
 *   at or above its cap; missing otherwise.
 * - Gaps (find-score-gaps.ts): computed when the enterprise is not excluded by scope, no direct
 *   route is met and the score does not surely pass; missing indicators are held at 0 points, so
 *   the gaps suffice whatever the missing inputs turn out to be.
 *
 * Hot path (batch evaluation, ≥ 200,000 profiles a second): no string building, precomputed
 * band tables, a handful of small objects per call.
 */
import type { CultivationProfile, ProfileField, ScopeIssueKey } from './cultivation-profile.js';
import { SCOPE_ISSUES } from './cultivation-profile.js';
import type { CategoryScore, ConditionResult, Evaluation, EvaluationOutcome, Gap, IndicatorScore, SchemeDefinition } from './cultivation-evaluation.js';
import type { EvaluationContext, SchemeRules } from './evaluate-cultivation.js';
import { pickBand, type Band, type BandDirection } from './score-bands.js';
import { readIpCount } from './read-ip-count.js';
import { isSme, or3, SCOPE_CONDITION_WORDS, yearOf } from './cultivation-metrics.js';
import { findScoreGaps, type ScoreGapIndicator, type ScoreGapProblem } from './find-score-gaps.js';

export const INNOVATIVE_SME_RULES_VERSION = '工信部企业〔2022〕63号 附件1';

/** 63号 Annex 1: pass mark and category minimums (创新能力 20, 成长性 15, 专业化 15). */
export const INNOVATIVE_SME_PASS_MARK = 60;
/** 63号 Annex 1 A4: new equity financing in the last 3 years ≥ 500万元 (yuan). */
export const INNOVATIVE_SME_EQUITY_FINANCING_MIN = 5_000_000;
/** 63号 Annex 1 A1: awards of the last 3 years (award year ≥ evaluation year − 3). */
export const INNOVATIVE_SME_AWARD_YEARS = 3;
/** 63号 Annex 1 A2: the honours that qualify directly. */
export const INNOVATIVE_SME_DIRECT_HONOURS = ['high-tech-enterprise', 'national-tech-innovation-demo', 'ip-advantage', 'ip-demo'] as const;

type CategoryKey = 'innovation' | 'growth' | 'specialisation';
const CATEGORY_KEYS: readonly CategoryKey[] = ['innovation', 'growth', 'specialisation'];
const CATEGORY_MAX = [40, 30, 30] as const;
const CATEGORY_MIN = [20, 15, 15] as const;

interface IndicatorTable {
  key: string;
  category: number;
  direction: BandDirection;
  bands: readonly Band[];
  /** bounds / points as flat arrays (best first), for the gap search */
  bounds: readonly number[];
  points: readonly number[];
  /** whether a value can sit on a band edge (ratios); false for levels and flags */
  edgeReading: boolean;
}

function table(key: string, category: number, direction: BandDirection, bands: readonly Band[], edgeReading: boolean): IndicatorTable {
  return { key, category, direction, bands, bounds: bands.map((b) => b.bound), points: bands.map((b) => b.points), edgeReading };
}

const INF = Infinity;
/**
 * The six indicators of 63号 Annex 1 (official-rules.md §1.1), bands best first.
 * ① IP: the metric is the band index itself (unit 'level': 0 = Ⅰ类高价值 ≥1 … 4 = none), so the
 *   explainer shows it as the band's words; lower is better.
 */
const IP = table('intellectual-property', 0, 'lower-is-better', [
  { bound: 0, points: 20 }, // A Ⅰ类高价值知识产权 ≥ 1
  { bound: 1, points: 15 }, // B 自主研发 Ⅰ类 ≥ 1
  { bound: 2, points: 10 }, // C Ⅰ类 ≥ 1
  { bound: 3, points: 5 }, //  D Ⅱ类 ≥ 1
  { bound: INF, points: 0 }, // E none
], false);
/** ② 上年度研发费用 ÷ 营业收入: ≥5% 20; 3–5% 15; 2–3% 10; 1–2% 5; <1% 0. */
const RD = table('rd-ratio', 0, 'higher-is-better', [
  { bound: 0.05, points: 20 },
  { bound: 0.03, points: 15 },
  { bound: 0.02, points: 10 },
  { bound: 0.01, points: 5 },
  { bound: -INF, points: 0 },
], true);
/** ③ 上年度主营业务收入增长率: ≥15% 20; 10–15% 15; 5–10% 10; 0–5% 5; <0% 0. */
const GROWTH = table('main-revenue-growth', 1, 'higher-is-better', [
  { bound: 0.15, points: 20 },
  { bound: 0.1, points: 15 },
  { bound: 0.05, points: 10 },
  { bound: 0, points: 5 },
  { bound: -INF, points: 0 },
], true);
/** ④ 上年度资产负债率 (lower is better): ≤55% 10; 55–75% 5; >75% 0. */
const DEBT = table('debt-ratio', 1, 'lower-is-better', [
  { bound: 0.55, points: 10 },
  { bound: 0.75, points: 5 },
  { bound: INF, points: 0 },
], true);
/** ⑤ 主导产品所属领域: in 《战略性新兴产业分类》 10; other 5 (metric: 1 yes, 0 no). */
const SEI = table('strategic-emerging-industry', 2, 'higher-is-better', [
  { bound: 1, points: 10 },
  { bound: -INF, points: 5 },
], false);
/** ⑥ 上年度主营业务收入 ÷ 营业收入: ≥70% 20; 60–70% 15; 55–60% 10; 50–55% 5; <50% 0. */
const SHARE = table('main-business-share', 2, 'higher-is-better', [
  { bound: 0.7, points: 20 },
  { bound: 0.6, points: 15 },
  { bound: 0.55, points: 10 },
  { bound: 0.5, points: 5 },
  { bound: -INF, points: 0 },
], true);

const TABLES: readonly IndicatorTable[] = [IP, RD, GROWTH, DEBT, SEI, SHARE];
const N = TABLES.length;

// ---- conditions ----
const SCOPE_KEYS: readonly string[] = SCOPE_ISSUES.map((s) => `scope-${s.key}`);
const SCOPE_ISSUE_KEYS: readonly ScopeIssueKey[] = SCOPE_ISSUES.map((s) => s.key);

const EMPTY: readonly ProfileField[] = Object.freeze([]) as readonly ProfileField[];
const IP_FIELDS: readonly ProfileField[] = ['ip.class1HighValue', 'ip.class1SelfDeveloped', 'ip.class1', 'ip.class2'];

export const INNOVATIVE_SME_DEFINITION: SchemeDefinition = {
  scheme: 'innovative-sme',
  rulesVersion: INNOVATIVE_SME_RULES_VERSION,
  source: {
    zh: '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件1《创新型中小企业评价标准》；工信部企业〔2026〕2号施行后，合并新标准发布前沿用',
    en: 'MIIT 工信部企业〔2022〕63号, Annex 1: evaluation standard for innovative SMEs (still applied under 工信部企业〔2026〕2号 until a merged standard is published)',
  },
  passMark: INNOVATIVE_SME_PASS_MARK,
  maxTotal: 100,
  categories: {
    innovation: { zh: '创新能力', en: 'innovation capability' },
    growth: { zh: '成长性', en: 'growth' },
    specialisation: { zh: '专业化', en: 'specialisation' },
  },
  indicators: {
    'intellectual-property': {
      zh: '与主导产品相关的有效知识产权',
      en: 'valid IP related to the main product',
      unit: 'level',
      bands: [
        { zh: 'Ⅰ类高价值知识产权1项以上', en: 'at least 1 high-value class Ⅰ IP item' },
        { zh: '自主研发Ⅰ类知识产权1项以上', en: 'at least 1 self-developed class Ⅰ IP item' },
        { zh: 'Ⅰ类知识产权1项以上', en: 'at least 1 class Ⅰ IP item' },
        { zh: 'Ⅱ类知识产权1项以上', en: 'at least 1 class Ⅱ IP item' },
        { zh: '无', en: 'none' },
      ],
    },
    'rd-ratio': {
      zh: '上年度研发费用总额占营业收入总额比重',
      en: 'prior-year R&D expense as a share of revenue',
      unit: 'ratio',
      bands: [
        { zh: '5%及以上', en: '5% or more' },
        { zh: '3%–5%', en: '3%–5%' },
        { zh: '2%–3%', en: '2%–3%' },
        { zh: '1%–2%', en: '1%–2%' },
        { zh: '1%以下', en: 'below 1%' },
      ],
    },
    'main-revenue-growth': {
      zh: '上年度主营业务收入增长率',
      en: 'prior-year growth of main-business revenue',
      unit: 'ratio',
      bands: [
        { zh: '15%及以上', en: '15% or more' },
        { zh: '10%–15%', en: '10%–15%' },
        { zh: '5%–10%', en: '5%–10%' },
        { zh: '0–5%', en: '0–5%' },
        { zh: '0以下', en: 'below 0' },
      ],
    },
    'debt-ratio': {
      zh: '上年度资产负债率',
      en: 'prior-year debt-to-asset ratio',
      unit: 'ratio',
      bands: [
        { zh: '55%及以下', en: '55% or less' },
        { zh: '55%–75%', en: '55%–75%' },
        { zh: '75%以上', en: 'above 75%' },
      ],
    },
    'strategic-emerging-industry': {
      zh: '主导产品属于《战略性新兴产业分类》',
      en: 'main product in the Strategic Emerging Industries Classification',
      unit: 'flag',
      bands: [
        { zh: '属于《战略性新兴产业分类》', en: 'in the classification' },
        { zh: '其他领域', en: 'other fields' },
      ],
    },
    'main-business-share': {
      zh: '上年度主营业务收入总额占营业收入总额比重',
      en: 'prior-year main-business revenue as a share of revenue',
      unit: 'ratio',
      bands: [
        { zh: '70%及以上', en: '70% or more' },
        { zh: '60%–70%', en: '60%–70%' },
        { zh: '55%–60%', en: '55%–60%' },
        { zh: '50%–55%', en: '50%–55%' },
        { zh: '50%以下', en: 'below 50%' },
      ],
    },
  },
  conditions: {
    ...SCOPE_CONDITION_WORDS,
    'direct-science-award': { zh: '近三年获得国家级、省级科技奖励（获奖距今年数）', en: 'national or provincial S&T award in the last 3 years (years since the award)', unit: 'years' },
    'direct-honour': { zh: '获得高新技术企业、国家级技术创新示范企业、知识产权优势企业、知识产权示范企业等荣誉（有效期内）', en: 'holds a valid honour: high-tech enterprise, national technology-innovation demonstration enterprise, IP advantage or IP demonstration enterprise', unit: 'flag' },
    'direct-rd-institution': { zh: '拥有经认定的省部级以上研发机构', en: 'has a recognised R&D institution at provincial/ministerial level or above', unit: 'flag' },
    'direct-equity-financing': { zh: '近三年新增股权融资总额（合格机构投资者的实缴额）500万元以上', en: 'new equity financing in the last 3 years (paid in by qualified institutional investors) of at least 5 million yuan', unit: 'yuan' },
    'score-total': { zh: '评分合计达到60分', en: 'total score of at least 60', unit: 'points' },
  },
};

// ---- per-call scratch for the indicator reading (synchronous, so never shared) ----
const iValue = new Float64Array(N);
const iHasValue = new Uint8Array(N);
const iBand = new Int8Array(N);
/** lowest and highest points the indicator may give (equal when known) */
const iLo = new Float64Array(N);
const iHi = new Float64Array(N);

// the gap problem, reused: only band and value change per call
const GAP_INDICATORS: ScoreGapIndicator[] = TABLES.map((t) => ({ category: t.category, points: t.points, bounds: t.bounds, band: null, value: null }));
const GAP_PROBLEM: ScoreGapProblem = { indicators: GAP_INDICATORS, categoryMinimums: CATEGORY_MIN, passMark: INNOVATIVE_SME_PASS_MARK };

function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number';
}

function evaluate(profile: CultivationProfile, ctx: EvaluationContext): Evaluation {
  const edgeBetter = ctx.config.boundaryTakesHigherBand;
  const missing: ProfileField[] = [];
  let onEdge = false;

  // ---------- indicators ----------
  const indicators: IndicatorScore[] = new Array<IndicatorScore>(N);
  // ① IP level, from the highest class down; a missing count above the first positive one leaves it open
  {
    const ip = profile.ip;
    let band = -1;
    let open = -1; // first (best) level whose count is missing
    let miss: ProfileField[] | null = null;
    if (ip === null || ip === undefined) {
      miss = IP_FIELDS.slice();
      open = 0;
    } else {
      for (let l = 0; l < 4; l++) {
        const c = readIpCount(ip, l as 0 | 1 | 2 | 3);
        if (c === null) {
          if (open < 0) open = l;
          (miss ??= []).push(IP_FIELDS[l]!);
        } else if (c >= 1) {
          band = l;
          break;
        }
      }
      if (band < 0 && open < 0) band = 4;
    }
    if (miss === null) setKnown(0, band, band);
    else {
      iHasValue[0] = 0;
      iBand[0] = -1;
      iLo[0] = band < 0 ? 0 : IP.points[band]!;
      iHi[0] = IP.points[open]!;
    }
    indicators[0] = indicatorOf(0, miss ?? EMPTY, missing);
  }
  // ② R&D ratio
  onEdge = ratio(1, profile.rdExpense, profile.revenue, 'rdExpense', 'revenue', edgeBetter, indicators, missing) || onEdge;
  // ③ growth of main-business revenue: (this − previous) ÷ previous; previous ≤ 0 is uncomputable
  {
    const cur = profile.mainBusinessRevenue;
    const prev = profile.mainBusinessRevenuePreviousYear;
    if (!isNum(cur) || !isNum(prev)) {
      const miss: ProfileField[] = [];
      if (!isNum(cur)) miss.push('mainBusinessRevenue');
      if (!isNum(prev)) miss.push('mainBusinessRevenuePreviousYear');
      setOpen(2);
      indicators[2] = indicatorOf(2, miss, missing);
    } else if (prev <= 0) {
      setOpen(2);
      indicators[2] = indicatorOf(2, EMPTY, missing);
    } else {
      const v = (cur - prev) / prev;
      onEdge = read(2, v, edgeBetter) || onEdge;
      indicators[2] = indicatorOf(2, EMPTY, missing);
    }
  }
  // ④ debt ratio
  onEdge = ratio(3, profile.totalLiabilities, profile.totalAssets, 'totalLiabilities', 'totalAssets', edgeBetter, indicators, missing) || onEdge;
  // ⑤ 战略性新兴产业: a declaration, absent = not declared (other field, 5 points)
  {
    const v = profile.strategicEmergingIndustry === true ? 1 : 0;
    setKnown(4, v, v === 1 ? 0 : 1);
    indicators[4] = indicatorOf(4, EMPTY, missing);
  }
  // ⑥ main-business share
  onEdge = ratio(5, profile.mainBusinessRevenue, profile.revenue, 'mainBusinessRevenue', 'revenue', edgeBetter, indicators, missing) || onEdge;

  // ---------- categories and the score ----------
  let total = 0;
  let totalKnown = true;
  let loTotal = 0;
  let hiTotal = 0;
  const catLo = [0, 0, 0];
  const catHi = [0, 0, 0];
  const catKnown = [true, true, true];
  for (let i = 0; i < N; i++) {
    const c = TABLES[i]!.category;
    catLo[c]! += iLo[i]!;
    catHi[c]! += iHi[i]!;
    loTotal += iLo[i]!;
    hiTotal += iHi[i]!;
    if (iBand[i]! < 0) {
      totalKnown = false;
      catKnown[c] = false;
    } else total += iLo[i]!;
  }
  let passLo = loTotal >= INNOVATIVE_SME_PASS_MARK;
  let passHi = hiTotal >= INNOVATIVE_SME_PASS_MARK;
  const categories: CategoryScore[] = new Array<CategoryScore>(3);
  for (let c = 0; c < 3; c++) {
    const min = CATEGORY_MIN[c]!;
    const lo = catLo[c]!;
    const hi = catHi[c]!;
    if (lo < min) passLo = false;
    if (hi < min) passHi = false;
    categories[c] = {
      key: CATEGORY_KEYS[c]!,
      points: catKnown[c] ? lo : null,
      max: CATEGORY_MAX[c]!,
      minimum: min,
      met: lo >= min ? true : hi < min ? false : null,
    };
  }
  const score: boolean | null = passLo ? true : passHi ? null : false;

  // ---------- conditions ----------
  const conditions: ConditionResult[] = [];
  // scope: SME size
  let scope: boolean | null = true;
  {
    const c = smeCondition(profile);
    conditions.push(c);
    pushAll(missing, c.missing);
    if (c.met === false) scope = false;
    else if (c.met === null) scope = null;
  }
  // scope: declared issues (absent list = none declared)
  const issues = profile.scopeIssues;
  for (let s = 0; s < SCOPE_KEYS.length; s++) {
    const declared = issues !== null && issues !== undefined && issues.includes(SCOPE_ISSUE_KEYS[s]!);
    if (declared) scope = false;
    conditions.push({ key: SCOPE_KEYS[s]!, group: 'scope', met: !declared, value: null, threshold: null, missing: [] });
  }
  // direct routes
  let direct: boolean | null = false;
  const evalYear = yearOf(ctx.on);
  // A1: award year ≥ evaluation year − 3 (value: years since the award, threshold 3)
  {
    const award = profile.scienceAward;
    let c: ConditionResult;
    if (award === null || award === undefined) c = cond('direct-science-award', null, null, INNOVATIVE_SME_AWARD_YEARS, ['scienceAward']);
    else if (award.level === 'none') c = cond('direct-science-award', false, null, INNOVATIVE_SME_AWARD_YEARS, EMPTY);
    else if (!isNum(award.year)) c = cond('direct-science-award', null, null, INNOVATIVE_SME_AWARD_YEARS, ['scienceAward']);
    else {
      const since = evalYear - award.year;
      // an award dated after the evaluation is not "in the last 3 years"
      c = cond('direct-science-award', since >= 0 && since <= INNOVATIVE_SME_AWARD_YEARS, since, INNOVATIVE_SME_AWARD_YEARS, EMPTY);
    }
    direct = or3(direct, c.met);
    pushAll(missing, c.missing);
    conditions.push(c);
  }
  // A2: a valid honour (a declaration list: absent = none)
  {
    const h = profile.honours;
    let met = false;
    if (h !== null && h !== undefined) {
      for (let i = 0; i < INNOVATIVE_SME_DIRECT_HONOURS.length; i++) if (h.includes(INNOVATIVE_SME_DIRECT_HONOURS[i]!)) met = true;
    }
    direct = or3(direct, met);
    conditions.push(cond('direct-honour', met, null, null, EMPTY));
  }
  // A3: R&D institution at provincial/ministerial level or above
  {
    const lvl = profile.rdInstitutionLevel;
    const c = lvl === null || lvl === undefined
      ? cond('direct-rd-institution', null, null, null, ['rdInstitutionLevel'])
      : cond('direct-rd-institution', lvl === 'provincial' || lvl === 'national', null, null, EMPTY);
    direct = or3(direct, c.met);
    pushAll(missing, c.missing);
    conditions.push(c);
  }
  // A4: equity financing in the last 3 years ≥ 500万元
  {
    const f = profile.equityFinancingLast3Years;
    const c = isNum(f)
      ? cond('direct-equity-financing', f >= INNOVATIVE_SME_EQUITY_FINANCING_MIN, f, INNOVATIVE_SME_EQUITY_FINANCING_MIN, EMPTY)
      : cond('direct-equity-financing', null, null, INNOVATIVE_SME_EQUITY_FINANCING_MIN, ['equityFinancingLast3Years']);
    direct = or3(direct, c.met);
    pushAll(missing, c.missing);
    conditions.push(c);
  }
  // the score's total (the category minimums are in `categories`)
  {
    const scoreMissing: ProfileField[] = [];
    if (!totalKnown) {
      for (let i = 0; i < N; i++) pushAll(scoreMissing, indicators[i]!.missing);
    }
    const met = loTotal >= INNOVATIVE_SME_PASS_MARK ? true : hiTotal < INNOVATIVE_SME_PASS_MARK ? false : null;
    conditions.push({ key: 'score-total', group: 'score', met, value: totalKnown ? total : null, threshold: INNOVATIVE_SME_PASS_MARK, missing: scoreMissing });
  }

  // ---------- outcome ----------
  let outcome: EvaluationOutcome;
  if (scope === false) outcome = 'not-qualified';
  else if (scope === true && (direct === true || score === true)) outcome = 'qualified';
  else if (direct === false && score === false) outcome = 'not-qualified';
  else outcome = 'incomplete';
  const qualified = outcome === 'qualified';

  // ---------- gaps ----------
  let gaps: Gap[] = [];
  if (scope !== false && direct !== true && score !== true) {
    for (let i = 0; i < N; i++) {
      const g = GAP_INDICATORS[i]!;
      const b = iBand[i]!;
      g.band = b < 0 ? null : b;
      g.value = b < 0 ? null : iValue[i]!;
    }
    const found = findScoreGaps(GAP_PROBLEM);
    if (found !== null && found.changes.length > 0) {
      gaps = new Array<Gap>(found.changes.length);
      for (let j = 0; j < found.changes.length; j++) {
        const ch = found.changes[j]!;
        const t = TABLES[ch.indicator]!;
        if (t.edgeReading) onEdge = true; // the reading decides whether reaching `to` exactly is enough
        gaps[j] = { kind: 'indicator', key: t.key, from: ch.from, to: ch.to, points: ch.points };
      }
    }
  }

  return {
    scheme: 'innovative-sme',
    on: ctx.on,
    purpose: ctx.purpose,
    rulesVersion: INNOVATIVE_SME_RULES_VERSION,
    outcome,
    qualified,
    route: qualified ? (direct === true ? 'direct' : 'score') : null,
    total: totalKnown ? total : null,
    categories,
    indicators,
    conditions,
    gaps,
    missing,
    unconfirmed: onEdge ? ['boundaryTakesHigherBand'] : [],
  };
}

/** A known metric read on its bands; returns whether it sits exactly on a finite bound. */
function read(i: number, value: number, edgeBetter: boolean): boolean {
  const t = TABLES[i]!;
  const band = pickBand(value, t.bands, t.direction, edgeBetter);
  setKnown(i, value, band);
  const bounds = t.bounds;
  for (let b = 0; b < bounds.length - 1; b++) if (bounds[b] === value) return true;
  return false;
}

function setKnown(i: number, value: number, band: number): void {
  iValue[i] = value;
  iHasValue[i] = 1;
  iBand[i] = band;
  iLo[i] = iHi[i] = TABLES[i]!.points[band]!;
}

/** Missing or uncomputable: anywhere from 0 to the indicator's maximum. */
function setOpen(i: number): void {
  iHasValue[i] = 0;
  iBand[i] = -1;
  iLo[i] = 0;
  iHi[i] = TABLES[i]!.points[0]!;
}

/** numerator ÷ denominator on indicator i; a denominator ≤ 0 makes it uncomputable. */
function ratio(
  i: number,
  num: number | null | undefined,
  den: number | null | undefined,
  numField: ProfileField,
  denField: ProfileField,
  edgeBetter: boolean,
  out: IndicatorScore[],
  missing: ProfileField[],
): boolean {
  if (!isNum(num) || !isNum(den)) {
    const miss: ProfileField[] = [];
    if (!isNum(num)) miss.push(numField);
    if (!isNum(den)) miss.push(denField);
    setOpen(i);
    out[i] = indicatorOf(i, miss, missing);
    return false;
  }
  if (den <= 0) {
    setOpen(i);
    out[i] = indicatorOf(i, EMPTY, missing);
    return false;
  }
  const edge = read(i, num / den, edgeBetter);
  out[i] = indicatorOf(i, EMPTY, missing);
  return edge;
}

function indicatorOf(i: number, miss: readonly ProfileField[], missing: ProfileField[]): IndicatorScore {
  const t = TABLES[i]!;
  const band = iBand[i]!;
  if (miss.length) pushAll(missing, miss);
  return {
    key: t.key,
    category: CATEGORY_KEYS[t.category]!,
    value: iHasValue[i] ? iValue[i]! : null,
    band: band < 0 ? null : band,
    points: band < 0 ? null : t.points[band]!,
    max: t.points[0]!,
    missing: miss === EMPTY ? [] : (miss as ProfileField[]),
  };
}

function cond(key: string, met: boolean | null, value: number | null, threshold: number | null, miss: readonly ProfileField[]): ConditionResult {
  return { key, group: 'direct', met, value, threshold, missing: miss === EMPTY ? [] : (miss as ProfileField[]) };
}

/** Whether the enterprise is an SME (工信部联企业〔2011〕300号): below at least one of its sector's caps. */
function smeCondition(profile: CultivationProfile): ConditionResult {
  const missing: ProfileField[] = [];
  const met = isSme(profile, missing);
  return { key: 'sme-size', group: 'scope', met, value: null, threshold: null, missing: met === true ? [] : missing };
}

function pushAll(into: ProfileField[], from: readonly ProfileField[]): void {
  for (let i = 0; i < from.length; i++) if (!into.includes(from[i]!)) into.push(from[i]!);
}


/**
 * 创新型中小企业评价 (工信部企业〔2022〕63号 附件1), the rule version for every date from 2022-06-01.
 * evaluate(profile, ctx) is pure: money in yuan, ratios as fractions; see the file comment for the
 * readings of the unclear points.
 */
export const INNOVATIVE_SME_2022: SchemeRules = {
  definition: INNOVATIVE_SME_DEFINITION,
  evaluate,
};
