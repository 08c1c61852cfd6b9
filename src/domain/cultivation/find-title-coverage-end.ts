/**
 * How long an enterprise keeps a tier title without a break: its titles of one tier (a first
 * recognition, then the renewals of 复核 — official-rules.md §1.5: "a pass extends validity 3
 * years") can overlap or follow one another; the title lapses only when none covers the next day.
 */
import { addDays } from '../calendar/iso-date.js';

export interface TitlePeriod {
  /** YYYY-MM-DD, first valid day */
  validFrom: string;
  /** YYYY-MM-DD, last valid day; null = no end recorded */
  validUntil: string | null;
}

/** The far end used for a title with no end date. */
export const OPEN_END = '9999-12-31';

/**
 * The last day of the unbroken coverage that includes `day`, from the titles of ONE enterprise and
 * ONE tier, in any order. A title starting the day after another ends continues the coverage.
 * Returns null when no title covers `day`; OPEN_END when a title without an end date covers it.
 */
export function findTitleCoverageEnd(titles: readonly TitlePeriod[], day: string): string | null {
  let found: string | null = null;
  for (const t of titles) {
    const until = t.validUntil ?? OPEN_END;
    if (t.validFrom <= day && day <= until && (found === null || until > found)) found = until;
  }
  if (found === null) return null;
  let end: string = found;
  // Extend by titles that start on or before the day after the current end, until none does.
  for (let extended = true; extended && end !== OPEN_END; ) {
    extended = false;
    const next = addDays(end, 1);
    for (const t of titles) {
      const until: string = t.validUntil ?? OPEN_END;
      if (t.validFrom <= next && until > end) {
        end = until;
        extended = true;
        if (end === OPEN_END) break;
      }
    }
  }
  return end;
}
