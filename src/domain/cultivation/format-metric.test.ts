/** formatMetric: each MetricUnit in Chinese and English, with the rounding at its edges. */
import { describe, expect, it } from 'vitest';
import type { MetricUnit, Words } from './cultivation-evaluation.js';
import { formatMetric, formatNumber, formatPercent, formatYuanAsWan } from './format-metric.js';

const BANDS: Words[] = [{ zh: '甲', en: 'A' }, { zh: '乙', en: 'B' }];

describe('formatMetric', () => {
  it.each<[number, MetricUnit, Words]>([
    [5_000_000, 'yuan', { zh: '500万元', en: '500 × 10,000 yuan' }],
    [12_345_600, 'yuan', { zh: '1234.56万元', en: '1234.56 × 10,000 yuan' }],
    [2_600_000.4, 'yuan', { zh: '260万元', en: '260 × 10,000 yuan' }],
    [-1_500_000, 'yuan', { zh: '-150万元', en: '-150 × 10,000 yuan' }],
    [0, 'yuan', { zh: '0万元', en: '0 × 10,000 yuan' }],
    [0.026, 'ratio', { zh: '2.6%', en: '2.6%' }],
    [0.03, 'ratio', { zh: '3%', en: '3%' }],
    [0.12345, 'ratio', { zh: '12.35%', en: '12.35%' }],
    [0.15000001, 'ratio', { zh: '15%', en: '15%' }],
    [-0.1, 'ratio', { zh: '-10%', en: '-10%' }],
    [1, 'flag', { zh: '是', en: 'yes' }],
    [0, 'flag', { zh: '否', en: 'no' }],
    [120, 'persons', { zh: '120人', en: '120 persons' }],
    [1, 'years', { zh: '1年', en: '1 year' }],
    [3, 'years', { zh: '3年', en: '3 years' }],
    [72, 'points', { zh: '72分', en: '72 points' }],
    [4, 'count', { zh: '4', en: '4' }],
    [1, 'level', { zh: '乙', en: 'B' }],
    [5, 'level', { zh: '5', en: '5' }],
  ])('%s %s → %o', (value, unit, words) => {
    expect(formatMetric(value, unit, BANDS)).toEqual(words);
  });

  it('rounds to at most two decimals and drops trailing zeros', () => {
    expect([formatNumber(2.6), formatNumber(2.006), formatNumber(-0.001), formatNumber(10)]).toEqual(['2.6', '2.01', '0', '10']);
    expect(formatPercent(0.0001)).toBe('0.01%');
    expect(formatYuanAsWan(1)).toBe('0.0001');
  });
});
