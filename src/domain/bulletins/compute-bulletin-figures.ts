import type { BulletinFigures, DemandFact } from './bulletin-types.js';

/**
 * THE DEFINITIONS of the bulletin's figures, written once. They are the definitions of the
 * 诉求统计 page (countDemands in src/server/demands/demands.repository.ts, rates as in
 * demand-stats.service.ts), so that a bulletin and the statistics page never disagree about the
 * same days. A period is a range of zone days `from`..`to` (inclusive); `today` is the zone's
 * today when the facts were read (the facts hold each demand's state on that day).
 *
 * - received:      submitted in the period (submittedOn).
 * - accepted:      accepted in the period (acceptedOn).
 * - declined:      declined (不予受理) in the period (status declined, closedOn in the period).
 * - settled:       settled in the period (settledOn). A reopened demand loses its settlement, so
 *                  it counts again only when it is settled again.
 * - settledOnTime: settled in the period and on or before its deadline (settledOnTime = true;
 *                  settled on the deadline day itself is on time).
 * - overdue:       due in the period (dueOn) and late: settled after the deadline
 *                  (settledOnTime = false, whenever that was), or still being handled
 *                  (assigned / in_progress) with the deadline before `today`. A demand waiting for
 *                  the enterprise (waiting) has its clock stopped and is not overdue while it waits.
 * - extended:      submitted in the period and ever granted an extension (its deadline is the
 *                  extended one, so on time is judged against it).
 * - reopened:      submitted in the period and reopened at least once (reopenCount > 0).
 * - onTimeRate:    settledOnTime / settled.
 * - satisfactionRate: of the demands closed in the period (closedOn) with a satisfaction rating,
 *                  the share rated 满意 or 基本满意.
 * - confirmationRate: of the demands closed after settlement in the period (status closed,
 *                  closedOn in the period), the share the enterprise confirmed itself (or the
 *                  coordinator by phone, 电话回访) rather than closed by default (默认确认).
 *
 * Rates are fractions 0..1 rounded to four decimals, as on the statistics page, or null when the
 * denominator is 0 (never NaN).
 *
 * A demand "belongs to" a period (is listed in its tables, and counts as `handled` by its lead
 * department) when it was submitted, accepted, settled or closed in the period, or is due in it:
 * the same rows the statistics page's query reads.
 */
export type Period = { from: string; to: string; today: string };

/** The raw counts behind one BulletinFigures; rates are computed from them at the end. */
export type FigureCounts = {
  handled: number;
  received: number;
  accepted: number;
  declined: number;
  settled: number;
  settledOnTime: number;
  overdue: number;
  extended: number;
  reopened: number;
  rated: number;
  satisfiedOrBasically: number;
  closedAfterSettlement: number;
  confirmedByEnterprise: number;
};

export function emptyCounts(): FigureCounts {
  return {
    handled: 0, received: 0, accepted: 0, declined: 0, settled: 0, settledOnTime: 0, overdue: 0, extended: 0, reopened: 0,
    rated: 0, satisfiedOrBasically: 0, closedAfterSettlement: 0, confirmedByEnterprise: 0,
  };
}

const within = (day: string | null, p: Period) => day !== null && day >= p.from && day <= p.to;

/** Overdue in the period, per the definition above; the overdue list uses the same test. */
export function isOverdueIn(fact: DemandFact, p: Period): boolean {
  if (!within(fact.dueOn, p)) return false;
  if (fact.settledOnTime === false) return true;
  return (fact.status === 'assigned' || fact.status === 'in_progress') && (fact.dueOn as string) < p.today;
}

// What one demand contributes to a period's counts, as bits (no allocation per demand).
const HANDLED = 1;
const RECEIVED = 1 << 1;
const ACCEPTED = 1 << 2;
const DECLINED = 1 << 3;
const SETTLED = 1 << 4;
const SETTLED_ON_TIME = 1 << 5;
const OVERDUE = 1 << 6;
const EXTENDED = 1 << 7;
const REOPENED = 1 << 8;
const RATED = 1 << 9;
const SATISFIED = 1 << 10;
const CLOSED_AFTER_SETTLEMENT = 1 << 11;
const CONFIRMED_BY_ENTERPRISE = 1 << 12;

/** What one demand contributes to period `p` (0 when it does not belong to the period); see `addContribution`. */
export function contributionOf(fact: DemandFact, p: Period): number {
  const submitted = within(fact.submittedOn, p);
  const accepted = within(fact.acceptedOn, p);
  const settled = within(fact.settledOn, p);
  const closed = within(fact.closedOn, p);
  const due = within(fact.dueOn, p);
  if (!(submitted || accepted || settled || closed || due)) return 0;
  let bits = HANDLED;
  if (submitted) {
    bits |= RECEIVED;
    if (fact.extended) bits |= EXTENDED;
    if (fact.reopenCount > 0) bits |= REOPENED;
  }
  if (accepted) bits |= ACCEPTED;
  if (settled) {
    bits |= SETTLED;
    if (fact.settledOnTime === true) bits |= SETTLED_ON_TIME;
  }
  if (closed) {
    if (fact.status === 'declined') bits |= DECLINED;
    if (fact.satisfaction !== null) {
      bits |= RATED;
      if (fact.satisfaction === 'satisfied' || fact.satisfaction === 'basically-satisfied') bits |= SATISFIED;
    }
    if (fact.status === 'closed') {
      bits |= CLOSED_AFTER_SETTLEMENT;
      if (!fact.confirmedByDefault) bits |= CONFIRMED_BY_ENTERPRISE;
    }
  }
  if (due && isOverdueIn(fact, p)) bits |= OVERDUE;
  return bits;
}

/** Adds a demand's contribution (from `contributionOf`) to `counts`. */
export function addContribution(c: FigureCounts, bits: number): void {
  if (bits === 0) return;
  c.handled += 1;
  if (bits & RECEIVED) c.received += 1;
  if (bits & ACCEPTED) c.accepted += 1;
  if (bits & DECLINED) c.declined += 1;
  if (bits & SETTLED) c.settled += 1;
  if (bits & SETTLED_ON_TIME) c.settledOnTime += 1;
  if (bits & OVERDUE) c.overdue += 1;
  if (bits & EXTENDED) c.extended += 1;
  if (bits & REOPENED) c.reopened += 1;
  if (bits & RATED) c.rated += 1;
  if (bits & SATISFIED) c.satisfiedOrBasically += 1;
  if (bits & CLOSED_AFTER_SETTLEMENT) c.closedAfterSettlement += 1;
  if (bits & CONFIRMED_BY_ENTERPRISE) c.confirmedByEnterprise += 1;
}

/** Whether a contribution counts the demand as overdue (it then goes on the overdue list). */
export const contributesOverdue = (bits: number): boolean => (bits & OVERDUE) !== 0;

/** part / whole rounded to four decimals (as the statistics page rounds), or null when whole is 0. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function figuresOf(c: FigureCounts): BulletinFigures {
  return {
    received: c.received,
    accepted: c.accepted,
    declined: c.declined,
    settled: c.settled,
    settledOnTime: c.settledOnTime,
    overdue: c.overdue,
    extended: c.extended,
    reopened: c.reopened,
    onTimeRate: rateOf(c.settledOnTime, c.settled),
    satisfactionRate: rateOf(c.satisfiedOrBasically, c.rated),
    confirmationRate: rateOf(c.confirmedByEnterprise, c.closedAfterSettlement),
  };
}

function checkPeriod(p: Period): void {
  for (const [name, day] of [['from', p.from], ['to', p.to], ['today', p.today]] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`${name}“${day}”无效，应为 YYYY-MM-DD 格式的日期`);
  }
  if (p.to < p.from) throw new RangeError(`起始日期 ${p.from} 晚于截止日期 ${p.to}`);
}

/**
 * The figures of a list of demand facts for the zone days from..to (inclusive), with the
 * statuses as of `today` (see the definitions above). One pass over the facts.
 *
 * @throws RangeError for a malformed day or from after to.
 */
export function computeFigures(facts: readonly DemandFact[], period: Period): BulletinFigures {
  checkPeriod(period);
  const counts = emptyCounts();
  for (const fact of facts) addContribution(counts, contributionOf(fact, period));
  return figuresOf(counts);
}
