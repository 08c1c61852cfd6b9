import { toDayNumber } from '../calendar/index.js';

export type CoverageWarningInput = {
  /** The enterprise's most recent visit (YYYY-MM-DD), or null when it was never visited. */
  lastVisitOn: string | null;
  /** The date of the visit being planned. */
  plannedOn: string;
  /** The zone's setting: visits closer together than this many weeks (7 × minWeeks days) are warned of; 0 = never. */
  minWeeks: number;
};

export type CoverageWarning = {
  lastVisitOn: string;
  /** Whole weeks between the two dates (a visit 13 days apart is 1 week). */
  weeksSince: number;
};

/**
 * 无事不扰: warns (does not refuse) when a visit is planned to an enterprise seen fewer than
 * `minWeeks` weeks before — fewer than 7 × minWeeks calendar days apart, so exactly minWeeks
 * weeks is fine. The distance is taken either way, so planning a visit shortly before one already
 * done or planned warns too. Never visited, or minWeeks 0, gives null.
 *
 * @throws RangeError for a malformed date, or a minWeeks that is not a whole number ≥ 0.
 */
export function coverageWarning(input: CoverageWarningInput): CoverageWarning | null {
  const { lastVisitOn, plannedOn, minWeeks } = input;
  if (!Number.isInteger(minWeeks) || minWeeks < 0) throw new RangeError(`最短走访间隔应为不小于 0 的整数周，收到 ${minWeeks}`);
  const planned = toDayNumber(plannedOn);
  if (lastVisitOn === null || minWeeks === 0) return null;
  const days = Math.abs(planned - toDayNumber(lastVisitOn));
  if (days >= 7 * minWeeks) return null;
  return { lastVisitOn, weeksSince: Math.floor(days / 7) };
}
