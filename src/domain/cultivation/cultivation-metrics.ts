/**
 * Shared pieces of the condition-based cultivation rules (专精特新 2022/2026, 小巨人 2022/2026):
 * three-valued logic for "met / not met / depends on a missing input", exact comparisons of
 * ratios and growth rates on whole-yuan inputs, the S&T-award window, the SME scope check, and a
 * small builder that collects conditions, missing fields and gaps into an Evaluation.
 *
 * Exactness. Money is whole yuan, so a ratio condition "a ÷ b ≥ p/q" is decided as a·q ≥ b·p in
 * integers (a BigInt fallback when a product leaves the safe-integer range). A ratio read on score
 * bands is a correctly rounded quotient, which equals the band's decimal literal exactly when the
 * true ratio does (30,000 ÷ 1,000,000 is the same double as 0.03), and stays on the right side of
 * it otherwise (for amounts below 10¹³ yuan the true ratios differ from a bound by far more than
 * half an ulp), so bands are exact too. Growth averaged over two years is not (three roundings),
 * so it is decided in integers whenever the float value is within 1e-9 of a bound.
 *
 * Speed: everything here runs inside the batch evaluation (200,000 profiles a second): no string
 * is built, and little is allocated beyond the Evaluation itself.
 */
import { SIZE_SECTORS, type SizeSector } from '../enterprises/size-sectors.js';
import { smeSizeBound, smeSizeIndicators, type SmeSizeIndicator } from './classify-sme-size.js';
import type { CultivationProfile, HonourKey, ProfileField, QualitativeClaimKey, ScienceAwardLevel } from './cultivation-profile.js';
import { SCOPE_ISSUES } from './cultivation-profile.js';
import type { ConditionGroup, ConditionResult, Evaluation, EvaluationOutcome, Gap } from './cultivation-evaluation.js';

/** true: met; false: not met; null: depends on an input that is missing. */
export type Met = boolean | null;

/** Three-valued AND (Kleene): false wins, then unknown. */
export function and3(a: Met, b: Met): Met {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

/** Three-valued OR (Kleene): true wins, then unknown. */
export function or3(a: Met, b: Met): Met {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

export function outcomeOf(met: Met): EvaluationOutcome {
  return met === true ? 'qualified' : met === false ? 'not-qualified' : 'incomplete';
}

/** A usable number (finite), or null: absent, null and non-finite values are all "missing". */
export function numberOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The calendar year of a YYYY-MM-DD date, without building a string. */
export function yearOf(on: string): number {
  return (on.charCodeAt(0) - 48) * 1000 + (on.charCodeAt(1) - 48) * 100 + (on.charCodeAt(2) - 48) * 10 + (on.charCodeAt(3) - 48);
}

/**
 * sign(a·p − b·q) (−1, 0, 1), exact when a and b are integers (p and q are the rule's small integer
 * constants): a product outside the safe-integer range is recomputed in BigInt. Fractional inputs
 * are compared in floating point.
 */
export function compareProducts(a: number, p: number, b: number, q: number): number {
  const l = a * p;
  const r = b * q;
  if ((Number.isSafeInteger(l) && Number.isSafeInteger(r)) || !Number.isInteger(a) || !Number.isInteger(b)) {
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const bl = BigInt(a) * BigInt(p);
  const br = BigInt(b) * BigInt(q);
  return bl < br ? -1 : bl > br ? 1 : 0;
}

/** sign(num ÷ den − p ÷ q) for den > 0, exact for whole numbers; null when den ≤ 0 (no ratio). */
export function compareRatio(num: number, den: number, p: number, q: number): number | null {
  if (!(den > 0)) return null;
  return compareProducts(num, q, den, p);
}

/**
 * Average yearly growth over the last 2 years, (g₁ + g₂) ÷ 2 with g₁ = (m − m₁) ÷ m₁ and
 * g₂ = (m₁ − m₂) ÷ m₂ (m = prior year, m₁ the year before, m₂ the year before that), as the 63号
 * annexes define "近2年…平均增长率". Null when a base year is ≤ 0 (the growth rate is undefined).
 */
export function averageGrowth2y(m: number, m1: number, m2: number): number | null {
  if (!(m1 > 0) || !(m2 > 0)) return null;
  return ((m - m1) / m1 + (m1 - m2) / m2) / 2;
}

/**
 * sign(averageGrowth2y − bound), exact for whole numbers: near the bound (within 1e-9) it is
 * decided as (m − m₁)·m₂ + (m₁ − m₂)·m₁ vs 2·bound·m₁·m₂ in BigInt, with bound = pct ÷ 100.
 * `growth` is averageGrowth2y of the same inputs (non-null).
 */
export function compareAverageGrowth(growth: number, m: number, m1: number, m2: number, pct: number): number {
  const bound = pct / 100;
  const d = growth - bound;
  if (d > 1e-9 || d < -1e-9 || !Number.isInteger(m) || !Number.isInteger(m1) || !Number.isInteger(m2) || !Number.isInteger(pct)) {
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }
  const M = BigInt(m);
  const M1 = BigInt(m1);
  const M2 = BigInt(m2);
  const lhs = 100n * ((M - M1) * M2 + (M1 - M2) * M1);
  const rhs = 2n * BigInt(pct) * M1 * M2;
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/**
 * The band of a two-year average growth on bounds given in whole percent (best first, the last
 * band catching the rest), exact at every bound. `edgeTakesBetterBand` as in pickBand.
 */
export function pickGrowthBand(growth: number, m: number, m1: number, m2: number, boundsPct: readonly number[], edgeTakesBetterBand: boolean): number {
  for (let i = 0; i < boundsPct.length; i++) {
    const s = compareAverageGrowth(growth, m, m1, m2, boundsPct[i]!);
    if (s > 0 || (s === 0 && edgeTakesBetterBand)) return i;
  }
  return boundsPct.length;
}

/** The profile declares the honour (an absent list declares none). */
export function holds(profile: CultivationProfile, honour: HonourKey): boolean {
  const h = profile.honours;
  return h !== null && h !== undefined && h.includes(honour);
}

/** The profile declares the qualitative claim (an absent list declares none). */
export function claims(profile: CultivationProfile, claim: QualitativeClaimKey): boolean {
  const c = profile.qualitativeClaims;
  return c !== null && c !== undefined && c.includes(claim);
}

/**
 * "In the last 3 years (近三年) the enterprise won an S&T award of at least `minLevel`, ranked in
 * the top `maxRank…` of the winning units". The window is the evaluation year and the 3 calendar
 * years before it (an award of 2023 counts in 2026). Only the profile's best award is known: a
 * 'none' level or an award outside the window is false; an award without rank or year is null.
 * maxRankNational / maxRankProvincial: 0 means that level does not count.
 */
export function awardWithin3Years(profile: CultivationProfile, onYear: number, maxRankNational: number, maxRankProvincial: number, missing: ProfileField[]): Met {
  const award = profile.scienceAward;
  if (award === null || award === undefined) {
    missing.push('scienceAward');
    return null;
  }
  const maxRank = levelRank(award.level, maxRankNational, maxRankProvincial);
  if (maxRank === 0) return false;
  const year = numberOrNull(award.year);
  const rank = numberOrNull(award.rank);
  if (year !== null && (year < onYear - 3 || year > onYear)) return false;
  if (rank !== null && rank > maxRank) return false;
  if (year === null || rank === null) {
    missing.push('scienceAward');
    return null;
  }
  return true;
}

function levelRank(level: ScienceAwardLevel, maxRankNational: number, maxRankProvincial: number): number {
  return level === 'national' ? maxRankNational : level === 'provincial' ? maxRankProvincial : 0;
}

// ---- SME scope (中小企业划型, 工信部联企业〔2011〕300号, via the classify-sme-size table) ----

interface SectorCaps {
  indicators: readonly SmeSizeIndicator[];
  /** the 中小微 caps in yuan / persons, same order */
  caps: readonly number[];
}

const SECTOR_CAPS: ReadonlyMap<string, SectorCaps> = new Map(
  SIZE_SECTORS.map((s) => {
    const sector: SizeSector = s.key;
    const indicators = smeSizeIndicators(sector);
    return [sector, { indicators, caps: indicators.map((i) => smeSizeBound(sector, 'cap', i)) }] as const;
  }),
);

/**
 * Whether the enterprise is a 中小企业 (micro, small or medium) under the 2011 size rules: below at
 * least one of its sector's caps (the same reading as classifySmeSize, without building its
 * reason). null when the sector, or every indicator that could decide, is missing.
 */
export function isSme(profile: CultivationProfile, missing: ProfileField[]): Met {
  const sector = profile.sector;
  const rule = sector === null || sector === undefined ? undefined : SECTOR_CAPS.get(sector);
  if (rule === undefined) {
    missing.push('sector');
    return null;
  }
  let unknown = false;
  for (let i = 0; i < rule.indicators.length; i++) {
    const indicator = rule.indicators[i]!;
    const v = numberOrNull(profile[indicator]);
    if (v === null) {
      missing.push(indicator);
      unknown = true;
    } else if (v < rule.caps[i]!) {
      return true;
    }
  }
  return unknown ? null : false;
}

/** Condition keys of the scope issues, 'scope-<issue>' (the same keys as the innovative-SME evaluation). */
const SCOPE_KEYS: readonly string[] = SCOPE_ISSUES.map((s) => `scope-${s.key}`);

/**
 * Words of the scope conditions ('sme-size' and one 'scope-<issue>' per SCOPE_ISSUES entry), the
 * same as the innovative-SME definition's, for the definitions of the other tiers.
 */
export const SCOPE_CONDITION_WORDS: Record<string, { zh: string; en: string; unit: 'flag' }> = {
  'sme-size': { zh: '符合《中小企业划型标准规定》（工信部联企业〔2011〕300号），属于中小企业', en: 'an SME under the 2011 size rules (工信部联企业〔2011〕300号)', unit: 'flag' },
  'scope-no-legal-personality': { zh: '在中华人民共和国境内注册，具有独立法人资格', en: 'registered in mainland China with independent legal personality', unit: 'flag' },
  'scope-abnormal-operation': { zh: '未被列入经营异常名录', en: 'not on the list of enterprises with abnormal operations', unit: 'flag' },
  'scope-serious-dishonesty': { zh: '未被列入严重失信主体名单', en: 'not on the list of seriously dishonest entities', unit: 'flag' },
  'scope-restricted-industry': { zh: '提供的产品（服务）不属于国家禁止、限制或淘汰类', en: 'products and services not in a prohibited, restricted or obsolete category', unit: 'flag' },
  'scope-major-incident': { zh: '近三年未发生重大安全（含网络安全、数据安全）、质量、环境污染等事故', en: 'no major safety (incl. network and data), quality or pollution incident in the last 3 years', unit: 'flag' },
  'scope-tax-violation': { zh: '近三年无偷漏税等违法违规行为', en: 'no tax evasion or similar violation in the last 3 years', unit: 'flag' },
};

// ---- building an evaluation ----

/**
 * Collects the conditions of one evaluation, the union of the missing fields and the condition
 * gaps. Gaps are added explicitly by the rule (a condition whose requirement is met by an
 * alternative is not a gap): numeric → from its value to its threshold; qualitative → 0 → 1.
 */
export class ConditionCollector {
  readonly conditions: ConditionResult[] = [];
  readonly missing: ProfileField[] = [];
  readonly gaps: Gap[] = [];

  /** Adds a condition; `missing` (its own list) is merged into the evaluation's. */
  add(key: string, group: ConditionGroup, met: Met, value: number | null, threshold: number | null, missing: ProfileField[]): ConditionResult {
    for (let i = 0; i < missing.length; i++) {
      const f = missing[i]!;
      if (!this.missing.includes(f)) this.missing.push(f);
    }
    const c: ConditionResult = { key, group, met, value, threshold, missing };
    this.conditions.push(c);
    return c;
  }

  /** "value ≥ threshold" on one profile field, in its unit (yuan, years, count, points). */
  minimum(key: string, group: ConditionGroup, raw: number | null | undefined, name: ProfileField, threshold: number): ConditionResult {
    const v = numberOrNull(raw);
    return this.add(key, group, v === null ? null : v >= threshold, v, threshold, v === null ? [name] : []);
  }

  /**
   * "num ÷ den ≥ pct %" (or ≤ when `atMostBound`), decided exactly on whole numbers; the value is
   * the ratio as a fraction. A denominator ≤ 0 makes the ratio uncomputable: met and value null
   * with nothing missing, for the officer to judge (as score-innovative-sme.ts reads it).
   */
  ratio(key: string, group: ConditionGroup, num: number | null | undefined, numName: ProfileField, den: number | null | undefined, denName: ProfileField, pct: number, atMostBound: boolean): ConditionResult {
    const n = numberOrNull(num);
    const d = numberOrNull(den);
    const threshold = pct / 100;
    if (n === null || d === null) {
      const m: ProfileField[] = [];
      if (n === null) m.push(numName);
      if (d === null) m.push(denName);
      return this.add(key, group, null, null, threshold, m);
    }
    const sign = compareRatio(n, d, pct, 100);
    if (sign === null) return this.add(key, group, null, null, threshold, []);
    return this.add(key, group, atMostBound ? sign <= 0 : sign >= 0, n / d, threshold, []);
  }

  /** A qualitative condition, known from a declaration (never missing). */
  flag(key: string, group: ConditionGroup, met: boolean): ConditionResult {
    return this.add(key, group, met, null, null, []);
  }

  /** The condition as a gap, when it is not met (false): what must change for it to be. */
  gapIfUnmet(c: ConditionResult): void {
    if (c.met !== false) return;
    if (c.threshold === null) this.gaps.push({ kind: 'condition', key: c.key, from: 0, to: 1, points: null });
    else this.gaps.push({ kind: 'condition', key: c.key, from: c.value, to: c.threshold, points: null });
  }

  /**
   * Adds the scope conditions of the 办法 (63号 / 2号), as the innovative-SME evaluation does: a
   * 中小企业 under the 2011 size rules ('sme-size'), and each scope issue not declared ('scope-<issue>';
   * an absent list declares none). Each one not met is a gap.
   */
  addScope(profile: CultivationProfile): Met {
    const m: ProfileField[] = [];
    const sme = this.add('sme-size', 'scope', isSme(profile, m), null, null, m);
    this.gapIfUnmet(sme);
    let met = sme.met;
    const issues = profile.scopeIssues;
    for (let i = 0; i < SCOPE_KEYS.length; i++) {
      const declared = issues !== null && issues !== undefined && issues.includes(SCOPE_ISSUES[i]!.key);
      const c = this.add(SCOPE_KEYS[i]!, 'scope', !declared, null, null, []);
      if (declared) {
        this.gapIfUnmet(c);
        met = false;
      }
    }
    return met;
  }
}

/**
 * 专精特新发展评价得分 ≥ bound (2号 Annex 1 S9: 50; Annex 2 G10: 60), condition 'development-score'.
 * In a re-review (复核) either of the last 2 years counts; the value shown is the better known
 * one, and the year before is needed only when this year's score does not reach the bound.
 */
export function checkDevelopmentScore(c: ConditionCollector, profile: CultivationProfile, review: boolean, bound: number): Met {
  const m: ProfileField[] = [];
  const now = field(profile.developmentScore, 'developmentScore', m);
  let met: Met = now === null ? null : now >= bound;
  let best = now;
  if (review && met !== true) {
    const prev = field(profile.developmentScorePreviousYear, 'developmentScorePreviousYear', m);
    met = or3(met, prev === null ? null : prev >= bound);
    if (prev !== null && (best === null || prev > best)) best = prev;
  }
  const r = c.add('development-score', 'score', met, best, bound, m);
  c.gapIfUnmet(r);
  return met;
}

/** A number condition read from one profile field: pushes the field to `missing` when absent. */
export function field(v: number | null | undefined, name: ProfileField, missing: ProfileField[]): number | null {
  const n = numberOrNull(v);
  if (n === null) missing.push(name);
  return n;
}

/** Assembles the Evaluation from a collector. */
export function buildEvaluation(
  base: Pick<Evaluation, 'scheme' | 'on' | 'purpose' | 'rulesVersion'>,
  met: Met,
  route: 'direct' | 'score',
  total: number | null,
  collector: ConditionCollector,
  extra: Pick<Evaluation, 'categories' | 'indicators' | 'unconfirmed'>,
  scoreGaps: Gap[] | null,
): Evaluation {
  const qualified = met === true;
  let gaps: Gap[] = [];
  if (!qualified) {
    gaps = collector.gaps;
    if (scoreGaps !== null) for (let i = 0; i < scoreGaps.length; i++) gaps.push(scoreGaps[i]!);
  }
  return {
    scheme: base.scheme,
    on: base.on,
    purpose: base.purpose,
    rulesVersion: base.rulesVersion,
    outcome: outcomeOf(met),
    qualified,
    route: qualified ? route : null,
    total,
    categories: extra.categories,
    indicators: extra.indicators,
    conditions: collector.conditions,
    gaps,
    missing: collector.missing,
    unconfirmed: extra.unconfirmed,
  };
}
