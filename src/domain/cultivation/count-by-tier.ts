/**
 * The zone's running count by tier (累计认定, the seed's "累计达145家"): for each month, the
 * enterprises ever recognised in a tier (distinct, however many times renewed) and those holding a
 * valid title at the month's end; and today's figures with the titles about to lapse.
 */
import { addDays, parseIsoDate } from '../calendar/iso-date.js';
import type { CultivationScheme } from './cultivation-evaluation.js';
import { CULTIVATION_SCHEMES } from './cultivation-evaluation.js';
import { findTitleCoverageEnd, type TitlePeriod } from './find-title-coverage-end.js';

export interface TierTitle extends TitlePeriod {
  enterpriseId: string;
  scheme: CultivationScheme;
}

export interface TierCountPoint {
  /** YYYY-MM */
  month: string;
  scheme: CultivationScheme;
  cumulative: number;
  valid: number;
}

export interface TierCurrent {
  scheme: CultivationScheme;
  cumulative: number;
  valid: number;
  expiringIn90Days: number;
}

/** A title "expiring" is one whose unbroken coverage (renewals included) ends within this many days. */
export const EXPIRING_WITHIN_DAYS = 90;

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The months from the month of `from` to the month of `to` (both YYYY-MM-DD), as YYYY-MM; empty when from > to. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`months between ${from} and ${to}: both must be YYYY-MM-DD`);
  const out: string[] = [];
  for (let y = a.year, m = a.month; y < b.year || (y === b.year && m <= b.month); m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/**
 * Counts by month and tier. A month is counted at its last day, or at `today` for the month that
 * holds it (the end of a month still running is not known yet); a later month counts the titles
 * as recorded (a projection: nobody new, the titles lapsing as dated).
 *
 * cumulative: distinct enterprises with a title of the tier starting on or before that day.
 * valid: distinct enterprises with a title of the tier covering that day (validFrom ≤ day ≤ validUntil;
 * no end date = still valid).
 */
export function countByTier(titles: readonly TierTitle[], months: readonly string[], today: string): TierCountPoint[] {
  const byScheme = groupByScheme(titles);
  const points: TierCountPoint[] = [];
  for (const month of months) {
    const end = monthEnd(month);
    const day = month === today.slice(0, 7) ? today : end;
    for (const scheme of CULTIVATION_SCHEMES) {
      const list = byScheme.get(scheme) ?? [];
      points.push({ month, scheme, ...countOn(list, day) });
    }
  }
  return points;
}

/**
 * Today's figures per tier, with expiringIn90Days: enterprises holding a valid title today whose
 * unbroken coverage (a renewal that follows without a gap continues it) ends within 90 days
 * (last valid day ≤ today + 90).
 */
export function currentByTier(titles: readonly TierTitle[], today: string): TierCurrent[] {
  const byScheme = groupByScheme(titles);
  const horizon = addDays(today, EXPIRING_WITHIN_DAYS);
  return CULTIVATION_SCHEMES.map((scheme) => {
    const list = byScheme.get(scheme) ?? [];
    const perEnterprise = new Map<string, TierTitle[]>();
    for (const t of list) {
      const ts = perEnterprise.get(t.enterpriseId);
      if (ts) ts.push(t);
      else perEnterprise.set(t.enterpriseId, [t]);
    }
    let expiring = 0;
    for (const ts of perEnterprise.values()) {
      const end = findTitleCoverageEnd(ts, today);
      if (end !== null && end <= horizon) expiring++;
    }
    return { scheme, ...countOn(list, today), expiringIn90Days: expiring };
  });
}

function countOn(list: readonly TierTitle[], day: string): { cumulative: number; valid: number } {
  const ever = new Set<string>();
  const valid = new Set<string>();
  for (const t of list) {
    if (t.validFrom > day) continue;
    ever.add(t.enterpriseId);
    if (t.validUntil === null || day <= t.validUntil) valid.add(t.enterpriseId);
  }
  return { cumulative: ever.size, valid: valid.size };
}

function groupByScheme(titles: readonly TierTitle[]): Map<CultivationScheme, TierTitle[]> {
  const map = new Map<CultivationScheme, TierTitle[]>();
  for (const t of titles) {
    const list = map.get(t.scheme);
    if (list) list.push(t);
    else map.set(t.scheme, [t]);
  }
  return map;
}
