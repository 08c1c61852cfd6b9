import type { Language } from '../i18n/index.js';

export { formatRate } from '../demands/stats-format.js';

function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const intlLocale = (lang: Language) => (lang === 'en' ? 'en-GB' : 'zh-CN');

/** `2025-02` → 2025年2月 / February 2025. */
export function formatMonth(month: string, lang: Language): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(intlLocale(lang), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utcDay(y, m, 1));
}

/** `2025-03-05` → 2025年3月5日 / 5 March 2025 (the date line of an official document). */
export function formatLongDate(day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(intlLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utcDay(y, m, d));
}

/** The month before `YYYY-MM` (the default of a new bulletin is last month). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export type Trend = 'up' | 'down' | 'flat' | 'none';

/**
 * The month-on-month change of a figure: counts as a difference, rates in percentage points.
 * 'none' when either side has no value (a rate with nothing to divide by).
 */
export function changeOf(now: number | null, before: number | null, rate: boolean): { trend: Trend; text: string } {
  if (now === null || before === null) return { trend: 'none', text: '' };
  const diff = rate ? Math.round((now - before) * 1000) / 10 : now - before;
  if (diff === 0) return { trend: 'flat', text: '0' };
  const abs = Math.abs(diff);
  return { trend: diff > 0 ? 'up' : 'down', text: rate ? abs.toFixed(1) : String(abs) };
}
