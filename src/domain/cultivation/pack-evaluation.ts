/**
 * A compact, lossless form of an Evaluation for storing a batch run's results (cultivation_results
 * .evaluation): 100,000 of them are written per run, and the plain form (~2.6 KB of JSON) is past
 * PostgreSQL's ~2 KB TOAST threshold, so every row would be compressed on the way in. The packed
 * form (about half) uses arrays for the repeated objects, leaves out empty lists, and leaves out
 * what the run already says (scheme, date, purpose, rule version).
 *
 * unpackEvaluation(packEvaluation(e), runFieldsOf(e)) deep-equals e. A stored value that is already
 * a plain Evaluation (it has `scheme`) is returned as it is.
 */
import type {
  CategoryScore, ConditionGroup, ConditionResult, CultivationScheme, Evaluation, EvaluationOutcome, EvaluationPurpose, Gap, IndicatorScore,
} from './cultivation-evaluation.js';
import type { ProfileField } from './cultivation-profile.js';

/** What the run holds for all its results. */
export interface EvaluationRunFields {
  scheme: CultivationScheme;
  on: string;
  purpose: EvaluationPurpose;
  rulesVersion: string;
}

type Missing = ProfileField[];
type PackedCategory = [key: string, points: number | null, max: number, minimum: number | null, met: boolean | null];
type PackedIndicator = [key: string, category: string, value: number | null, band: number | null, points: number | null, max: number, missing?: Missing];
type PackedCondition = [key: string, group: ConditionGroup, met: boolean | null, value: number | null, threshold: number | null, missing?: Missing];
type PackedGap = [kind: 0 | 1, key: string, from: number | null, to: number, points: number | null];

export interface PackedEvaluation {
  /** format version */
  v: 1;
  o: EvaluationOutcome;
  q: boolean;
  r: 'direct' | 'score' | null;
  t: number | null;
  c?: PackedCategory[];
  i?: PackedIndicator[];
  k?: PackedCondition[];
  g?: PackedGap[];
  m?: Missing;
  u?: string[];
}

const nonEmpty = <T>(xs: readonly T[]): T[] | undefined => (xs.length > 0 ? [...xs] : undefined);

export function runFieldsOf(e: Evaluation): EvaluationRunFields {
  return { scheme: e.scheme, on: e.on, purpose: e.purpose, rulesVersion: e.rulesVersion };
}

/** The packed form of an evaluation (see the module comment). */
export function packEvaluation(e: Evaluation): PackedEvaluation {
  const p: PackedEvaluation = { v: 1, o: e.outcome, q: e.qualified, r: e.route, t: e.total };
  if (e.categories.length) p.c = e.categories.map((c) => [c.key, c.points, c.max, c.minimum, c.met]);
  if (e.indicators.length) {
    p.i = e.indicators.map((x): PackedIndicator => (x.missing.length ? [x.key, x.category, x.value, x.band, x.points, x.max, [...x.missing]] : [x.key, x.category, x.value, x.band, x.points, x.max]));
  }
  if (e.conditions.length) {
    p.k = e.conditions.map((x): PackedCondition => (x.missing.length ? [x.key, x.group, x.met, x.value, x.threshold, [...x.missing]] : [x.key, x.group, x.met, x.value, x.threshold]));
  }
  if (e.gaps.length) p.g = e.gaps.map((g) => [g.kind === 'indicator' ? 0 : 1, g.key, g.from, g.to, g.points]);
  const m = nonEmpty(e.missing);
  if (m) p.m = m;
  const u = nonEmpty(e.unconfirmed);
  if (u) p.u = u;
  return p;
}

function isPlain(value: unknown): value is Evaluation {
  return typeof value === 'object' && value !== null && 'scheme' in value;
}

/** The evaluation back from its packed form and the run's fields; a plain stored evaluation as it is. */
export function unpackEvaluation(stored: unknown, run: EvaluationRunFields): Evaluation {
  if (isPlain(stored)) return stored;
  const p = stored as PackedEvaluation;
  const categories: CategoryScore[] = (p.c ?? []).map(([key, points, max, minimum, met]) => ({ key, points, max, minimum, met }));
  const indicators: IndicatorScore[] = (p.i ?? []).map(([key, category, value, band, points, max, missing]) => ({ key, category, value, band, points, max, missing: missing ?? [] }));
  const conditions: ConditionResult[] = (p.k ?? []).map(([key, group, met, value, threshold, missing]) => ({ key, group, met, value, threshold, missing: missing ?? [] }));
  const gaps: Gap[] = (p.g ?? []).map(([kind, key, from, to, points]) => ({ kind: kind === 0 ? 'indicator' : 'condition', key, from, to, points }));
  return {
    scheme: run.scheme, on: run.on, purpose: run.purpose, rulesVersion: run.rulesVersion,
    outcome: p.o, qualified: p.q, route: p.r, total: p.t, categories, indicators, conditions, gaps, missing: p.m ?? [], unconfirmed: p.u ?? [],
  };
}
