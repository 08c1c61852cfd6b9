import { EXPIRING_WITHIN_DAYS } from '../../domain/cultivation/count-by-tier.js';
import { i18next } from '../i18n/index.js';

/**
 * How the pipeline pages show their own numbers: points with at most two decimals, unmet
 * conditions as a count; dates stay YYYY-MM-DD. (An evaluation's values — 万元, % — come worded
 * from the server's explainEvaluation.)
 */

/** At most `digits` decimals, without trailing zeros: 12.50 → 12.5, 3.00 → 3. */
export function trimNumber(value: number, digits = 2): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

export function formatPoints(points: number): string {
  return i18next.t('cultivationPipeline.units.points', { value: trimNumber(points) });
}

/** How far short of qualifying: points for a score scheme, unmet conditions for the others. */
export function formatShortBy(shortBy: number | null, scoreScheme: boolean): string {
  if (shortBy === null) return '—';
  return scoreScheme ? formatPoints(shortBy) : i18next.t('cultivationPipeline.units.conditions', { value: trimNumber(shortBy) });
}

/** Days from `today` to `day` (both YYYY-MM-DD), negative when past. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** valid / expiring (within 90 days, as the running count) / expired, for a title valid until `validUntil` (inclusive). */
export function validityState(validUntil: string, today: string): 'valid' | 'expiring' | 'expired' {
  const days = daysBetween(today, validUntil);
  if (days < 0) return 'expired';
  if (days <= EXPIRING_WITHIN_DAYS) return 'expiring';
  return 'valid';
}
