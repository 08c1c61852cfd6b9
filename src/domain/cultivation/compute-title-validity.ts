/**
 * The validity of a tier title (创新型中小企业, 专精特新中小企业, 专精特新"小巨人") recognised on an
 * official list: three years from the list's date (official-rules.md §1.5 有效期: 创新型 3 years,
 * 粤工信规字〔2024〕5号 第十三条 via secondary sources; 专精特新 3 years; 小巨人 a 3-year cycle,
 * inferred from the re-review dates). The exact articles of 63号/2号 were not confirmed [U].
 *
 * The list's date is the first day of validity and the title ends the day before its third
 * anniversary: 2025-06-30 → 2028-06-29 (the certificates' usual "2025年6月30日至2028年6月29日").
 * A list dated 29 February has no anniversary in a common year; its three years run to 28 February
 * (the day before 1 March, where the anniversary falls when rolled forward).
 */
import { addDays, parseIsoDate } from '../calendar/iso-date.js';

export const TITLE_VALIDITY_YEARS = 3;

export interface TitleValidity {
  /** YYYY-MM-DD, the list's date */
  validFrom: string;
  /** YYYY-MM-DD, the last day the title is valid */
  validUntil: string;
}

/** The validity of a title recognised on `publishedOn` (YYYY-MM-DD). Throws a RangeError for a malformed date. */
export function computeTitleValidity(publishedOn: string): TitleValidity {
  const parts = parseIsoDate(publishedOn);
  if (!parts) throw new RangeError(`list date must be a real YYYY-MM-DD date, got ${publishedOn}`);
  // Date.UTC rolls 29 February of a common year forward to 1 March.
  const anniversary = new Date(Date.UTC(parts.year + TITLE_VALIDITY_YEARS, parts.month - 1, parts.day)).toISOString().slice(0, 10);
  return { validFrom: publishedOn, validUntil: addDays(anniversary, -1) };
}
