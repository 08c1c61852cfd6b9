import { describe, expect, it } from 'vitest';
import { DEMAND_CHANNELS, DEMAND_STATUSES, SATISFACTION_LEVELS } from '../demands/index.js';
import { closed, fact, settled } from './bulletin-facts.fixture.js';
import type { BulletinFigures, DemandFact } from './bulletin-types.js';
import { computeFigures, rateOf, type Period } from './compute-bulletin-figures.js';

const MARCH: Period = { from: '2026-03-01', to: '2026-03-31', today: '2026-04-10' };
const APRIL: Period = { from: '2026-04-01', to: '2026-04-30', today: '2026-04-10' };

const ZERO: BulletinFigures = {
  received: 0, accepted: 0, declined: 0, settled: 0, settledOnTime: 0, overdue: 0, extended: 0, reopened: 0,
  onTimeRate: null, satisfactionRate: null, confirmationRate: null,
};
const figures = (f: Partial<BulletinFigures>): BulletinFigures => ({ ...ZERO, ...f });

describe('computeFigures', () => {
  it.each<[string, DemandFact, Period, Partial<BulletinFigures>]>([
    ['a demand received and accepted in the month, not yet due', fact({ dueOn: '2026-04-08' }), MARCH, { received: 1, accepted: 1 }],
    ['a demand received in February and accepted in March', fact({ submittedOn: '2026-02-27', acceptedOn: '2026-03-02', dueOn: null, status: 'accepted' }), MARCH,
      { accepted: 1 }],
    ['a demand settled exactly on its deadline (on time)', settled('2026-03-09', '2026-03-09'), MARCH,
      { received: 1, accepted: 1, settled: 1, settledOnTime: 1, onTimeRate: 1 }],
    ['a demand settled the day after its deadline (late, overdue)', settled('2026-03-10', '2026-03-09'), MARCH,
      { received: 1, accepted: 1, settled: 1, overdue: 1, onTimeRate: 0 }],
    ['an extended demand settled within its extended deadline', settled('2026-03-18', '2026-03-20', { extended: true }), MARCH,
      { received: 1, accepted: 1, settled: 1, settledOnTime: 1, extended: 1, onTimeRate: 1 }],
    ['a reopened demand, its settlement cleared and a new deadline in April', fact({ status: 'assigned', reopenCount: 1, dueOn: '2026-04-15' }), MARCH,
      { received: 1, accepted: 1, reopened: 1 }],
    ['a demand received in March and settled on time in April, seen in March', settled('2026-04-01', '2026-04-01', { submittedOn: '2026-03-25', acceptedOn: '2026-03-25' }),
      MARCH, { received: 1, accepted: 1 }],
    ['the same, seen in April', settled('2026-04-01', '2026-04-01', { submittedOn: '2026-03-25', acceptedOn: '2026-03-25' }),
      APRIL, { settled: 1, settledOnTime: 1, onTimeRate: 1 }],
    ['a demand due in March, open at March’s end, settled late in April, seen in March',
      settled('2026-04-02', '2026-03-27', { submittedOn: '2026-03-20', acceptedOn: '2026-03-20' }), MARCH, { received: 1, accepted: 1, overdue: 1 }],
    ['the same, seen in April (late, but overdue in March only)',
      settled('2026-04-02', '2026-03-27', { submittedOn: '2026-03-20', acceptedOn: '2026-03-20' }), APRIL, { settled: 1, onTimeRate: 0 }],
    ['a demand in progress past its deadline', fact({ dueOn: '2026-03-27' }), MARCH, { received: 1, accepted: 1, overdue: 1 }],
    ['an assigned demand past its deadline', fact({ status: 'assigned', dueOn: '2026-03-27' }), MARCH, { received: 1, accepted: 1, overdue: 1 }],
    ['a demand waiting for the enterprise past its old deadline (clock stopped)', fact({ status: 'waiting', dueOn: '2026-03-27' }), MARCH,
      { received: 1, accepted: 1 }],
    ['a demand with a provisional deadline, past it', fact({ dueOn: '2026-03-27', dueProvisional: true }), MARCH, { received: 1, accepted: 1, overdue: 1 }],
    ['a demand due on the month’s last day, still open, while that day runs', fact({ dueOn: '2026-03-31' }), { ...MARCH, today: '2026-03-31' },
      { received: 1, accepted: 1 }],
    ['a demand due on the month’s last day, still open the next day (as the statistics page counts it)', fact({ dueOn: '2026-03-31' }),
      { ...MARCH, today: '2026-04-01' }, { received: 1, accepted: 1, overdue: 1 }],
    ['a demand due in March, still open, seen while March runs and before its deadline', fact({ dueOn: '2026-03-20' }), { ...MARCH, today: '2026-03-15' },
      { received: 1, accepted: 1 }],
    ['a declined demand (received, never settled)', fact({ status: 'declined', acceptedOn: null, closedOn: '2026-03-04', dueOn: null }), MARCH,
      { received: 1, declined: 1 }],
    ['a merged demand (received, never settled, not declined)', fact({ status: 'merged', acceptedOn: null, closedOn: '2026-03-05', dueOn: null }), MARCH,
      { received: 1 }],
    ['a demand settled in February and confirmed satisfied in March', closed('2026-03-03', { satisfaction: 'satisfied' }), MARCH,
      { satisfactionRate: 1, confirmationRate: 1 }],
    ['a demand closed by default in March (no rating)', closed('2026-03-03', { confirmedByDefault: true, resolved: null }), MARCH,
      { confirmationRate: 0 }],
    ['a demand confirmed resolved but dissatisfied', closed('2026-03-03', { satisfaction: 'dissatisfied' }), MARCH,
      { satisfactionRate: 0, confirmationRate: 1 }],
    ['a demand confirmed basically satisfied', closed('2026-03-03', { satisfaction: 'basically-satisfied' }), MARCH,
      { satisfactionRate: 1, confirmationRate: 1 }],
    ['a demand of another month entirely', settled('2026-01-12', '2026-01-14', { submittedOn: '2026-01-05', acceptedOn: '2026-01-05' }), MARCH, {}],
  ])('counts %s', (_case, one, period, expected) => {
    expect(computeFigures([one], period)).toEqual(figures(expected));
  });

  it('gives zeros and null rates (never NaN) for an empty month', () => {
    expect(computeFigures([], MARCH)).toEqual(ZERO);
  });

  it('computes rates as fractions rounded to four decimals, as the statistics page does', () => {
    const facts = [
      settled('2026-03-09', '2026-03-09'), settled('2026-03-05', '2026-03-09'), settled('2026-03-12', '2026-03-09'),
      closed('2026-03-10', { satisfaction: 'satisfied' }), closed('2026-03-11', { satisfaction: 'dissatisfied' }),
      closed('2026-03-12', { satisfaction: 'basically-satisfied' }), closed('2026-03-13', { confirmedByDefault: true, resolved: null }),
    ];
    const result = computeFigures(facts, MARCH);
    expect(result.onTimeRate).toBe(0.6667);
    expect(result.satisfactionRate).toBe(0.6667);
    expect(result.confirmationRate).toBe(0.75);
  });

  it.each([
    ['a malformed day', { ...MARCH, from: '2026-3-1' }],
    ['from after to', { ...MARCH, from: '2026-04-01' }],
    ['a malformed today', { ...MARCH, today: 'today' }],
  ])('refuses %s', (_case, period) => {
    expect(() => computeFigures([], period)).toThrow(RangeError);
  });
});

describe('rateOf', () => {
  it.each<[number, number, number | null]>([[0, 0, null], [3, 0, null], [0, 4, 0], [1, 3, 0.3333], [2, 3, 0.6667], [4, 4, 1]])(
    '%i / %i → %s',
    (part, whole, rate) => {
      expect(rateOf(part, whole)).toBe(rate);
    },
  );
});

/**
 * The statistics page's query (countDemands in src/server/demands/demands.repository.ts),
 * transcribed clause by clause, as the oracle the bulletin must agree with.
 */
function statisticsPageCounts(facts: readonly DemandFact[], p: Period) {
  const inPeriod = (day: string | null) => day !== null && day >= p.from && day <= p.to;
  const count = (where: (d: DemandFact) => boolean) => facts.filter(where).length;
  return {
    received: count((d) => inPeriod(d.submittedOn)),
    accepted: count((d) => inPeriod(d.acceptedOn)),
    declined: count((d) => d.status === 'declined' && inPeriod(d.closedOn)),
    settled: count((d) => inPeriod(d.settledOn)),
    settledOnTime: count((d) => inPeriod(d.settledOn) && d.settledOnTime === true),
    overdue: count((d) => d.dueOn !== null && d.dueOn >= p.from && d.dueOn <= p.to
      && (d.settledOnTime === false || (['assigned', 'in_progress'].includes(d.status) && d.dueOn < p.today))),
    extended: count((d) => inPeriod(d.submittedOn) && d.extended),
    reopened: count((d) => inPeriod(d.submittedOn) && d.reopenCount > 0),
    rated: count((d) => inPeriod(d.closedOn) && d.satisfaction !== null),
    satisfiedOrBasically: count((d) => inPeriod(d.closedOn) && (d.satisfaction === 'satisfied' || d.satisfaction === 'basically-satisfied')),
  };
}

/** A deterministic stream of arbitrary (not necessarily realistic) facts. */
function arbitraryFacts(count: number, seed: number): DemandFact[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const day = () => `2026-0${pick([2, 3, 4])}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const maybe = () => (random() < 0.5 ? day() : null);
  return Array.from({ length: count }, () =>
    fact({
      status: pick(DEMAND_STATUSES), channel: pick(DEMAND_CHANNELS), submittedOn: day(), acceptedOn: maybe(), closedOn: maybe(), settledOn: maybe(),
      dueOn: maybe(), settledOnTime: pick([true, false, null]), extended: random() < 0.3, reopenCount: pick([0, 0, 1, 2]),
      confirmedByDefault: random() < 0.3, satisfaction: pick([...SATISFACTION_LEVELS, null]),
    }),
  );
}

describe('computeFigures against the statistics page', () => {
  it.each([
    ['March, seen in April', MARCH],
    ['March, seen while it runs', { ...MARCH, today: '2026-03-16' }],
    ['a quarter', { from: '2026-02-01', to: '2026-04-30', today: '2026-04-10' }],
  ])('agrees with every count of the statistics page’s query for %s', (_case, period) => {
    const facts = arbitraryFacts(2000, 7);
    const page = statisticsPageCounts(facts, period);
    const result = computeFigures(facts, period);
    expect(result).toMatchObject({
      received: page.received, accepted: page.accepted, declined: page.declined, settled: page.settled, settledOnTime: page.settledOnTime,
      overdue: page.overdue, extended: page.extended, reopened: page.reopened,
      onTimeRate: rateOf(page.settledOnTime, page.settled), satisfactionRate: rateOf(page.satisfiedOrBasically, page.rated),
    });
    expect(page.overdue).toBeGreaterThan(0);
  });
});
