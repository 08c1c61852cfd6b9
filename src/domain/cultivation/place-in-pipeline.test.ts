import { describe, expect, it } from 'vitest';
import type { CategoryScore, ConditionResult, Evaluation, Gap } from './cultivation-evaluation.js';
import { placeInPipeline, type PipelinePlace } from './place-in-pipeline.js';

const margins = { closeWithinPoints: 10, closeWithinConditions: 1 };
const SCORE = { passMark: 60 };
const CONDITIONS = { passMark: null };

function evaluation(over: Partial<Evaluation>): Evaluation {
  return {
    scheme: 'innovative-sme', on: '2025-06-01', purpose: 'new', rulesVersion: 'test', outcome: 'not-qualified', qualified: false, route: null,
    total: null, categories: [], indicators: [], conditions: [], gaps: [], missing: [], unconfirmed: [], ...over,
  };
}
const indicatorGap = (points: number): Gap => ({ kind: 'indicator', key: `i${points}`, from: 0, to: 1, points });
const conditionGap = (key: string): Gap => ({ kind: 'condition', key, from: 0, to: 1, points: null });
const category = (key: string, points: number | null, minimum: number | null): CategoryScore => ({ key, points, max: 40, minimum, met: points === null || minimum === null ? null : points >= minimum });
const scope = (met: boolean | null): ConditionResult => ({ key: 'serious-dishonesty', group: 'scope', met, value: null, threshold: null, missing: [] });

type Case = [name: string, ev: Evaluation, scheme: { passMark: number | null }, expected: PipelinePlace];

const cases: Case[] = [
  ['qualified by score', evaluation({ outcome: 'qualified', qualified: true, route: 'score', total: 72 }), SCORE, { pipeline: 'qualified', shortBy: 0, unmetConditions: 0 }],
  ['qualified directly (condition scheme)', evaluation({ outcome: 'qualified', qualified: true, route: 'direct' }), CONDITIONS, { pipeline: 'qualified', shortBy: 0, unmetConditions: 0 }],
  // score schemes: the sum of the gaps' points against closeWithinPoints, at and around the margin
  ['score: 5 points short', evaluation({ total: 55, gaps: [indicatorGap(5)] }), SCORE, { pipeline: 'close', shortBy: 5, unmetConditions: 0 }],
  ['score: exactly the margin (10) is close', evaluation({ total: 52, gaps: [indicatorGap(5), indicatorGap(5)] }), SCORE, { pipeline: 'close', shortBy: 10, unmetConditions: 0 }],
  ['score: one point beyond the margin is far', evaluation({ total: 49, gaps: [indicatorGap(10), indicatorGap(1)] }), SCORE, { pipeline: 'far', shortBy: 11, unmetConditions: 0 }],
  [
    'score: total 62 but 创新能力 18 < 20 — the gap to the minimum counts',
    evaluation({ total: 62, categories: [category('innovation', 18, 20), category('growth', 25, 15)], gaps: [indicatorGap(5)] }),
    SCORE, { pipeline: 'close', shortBy: 5, unmetConditions: 0 },
  ],
  [
    'score without indicator gaps: the deficit, category minimums included (total 58, 成长性 10 < 15 → 5)',
    evaluation({ total: 58, categories: [category('innovation', 30, 20), category('growth', 10, 15), category('specialisation', 18, 15)], gaps: [conditionGap('x')] }),
    SCORE, { pipeline: 'close', shortBy: 5, unmetConditions: 1 },
  ],
  [
    'score passes but a basic condition (63号 Annex 2 B2) fails: one condition is close',
    evaluation({ total: 70, gaps: [conditionGap('rd-expense')] }),
    SCORE, { pipeline: 'close', shortBy: 0, unmetConditions: 1 },
  ],
  [
    'score close in points but two conditions unmet: far',
    evaluation({ total: 57, gaps: [indicatorGap(5), conditionGap('a'), conditionGap('b')] }),
    SCORE, { pipeline: 'far', shortBy: 5, unmetConditions: 2 },
  ],
  ['score: out of scope (严重失信) is far however close the score', evaluation({ total: 58, conditions: [scope(false)], gaps: [indicatorGap(5)] }), SCORE, { pipeline: 'far', shortBy: 5, unmetConditions: 0 }],
  ['score: no change of the known inputs qualifies', evaluation({ total: 20, gaps: [] }), SCORE, { pipeline: 'far', shortBy: null, unmetConditions: 0 }],
  ['score: incomplete stays incomplete, with what is known', evaluation({ outcome: 'incomplete', total: null, gaps: [indicatorGap(15)] }), SCORE, { pipeline: 'incomplete', shortBy: 15, unmetConditions: 0 }],
  ['score: incomplete with nothing known', evaluation({ outcome: 'incomplete', total: null }), SCORE, { pipeline: 'incomplete', shortBy: null, unmetConditions: 0 }],
  // condition schemes: the number of unmet conditions against closeWithinConditions
  ['conditions: one unmet is close', evaluation({ scheme: 'little-giant', gaps: [conditionGap('g2')] }), CONDITIONS, { pipeline: 'close', shortBy: 1, unmetConditions: 1 }],
  ['conditions: two unmet is far', evaluation({ scheme: 'little-giant', gaps: [conditionGap('g2'), conditionGap('g5')] }), CONDITIONS, { pipeline: 'far', shortBy: 2, unmetConditions: 2 }],
  ['conditions: out of scope is far', evaluation({ scheme: 'little-giant', conditions: [scope(false)], gaps: [conditionGap('g2')] }), CONDITIONS, { pipeline: 'far', shortBy: 1, unmetConditions: 1 }],
  ['conditions: a scope condition not known does not make it far', evaluation({ scheme: 'little-giant', conditions: [scope(null)], gaps: [conditionGap('g2')] }), CONDITIONS, { pipeline: 'close', shortBy: 1, unmetConditions: 1 }],
  ['conditions: incomplete', evaluation({ scheme: 'little-giant', outcome: 'incomplete', gaps: [conditionGap('g2')] }), CONDITIONS, { pipeline: 'incomplete', shortBy: 1, unmetConditions: 1 }],
  ['conditions: not qualified without a gap', evaluation({ scheme: 'little-giant' }), CONDITIONS, { pipeline: 'far', shortBy: null, unmetConditions: 0 }],
];

describe('placeInPipeline', () => {
  it.each(cases)('%s', (_name, ev, scheme, expected) => {
    expect(placeInPipeline(ev, scheme, margins)).toEqual(expected);
  });

  it('uses the margins given: 0 points makes every short score far, 2 conditions makes two unmet close', () => {
    expect(placeInPipeline(evaluation({ total: 59, gaps: [indicatorGap(1)] }), SCORE, { closeWithinPoints: 0, closeWithinConditions: 1 }).pipeline).toBe('far');
    expect(placeInPipeline(evaluation({ gaps: [conditionGap('a'), conditionGap('b')] }), CONDITIONS, { closeWithinPoints: 10, closeWithinConditions: 2 }).pipeline).toBe('close');
  });

  it('rounds fractional points to hundredths', () => {
    expect(placeInPipeline(evaluation({ total: 57, gaps: [indicatorGap(0.1), indicatorGap(0.2)] }), SCORE, margins).shortBy).toBe(0.3);
  });
});
