import type { MetricUnit } from '../../domain/cultivation/cultivation-evaluation.js';

const pointsFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const wanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const percentFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A score: 72, 72.5. */
export function formatPoints(points: number): string {
  return pointsFormat.format(points);
}

/** yuan as 万元 ("1,234.5"), exact to the yuan. */
export function formatWan(yuan: number): string {
  return wanFormat.format(yuan / 10_000);
}

/** A fraction as a percentage ("2.6%"). */
export function formatPercent(fraction: number): string {
  return `${percentFormat.format(fraction * 100)}%`;
}

export type UnitWords = { wan: string; persons: string; count: string; years: string; points: string; yes: string; no: string };

/** A metric value in its unit, for the indicator and condition tables; null → null (the caller shows 未填报). */
export function formatMetric(value: number | null, unit: MetricUnit, words: UnitWords): string | null {
  if (value === null) return null;
  switch (unit) {
    case 'yuan':
      return `${formatWan(value)} ${words.wan}`;
    case 'ratio':
      return formatPercent(value);
    case 'persons':
      return `${countFormat.format(value)} ${words.persons}`;
    case 'count':
      return `${countFormat.format(value)} ${words.count}`;
    case 'years':
      return `${countFormat.format(value)} ${words.years}`;
    case 'points':
      return `${formatPoints(value)} ${words.points}`;
    case 'flag':
      return value ? words.yes : words.no;
    case 'level':
      return countFormat.format(value);
  }
}
