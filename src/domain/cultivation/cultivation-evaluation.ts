/**
 * The shape every cultivation evaluation returns (innovative SME, 专精特新, 小巨人, in each rule
 * version), and the definitions that explain it.
 *
 * An evaluation is structured data only (keys and numbers): it is computed for every enterprise
 * of a zone in a batch, 200,000 a second. Its words come from the scheme's definition
 * (labels, bands, units) through explainEvaluation, in Chinese and English.
 */
import type { ProfileField } from './cultivation-profile.js';

export const CULTIVATION_SCHEMES = ['innovative-sme', 'specialised-sme', 'little-giant'] as const;
export type CultivationScheme = (typeof CULTIVATION_SCHEMES)[number];

export function isCultivationScheme(value: string): value is CultivationScheme {
  return (CULTIVATION_SCHEMES as readonly string[]).includes(value);
}

/** Why an evaluation is asked: a new recognition, or the re-review (复核) of a title held. */
export type EvaluationPurpose = 'new' | 'review';

/**
 * qualified: passes; not-qualified: fails on the inputs given (a missing input could not change it);
 * incomplete: inputs are missing and the outcome depends on them.
 */
export type EvaluationOutcome = 'qualified' | 'not-qualified' | 'incomplete';

/**
 * The unit a metric is in, which decides how it is shown: yuan as 万元, ratio as a percentage,
 * count/persons/years/points as numbers, flag as yes/no, level as the scheme's band words.
 */
export type MetricUnit = 'yuan' | 'ratio' | 'count' | 'persons' | 'years' | 'points' | 'flag' | 'level';

export interface CategoryScore {
  key: string;
  /** null when an indicator of the category is missing */
  points: number | null;
  max: number;
  /** the category's minimum for a pass (创新型: 创新能力 20, 成长性 15, 专业化 15), null if none */
  minimum: number | null;
  met: boolean | null;
}

export interface IndicatorScore {
  key: string;
  category: string;
  /** the metric the bands are read on: a profile value or one derived from it (a ratio, a growth rate) */
  value: number | null;
  /** index into the definition's bands, 0 = the highest; null when missing */
  band: number | null;
  points: number | null;
  max: number;
  /** profile fields the indicator needs that are absent */
  missing: ProfileField[];
}

export type ConditionGroup = 'scope' | 'prerequisite' | 'basic' | 'direct' | 'dimension' | 'score';

export interface ConditionResult {
  key: string;
  group: ConditionGroup;
  /** null when an input it needs is missing */
  met: boolean | null;
  /** the value compared, in the definition's unit (null when missing or qualitative) */
  value: number | null;
  /** the bound it is compared with, same unit (null when qualitative) */
  threshold: number | null;
  missing: ProfileField[];
}

/**
 * One change of the inputs. For a score scheme the gaps are the smallest set of indicator changes
 * that would qualify (for example R&D ratio 2.6% → 3%: +5 points in 研发费用占比); for a
 * conditions scheme, every unmet condition with the value it needs.
 */
export interface Gap {
  kind: 'indicator' | 'condition';
  /** indicator or condition key */
  key: string;
  from: number | null;
  to: number;
  /** points gained (indicators only) */
  points: number | null;
}

export interface Evaluation {
  scheme: CultivationScheme;
  /** the evaluation date (YYYY-MM-DD) that chose the rules */
  on: string;
  purpose: EvaluationPurpose;
  /** e.g. 工信部企业〔2022〕63号 附件1 */
  rulesVersion: string;
  outcome: EvaluationOutcome;
  qualified: boolean;
  /** direct: a direct-qualification route; score: the scheme's score and conditions; null: not qualified */
  route: 'direct' | 'score' | null;
  /** null when the scheme has no score of its own, or an indicator is missing */
  total: number | null;
  categories: CategoryScore[];
  indicators: IndicatorScore[];
  conditions: ConditionResult[];
  gaps: Gap[];
  /** every profile field the evaluation needed and did not get */
  missing: ProfileField[];
  /** keys of configurable, unconfirmed rules (cultivation-config.ts) this evaluation applied */
  unconfirmed: string[];
}

export interface Words {
  zh: string;
  en: string;
}

/** What a rule version says about its indicators and conditions, for explaining an evaluation. */
export interface SchemeDefinition {
  scheme: CultivationScheme;
  rulesVersion: string;
  /** the official document, for the UI and comments */
  source: Words;
  /** score needed to pass, and the maximum, when the version has a score of its own */
  passMark: number | null;
  maxTotal: number | null;
  categories: Record<string, Words>;
  indicators: Record<string, Words & { unit: MetricUnit; bands: Words[] }>;
  conditions: Record<string, Words & { unit: MetricUnit }>;
}
