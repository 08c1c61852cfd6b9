/**
 * The gap to a pass of a cultivation score table (梯度培育评分): the smallest set of indicator
 * changes that would make a failing score pass. Generic over the table, so every score scheme
 * uses it — 创新型中小企业 (63号 Annex 1: total ≥ 60 with category minimums 20/15/15) and the
 * 2022 专精特新 table (63号 Annex 2: total ≥ 60, no category minimums).
 *
 * "Smallest" is lexicographic:
 *   1. the fewest indicators changed;
 *   2. then the fewest points gained in all (the least beyond what is needed);
 *   3. then the smallest sum, over the changed indicators, of the relative change of the metric
 *      |to − from| / max(|from|, |to|) (0…1; 0 → x counts 1), or the caller's own per-band costs.
 * Equal candidates keep the first found (indicators in the given order, the nearer band first).
 *
 * An indicator only ever moves to a better band (more points); one whose band is null (missing
 * input, or a metric that cannot be computed) is held at 0 points and never changed, so the gaps
 * found suffice whatever the missing input turns out to be.
 *
 * Pure and allocation-light (it runs inside the batch evaluation, 200,000 profiles a second):
 * a depth-first search with iterative deepening on the number of changes (starting from a lower
 * bound), pruned by the most points the remaining indicators could still give and by the
 * categories still short; the table is copied into fixed module-level typed arrays per call.
 */

export interface ScoreGapIndicator {
  /** index into ScoreGapProblem.categoryMinimums */
  category: number;
  /** points of each band, best first (band 0 gives the most) */
  points: readonly number[];
  /**
   * the bound a metric must reach for each band, same order (the last one ±Infinity): the `to` of
   * a change, and the base of the relative-change tie-break
   */
  bounds: readonly number[];
  /** the current band; null when the indicator is missing or uncomputable (held at 0 points, never changed) */
  band: number | null;
  /** the current metric value (the `from` of a change); null when missing */
  value: number | null;
  /** optional cost of moving to each band (same order), replacing the relative change in tie-break 3 */
  costs?: readonly number[];
}

export interface ScoreGapProblem {
  indicators: readonly ScoreGapIndicator[];
  /** one entry per category: the points it needs for a pass, or null when it has no minimum */
  categoryMinimums: readonly (number | null)[];
  /** the total needed for a pass (≥) */
  passMark: number;
}

export interface ScoreGapChange {
  /** index into ScoreGapProblem.indicators */
  indicator: number;
  /** the band to reach */
  band: number;
  /** the indicator's current value */
  from: number | null;
  /** the bound of the band to reach */
  to: number;
  /** points gained by the change */
  points: number;
}

export interface ScoreGapSolution {
  /** in indicator order; empty when the current bands already pass */
  changes: ScoreGapChange[];
  /** total points gained */
  pointsGained: number;
  /** sum of the relative changes (or costs) of the changes */
  relativeChange: number;
}

/** The relative change of a metric from `from` to `to`: |to − from| / max(|from|, |to|), 0…1. */
export function relativeChange(from: number | null, to: number): number {
  if (from === null) return 1;
  if (from === to) return 0;
  const scale = Math.max(Math.abs(from), Math.abs(to));
  return scale === 0 || !Number.isFinite(scale) ? 1 : Math.abs(to - from) / scale;
}

/** Limits of the scratch buffers; a larger table is a RangeError. */
export const SCORE_GAP_LIMITS = { indicators: 64, bands: 32, categories: 16 } as const;
const MAX_N = SCORE_GAP_LIMITS.indicators;
const MAX_B = SCORE_GAP_LIMITS.bands;
const MAX_C = SCORE_GAP_LIMITS.categories;

// ---- scratch (module-level, fixed size; the search is synchronous, so never shared) ----
/** per indicator: its category, current band (-1 missing), current points, most it can gain */
const cat = new Int32Array(MAX_N);
const curBand = new Int32Array(MAX_N);
const curPoints = new Float64Array(MAX_N);
const maxGain = new Float64Array(MAX_N);
/** per indicator × band: the gain of moving there, and its tie-break cost */
const gainTo = new Float64Array(MAX_N * MAX_B);
const costTo = new Float64Array(MAX_N * MAX_B);
/** sufTop[i * W + k]: most points k changes among indicators i… can add (the k largest gains) */
const W = MAX_N + 1;
const sufTop = new Float64Array(W * W);
/** sufMaxCat[i * MAX_C + c]: most points indicators i… can still add to category c */
const sufMaxCat = new Float64Array((MAX_N + 1) * MAX_C);
const catNeed = new Float64Array(MAX_C);
const catGain = new Float64Array(MAX_C);
const chosen = new Int32Array(MAX_N);
const bestChosen = new Int32Array(MAX_N);
const sorted = new Float64Array(MAX_N);
/** [needed total, best gain, best cost]: doubles kept out of module `let`s (no boxing in the hot loop) */
const st = new Float64Array(3);
let sN = 0;
let sNCat = 0;
let bestFound = false;
const EPS = 1e-12;

/**
 * Finds the smallest set of indicator changes that makes the score pass (see the file comment for
 * the order). Returns `{ changes: [] }` when the current bands already pass, and null when no change
 * of the known indicators can make it pass (for example a category whose only other indicator is missing).
 * Bands need not have strictly decreasing points: a move that gains nothing is never proposed.
 * Throws a RangeError beyond SCORE_GAP_LIMITS.
 */
export function findScoreGaps(problem: ScoreGapProblem): ScoreGapSolution | null {
  const indicators = problem.indicators;
  const n = indicators.length;
  const nCat = problem.categoryMinimums.length;
  if (n > MAX_N || nCat > MAX_C) throw new RangeError(`score table too large for findScoreGaps: ${n} indicators, ${nCat} categories`);

  let total = 0;
  for (let c = 0; c < nCat; c++) catGain[c] = 0;
  for (let i = 0; i < n; i++) {
    const ind = indicators[i]!;
    const points = ind.points;
    if (points.length > MAX_B) throw new RangeError(`too many bands for findScoreGaps: ${points.length}`);
    const c = ind.category;
    const band = ind.band === null ? -1 : ind.band;
    const p = band < 0 ? 0 : points[band]!;
    cat[i] = c;
    curBand[i] = band;
    curPoints[i] = p;
    total += p;
    catGain[c] = catGain[c]! + p;
    let mg = 0;
    const costs = ind.costs;
    for (let b = 0; b < band; b++) {
      const g = points[b]! - p;
      gainTo[i * MAX_B + b] = g;
      if (g > mg) mg = g;
      if (g > 0) costTo[i * MAX_B + b] = costs ? costs[b]! : relativeChange(ind.value, ind.bounds[b]!);
    }
    maxGain[i] = mg;
  }
  const needTotal = problem.passMark - total;
  st[0] = needTotal;
  let passes = needTotal <= 0;
  let shortCats = 0;
  for (let c = 0; c < nCat; c++) {
    const min = problem.categoryMinimums[c];
    const need = min === null || min === undefined ? 0 : min - catGain[c]!;
    catNeed[c] = need;
    if (need > 0) {
      passes = false;
      shortCats++;
    }
    catGain[c] = 0;
  }
  if (passes) return { changes: [], pointsGained: 0, relativeChange: 0 };

  // suffix bounds for pruning: per category, and the k largest gains (`sorted`: largest first)
  for (let c = 0; c < nCat; c++) sufMaxCat[n * MAX_C + c] = 0;
  for (let k = 0; k <= n; k++) sufTop[n * W + k] = 0;
  let changeable = 0;
  for (let i = n - 1; i >= 0; i--) {
    const g = maxGain[i]!;
    const ci = cat[i]!;
    for (let c = 0; c < nCat; c++) sufMaxCat[i * MAX_C + c] = sufMaxCat[(i + 1) * MAX_C + c]! + (c === ci ? g : 0);
    if (g > 0) {
      let j = changeable++;
      while (j > 0 && sorted[j - 1]! < g) {
        sorted[j] = sorted[j - 1]!;
        j--;
      }
      sorted[j] = g;
    }
    let sum = 0;
    sufTop[i * W] = 0;
    for (let k = 1; k <= n; k++) {
      if (k <= changeable) sum += sorted[k - 1]!;
      sufTop[i * W + k] = sum;
    }
  }
  if (sufTop[n]! < needTotal) return null;
  for (let c = 0; c < nCat; c++) if (sufMaxCat[c]! < catNeed[c]!) return null;

  // a lower bound on the number of changes: every category short of its minimum needs one, and
  // the k largest single gains must cover the total needed
  let kMin = shortCats;
  let kTotal = 0;
  while (kTotal < changeable && sufTop[kTotal]! < needTotal) kTotal++;
  if (kTotal > kMin) kMin = kTotal;

  sN = n;
  sNCat = nCat;
  for (let k = Math.max(1, kMin); k <= changeable; k++) {
    bestFound = false;
    for (let i = 0; i < n; i++) chosen[i] = -1;
    search(0, k, 0, 0);
    if (bestFound) return solution(indicators, n);
  }
  return null;
}

/** Depth-first over indicators i…: leave it, or move it to a better band, with at most `left` changes. */
function search(i: number, left: number, gain: number, rel: number): void {
  if (bestFound) {
    const bg = st[1]!;
    if (gain > bg + EPS || (gain > bg - EPS && rel >= st[2]! - EPS)) return;
  }
  const needTotal = st[0]!;
  const nCat = sNCat;
  // feasible already? then any further change only adds points
  let ok = gain >= needTotal;
  if (ok) for (let c = 0; c < nCat; c++) if (catGain[c]! < catNeed[c]!) { ok = false; break; }
  if (ok) {
    bestFound = true;
    st[1] = gain;
    st[2] = rel;
    for (let j = 0; j < sN; j++) bestChosen[j] = chosen[j]!;
    return;
  }
  if (left === 0 || i >= sN) return;
  if (gain + sufTop[i * W + left]! < needTotal) return;
  const base = i * MAX_C;
  let short = 0; // categories still below their minimum: each needs one more change
  for (let c = 0; c < nCat; c++) {
    const g = catGain[c]!;
    const need = catNeed[c]!;
    if (g + sufMaxCat[base + c]! < need) return;
    if (g < need) short++;
  }
  if (short > left) return;

  const band = curBand[i]!;
  if (maxGain[i]! > 0) {
    const c = cat[i]!;
    const row = i * MAX_B;
    // nearer bands first (usually fewer points)
    for (let b = band - 1; b >= 0; b--) {
      const g = gainTo[row + b]!;
      if (g <= 0) continue;
      if (bestFound && gain + g > st[1]! + EPS) continue;
      chosen[i] = b;
      catGain[c] = catGain[c]! + g;
      search(i + 1, left - 1, gain + g, rel + costTo[row + b]!);
      catGain[c] = catGain[c]! - g;
      chosen[i] = -1;
    }
  }
  search(i + 1, left, gain, rel);
}

function solution(indicators: readonly ScoreGapIndicator[], n: number): ScoreGapSolution {
  const changes: ScoreGapChange[] = [];
  for (let i = 0; i < n; i++) {
    const b = bestChosen[i]!;
    if (b < 0) continue;
    const ind = indicators[i]!;
    changes.push({ indicator: i, band: b, from: ind.value, to: ind.bounds[b]!, points: gainTo[i * MAX_B + b]! });
  }
  return { changes, pointsGained: st[1]!, relativeChange: st[2]! };
}
