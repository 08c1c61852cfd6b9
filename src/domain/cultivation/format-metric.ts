/**
 * How a cultivation metric is shown to people, by its MetricUnit (cultivation-evaluation.ts), in
 * Chinese and English: money in 万元 (profile money is yuan), ratios as percentages with at most
 * two decimals, flags as 是/否, levels as the band's words.
 *
 * Convention for unit 'level': the metric value IS the index of the band (0 = the best), as in
 * the IP indicator of 63号 Annexes 1 and 2, so it is shown as that band's words.
 */
import type { MetricUnit, Words } from './cultivation-evaluation.js';
import { formatWan } from './classify-sme-size.js';

/** A number with at most `decimals` decimals, trailing zeros dropped: 2.60 → "2.6", 15.000001 → "15". */
export function formatNumber(n: number, decimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const s = n.toFixed(decimals);
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A fraction as a percentage, at most 2 decimals: 0.026 → "2.6%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

/** Yuan as 万元 (whole yuan; a fraction of a yuan is rounded): 5,000,000 → "500"; negative keeps its sign. */
export function formatYuanAsWan(yuan: number): string {
  if (!Number.isFinite(yuan)) return String(yuan);
  const whole = Math.round(yuan);
  return whole < 0 ? `-${formatWan(-whole)}` : formatWan(whole);
}

/**
 * A metric value in words. `bands` are the indicator's band words (needed for unit 'level'; a
 * level outside them is shown as its number).
 */
export function formatMetric(value: number, unit: MetricUnit, bands?: readonly Words[]): Words {
  switch (unit) {
    case 'yuan': {
      const wan = formatYuanAsWan(value);
      return { zh: `${wan}万元`, en: `${wan} × 10,000 yuan` };
    }
    case 'ratio': {
      const p = formatPercent(value);
      return { zh: p, en: p };
    }
    case 'flag':
      return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
    case 'persons': {
      const n = formatNumber(value);
      return { zh: `${n}人`, en: `${n} ${value === 1 ? 'person' : 'persons'}` };
    }
    case 'years': {
      const n = formatNumber(value);
      return { zh: `${n}年`, en: `${n} ${value === 1 ? 'year' : 'years'}` };
    }
    case 'points': {
      const n = formatNumber(value);
      return { zh: `${n}分`, en: `${n} ${value === 1 ? 'point' : 'points'}` };
    }
    case 'level': {
      const band = Number.isInteger(value) ? bands?.[value] : undefined;
      if (band) return { zh: band.zh, en: band.en };
      const n = formatNumber(value);
      return { zh: n, en: n };
    }
    case 'count': {
      const n = formatNumber(value);
      return { zh: n, en: n };
    }
  }
}
