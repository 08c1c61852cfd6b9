import type { IntellectualProperty } from './cultivation-profile.js';

/** The IP classes of the 63号 tables, best first: Ⅰ类高价值, 自主研发Ⅰ类, Ⅰ类, Ⅱ类. */
export const IP_LEVEL_KEYS = ['class1HighValue', 'class1SelfDeveloped', 'class1', 'class2'] as const;

/**
 * The count of one IP class, null when unknown. High-value and self-developed Ⅰ类 items are
 * Ⅰ类 items, so a known Ⅰ类 count of 0 makes both 0 even when they were not given (never a
 * missing input the enterprise must still fill).
 */
export function readIpCount(ip: IntellectualProperty, level: 0 | 1 | 2 | 3): number | null {
  const n = ip[IP_LEVEL_KEYS[level]];
  if (typeof n === 'number') return n;
  if (level < 2 && ip.class1 === 0) return 0;
  return null;
}
