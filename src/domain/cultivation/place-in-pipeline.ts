/**
 * Where an evaluated enterprise sits in the zone's candidate pipeline (候选梯队) of a batch
 * evaluation: qualified, close (a few points or conditions short), far, or incomplete (inputs are
 * missing and the outcome depends on them).
 *
 * The issue (梯度培育): "a candidate pipeline (qualified, close — within a configurable number of
 * points —, far)". The margins are the zone's settings (closeWithinPoints, closeWithinConditions).
 */
import type { Evaluation } from './cultivation-evaluation.js';

export type PipelineBand = 'qualified' | 'close' | 'far' | 'incomplete';

export interface PipelineMargins {
  /** score schemes: this many points short of the pass, or fewer, is close */
  closeWithinPoints: number;
  /** this many unmet conditions, or fewer, is close (condition schemes; the conditions beside a score) */
  closeWithinConditions: number;
}

export interface PipelinePlace {
  pipeline: PipelineBand;
  /**
   * How far from qualifying: points for a score scheme, unmet conditions for a condition scheme;
   * 0 when qualified; null when it cannot be told (no change of the known inputs qualifies).
   */
  shortBy: number | null;
  /** the unmet conditions counted (for a score scheme: those beside the score, e.g. 63号 Annex 2 B1–B3) */
  unmetConditions: number;
}

/** What place-in-pipeline needs to know of the rule version: whether it has a score of its own. */
export interface PipelineScheme {
  /** the score needed to pass; null for a scheme of conditions only (2号 专精特新, 小巨人) */
  passMark: number | null;
}

/**
 * Places one evaluation in the pipeline.
 *
 * - qualified → qualified, shortBy 0.
 * - outcome incomplete → incomplete (shortBy as below when it can be told, else null).
 * - a scope condition unmet (63号 Annex 1 适用范围: 失信, 经营异常, …) → far: no improvement of
 *   the figures fixes it.
 * - score scheme (创新型 63号 Annex 1; 专精特新 63号 Annex 2): shortBy = the points the smallest
 *   qualifying change gains, i.e. the sum of the indicator gaps' points — the gaps are solved with
 *   the category minimums (创新能力 20, 成长性 15, 专业化 15), so a total of 62 that misses 创新能力
 *   by 2 points is short by what it takes to meet that minimum. Without indicator gaps (none
 *   computable) the plain deficit is used: max(passMark − total, Σ unmet category shortfalls).
 *   Close when shortBy ≤ closeWithinPoints and the unmet conditions beside the score (condition
 *   gaps) ≤ closeWithinConditions.
 * - condition scheme (2号 Annexes 1–2, 63号 Annex 3): shortBy = the unmet conditions (the
 *   evaluation's condition gaps, each one required change); close when ≤ closeWithinConditions.
 * - not qualified with no gap at all (nothing known would qualify it) → far, shortBy null.
 */
export function placeInPipeline(evaluation: Evaluation, scheme: PipelineScheme, margins: PipelineMargins): PipelinePlace {
  if (evaluation.qualified) return { pipeline: 'qualified', shortBy: 0, unmetConditions: 0 };
  let conditionGaps = 0;
  let gapPoints = 0;
  let indicatorGaps = 0;
  for (const gap of evaluation.gaps) {
    if (gap.kind === 'condition') conditionGaps++;
    else {
      indicatorGaps++;
      gapPoints += gap.points ?? 0;
    }
  }
  const outOfScope = evaluation.conditions.some((c) => c.group === 'scope' && c.met === false);
  const incomplete = evaluation.outcome === 'incomplete';

  if (scheme.passMark === null) {
    const shortBy = conditionGaps > 0 ? conditionGaps : null;
    if (incomplete) return { pipeline: 'incomplete', shortBy, unmetConditions: conditionGaps };
    if (outOfScope || shortBy === null) return { pipeline: 'far', shortBy, unmetConditions: conditionGaps };
    return { pipeline: conditionGaps <= margins.closeWithinConditions ? 'close' : 'far', shortBy, unmetConditions: conditionGaps };
  }

  const shortBy = indicatorGaps > 0 ? round2(gapPoints) : scoreDeficit(evaluation, scheme.passMark);
  const hasAnyGap = indicatorGaps > 0 || conditionGaps > 0;
  if (incomplete) return { pipeline: 'incomplete', shortBy, unmetConditions: conditionGaps };
  if (outOfScope || !hasAnyGap || shortBy === null) return { pipeline: 'far', shortBy: hasAnyGap ? shortBy : null, unmetConditions: conditionGaps };
  const close = shortBy <= margins.closeWithinPoints && conditionGaps <= margins.closeWithinConditions;
  return { pipeline: close ? 'close' : 'far', shortBy, unmetConditions: conditionGaps };
}

/**
 * Points short of a score's pass when no indicator gaps were given: the larger of the total's
 * shortfall and the sum of the categories' shortfalls against their minimums (every point a
 * category lacks must be gained). Null when the total or a category with a minimum is unknown.
 */
function scoreDeficit(evaluation: Evaluation, passMark: number): number | null {
  if (evaluation.total === null) return null;
  let categories = 0;
  for (const c of evaluation.categories) {
    if (c.minimum === null) continue;
    if (c.points === null) return null;
    categories += Math.max(0, c.minimum - c.points);
  }
  return round2(Math.max(0, passMark - evaluation.total, categories));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
