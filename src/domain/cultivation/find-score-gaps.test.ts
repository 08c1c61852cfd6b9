/**
 * findScoreGaps against a brute-force search over every combination of bands, on many generated
 * score tables (with and without category minimums, with missing indicators), plus a few
 * hand-made cases from the 63号 Annex 1 table.
 */
import { describe, expect, it } from 'vitest';
import { findScoreGaps, relativeChange, type ScoreGapIndicator, type ScoreGapProblem } from './find-score-gaps.js';

/** mulberry32: a small seeded generator, so every run tests the same cases. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomProblem(rand: () => number): ScoreGapProblem {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const nCat = int(1, 3);
  const n = int(1, 7);
  const indicators: ScoreGapIndicator[] = [];
  for (let i = 0; i < n; i++) {
    const nb = int(2, 5);
    const points: number[] = [];
    let p = int(0, 3);
    for (let b = nb - 1; b >= 0; b--) {
      points[b] = p;
      p += int(rand() < 0.15 ? 0 : 1, 8); // sometimes equal points in two bands
    }
    const higher = rand() < 0.7;
    const bounds: number[] = [];
    let bound = rand() * 2 - 1;
    for (let b = nb - 2; b >= 0; b--) {
      bounds[b] = Math.round(bound * 100) / 100;
      bound += higher ? rand() : -rand();
    }
    bounds[nb - 1] = higher ? -Infinity : Infinity;
    const missing = rand() < 0.12;
    const band = missing ? null : int(0, nb - 1);
    const value = band === null ? null : band === nb - 1 ? bounds[nb - 2]! + (higher ? -0.5 : 0.5) * rand() : bounds[band]!;
    indicators.push({ category: int(0, nCat - 1), points, bounds, band, value });
  }
  const categoryMinimums = Array.from({ length: nCat }, () => (rand() < 0.4 ? null : int(0, 20)));
  const max = indicators.reduce((s, x) => s + x.points[0]!, 0);
  return { indicators, categoryMinimums, passMark: int(Math.floor(max * 0.3), max + 3) };
}

interface Cost { k: number; gain: number; rel: number }

/** Every combination of bands (each indicator: stay, or any better band), the best cost, or null. */
function bruteForce(problem: ScoreGapProblem): Cost | null {
  const ind = problem.indicators;
  const options = ind.map((x) => {
    if (x.band === null) return [null];
    const opts: (number | null)[] = [null];
    for (let b = 0; b < x.band; b++) if (x.points[b]! > x.points[x.band]!) opts.push(b);
    return opts;
  });
  let best: Cost | null = null;
  const pick: (number | null)[] = new Array<number | null>(ind.length).fill(null);
  const visit = (i: number): void => {
    if (i === ind.length) {
      const cat = problem.categoryMinimums.map(() => 0);
      let total = 0, k = 0, gain = 0, rel = 0;
      ind.forEach((x, j) => {
        const cur = x.band === null ? 0 : x.points[x.band]!;
        const b = pick[j];
        const p = b === null || b === undefined ? cur : x.points[b]!;
        total += p;
        cat[x.category] = cat[x.category]! + p;
        if (b !== null && b !== undefined) {
          k++;
          gain += p - cur;
          rel += relativeChange(x.value, x.bounds[b]!);
        }
      });
      const ok = total >= problem.passMark && problem.categoryMinimums.every((m, c) => m === null || cat[c]! >= m);
      if (!ok) return;
      const c: Cost = { k, gain, rel };
      if (!best || k < best.k || (k === best.k && (gain < best.gain || (gain === best.gain && rel < best.rel - 1e-12)))) best = c;
      return;
    }
    for (const o of options[i]!) {
      pick[i] = o;
      visit(i + 1);
    }
    pick[i] = null;
  };
  visit(0);
  return best;
}

/** Checks a solution is what it says: better bands, the gains, and a pass. */
function check(problem: ScoreGapProblem, changes: { indicator: number; band: number; to: number; from: number | null; points: number }[]): Cost {
  const cat = problem.categoryMinimums.map(() => 0);
  const moved = new Map(changes.map((c) => [c.indicator, c]));
  let total = 0, gain = 0, rel = 0;
  problem.indicators.forEach((x, j) => {
    const cur = x.band === null ? 0 : x.points[x.band]!;
    const c = moved.get(j);
    let p = cur;
    if (c) {
      expect(x.band).not.toBeNull();
      expect(c.band).toBeLessThan(x.band!);
      expect(c.to).toBe(x.bounds[c.band]);
      expect(c.from).toBe(x.value);
      p = x.points[c.band]!;
      expect(c.points).toBe(p - cur);
      gain += p - cur;
      rel += relativeChange(x.value, c.to);
    }
    total += p;
    cat[x.category] = cat[x.category]! + p;
  });
  expect(total).toBeGreaterThanOrEqual(problem.passMark);
  problem.categoryMinimums.forEach((m, c) => {
    if (m !== null) expect(cat[c]).toBeGreaterThanOrEqual(m);
  });
  return { k: changes.length, gain, rel };
}

describe('findScoreGaps', () => {
  it('finds the same smallest change as a brute-force search, on 3000 generated tables', () => {
    const rand = rng(20260401);
    let solved = 0, impossible = 0, passing = 0;
    for (let t = 0; t < 3000; t++) {
      const problem = randomProblem(rand);
      const expected = bruteForce(problem);
      const got = findScoreGaps(problem);
      if (expected === null) {
        expect(got, JSON.stringify(problem)).toBeNull();
        impossible++;
        continue;
      }
      expect(got, JSON.stringify(problem)).not.toBeNull();
      const cost = check(problem, got!.changes);
      expect(cost.k).toBe(expected.k);
      expect(cost.gain).toBe(expected.gain);
      expect(cost.rel).toBeCloseTo(expected.rel, 9);
      expect(got!.pointsGained).toBe(expected.gain);
      expect(got!.relativeChange).toBeCloseTo(expected.rel, 9);
      if (expected.k === 0) passing++;
      else solved++;
    }
    // the generator covers all three answers
    expect(solved).toBeGreaterThan(500);
    expect(impossible).toBeGreaterThan(50);
    expect(passing).toBeGreaterThan(50);
  });

  // 63号 Annex 1 shapes: categories 创新能力 (min 20), 成长性 (15), 专业化 (15); pass 60.
  const RD = { category: 0, points: [20, 15, 10, 5, 0], bounds: [0.05, 0.03, 0.02, 0.01, -Infinity] };
  const IP = { category: 0, points: [20, 15, 10, 5, 0], bounds: [0, 1, 2, 3, Infinity] };
  const GROWTH = { category: 1, points: [20, 15, 10, 5, 0], bounds: [0.15, 0.1, 0.05, 0, -Infinity] };
  const DEBT = { category: 1, points: [10, 5, 0], bounds: [0.55, 0.75, Infinity] };
  const SEI = { category: 2, points: [10, 5], bounds: [1, -Infinity] };
  const SHARE = { category: 2, points: [20, 15, 10, 5, 0], bounds: [0.7, 0.6, 0.55, 0.5, -Infinity] };
  const innovative = (bands: { rd: [number, number]; ip: [number, number]; growth: [number, number]; debt: [number, number]; sei: [number, number]; share: [number, number] }): ScoreGapProblem => ({
    indicators: [
      { ...IP, band: bands.ip[0], value: bands.ip[1] },
      { ...RD, band: bands.rd[0], value: bands.rd[1] },
      { ...GROWTH, band: bands.growth[0], value: bands.growth[1] },
      { ...DEBT, band: bands.debt[0], value: bands.debt[1] },
      { ...SEI, band: bands.sei[0], value: bands.sei[1] },
      { ...SHARE, band: bands.share[0], value: bands.share[1] },
    ],
    categoryMinimums: [20, 15, 15],
    passMark: 60,
  });

  it('gives the issue example: R&D ratio 2.6% → 3%, +5 points, when 5 points are short', () => {
    // IP Ⅱ类 (5) + R&D 2.6% (10) = 15 < 20; growth 12% (15) + debt 50% (10); SEI (10) + share 65% (15): 55
    const got = findScoreGaps(innovative({ ip: [3, 3], rd: [2, 0.026], growth: [1, 0.12], debt: [0, 0.5], sei: [0, 1], share: [1, 0.65] }));
    expect(got?.changes).toEqual([{ indicator: 1, band: 1, from: 0.026, to: 0.03, points: 5 }]);
  });

  it('prefers one change over two even when two would gain fewer points', () => {
    const flag = (points: number) => ({ category: 0, points: [points, 0], bounds: [1, -Infinity], band: 1, value: 0 });
    const got = findScoreGaps({ indicators: [flag(5), flag(20), flag(5)], categoryMinimums: [null], passMark: 10 });
    expect(got?.changes).toEqual([{ indicator: 1, band: 0, from: 0, to: 1, points: 20 }]);
    expect(got?.pointsGained).toBe(20);
  });

  it('meets a category minimum even when the total already passes', () => {
    // total 65 but 成长性 10 < 15: growth 3% → 5% and debt 60% → 55% both give +5 in 成长性;
    // the debt ratio moves less (0.05 / 0.6 against 0.02 / 0.05)
    const got = findScoreGaps(innovative({ ip: [0, 0], rd: [0, 0.06], growth: [3, 0.03], debt: [1, 0.6], sei: [0, 1], share: [1, 0.65] }));
    expect(got?.changes).toEqual([{ indicator: 3, band: 0, from: 0.6, to: 0.55, points: 5 }]);
  });

  it('returns no change when the score already passes, and null when nothing can pass', () => {
    expect(findScoreGaps(innovative({ ip: [0, 0], rd: [0, 0.06], growth: [0, 0.2], debt: [0, 0.3], sei: [0, 1], share: [0, 0.9] }))).toEqual({ changes: [], pointsGained: 0, relativeChange: 0 });
    const missingGrowth = innovative({ ip: [0, 0], rd: [0, 0.06], growth: [0, 0.2], debt: [1, 0.6], sei: [0, 1], share: [0, 0.9] });
    missingGrowth.indicators = missingGrowth.indicators.map((x, i) => (i === 2 ? { ...x, band: null, value: null } : x));
    // 成长性 can reach only 10 with growth missing: no change of the known indicators passes
    expect(findScoreGaps(missingGrowth)).toBeNull();
  });

  it('uses the caller’s costs for the last tie-break when given', () => {
    const problem: ScoreGapProblem = {
      indicators: [
        { category: 0, points: [10, 0], bounds: [1, -Infinity], band: 1, value: 0, costs: [5, 0] },
        { category: 0, points: [10, 0], bounds: [1, -Infinity], band: 1, value: 0, costs: [2, 0] },
      ],
      categoryMinimums: [null],
      passMark: 10,
    };
    expect(findScoreGaps(problem)?.changes.map((c) => c.indicator)).toEqual([1]);
  });
});

describe('relativeChange', () => {
  it.each([
    [0.026, 0.03, 0.004 / 0.03],
    [0.8, 0.55, 0.25 / 0.8],
    [0, 1, 1],
    [-0.1, 0, 1],
    [0.5, 0.5, 0],
    [null, 1, 1],
  ])('%s → %s is %s', (from, to, expected) => {
    expect(relativeChange(from, to)).toBeCloseTo(expected, 12);
  });
});
