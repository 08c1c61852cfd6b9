import { describe, expect, it } from 'vitest';
import { fact, settled } from './bulletin-facts.fixture.js';
import type { DemandFact } from './bulletin-types.js';
import { computeFigures } from './compute-bulletin-figures.js';
import { computeBulletinStats } from './compute-bulletin-stats.js';

const OPTIONS = { month: '2026-03', today: '2026-04-10', minRanked: 3 };

/** `count` demands of one department received in March, `onTime` of them settled on time and `late` late. */
function department(id: string, name: string, count: number, onTime: number, late: number, extra: Partial<DemandFact> = {}): DemandFact[] {
  return Array.from({ length: count }, (_, i) => {
    const who = { leadDepartmentId: id, leadDepartmentName: name, ...extra };
    if (i < onTime) return settled('2026-03-09', '2026-03-09', who);
    if (i < onTime + late) return settled('2026-03-10', '2026-03-09', who);
    return fact({ dueOn: '2026-04-20', ...who });
  });
}

const ranks = (facts: DemandFact[], minRanked = 3) =>
  computeBulletinStats(facts, { ...OPTIONS, minRanked }).byDepartment.map((d) => [d.departmentName, d.rank, d.handled]);

describe('computeBulletinStats', () => {
  it('gives an empty month all zeros, rates null, no rows but the four channels', () => {
    const stats = computeBulletinStats([], OPTIONS);
    const zero = {
      received: 0, accepted: 0, declined: 0, settled: 0, settledOnTime: 0, overdue: 0, extended: 0, reopened: 0,
      onTimeRate: null, satisfactionRate: null, confirmationRate: null,
    };
    expect(stats).toEqual({
      month: '2026-03', asOf: '2026-03-31', totals: zero, previousMonth: zero, yearToDate: zero, byDepartment: [], byCategory: [],
      byChannel: ['portal', 'visit', 'cadre', 'hotline'].map((channel) => ({ channel, ...zero })), overdueList: [], minRanked: 3,
    });
  });

  it('computes the month, the previous month and the year to date with the same definitions', () => {
    const facts = [
      settled('2026-03-09', '2026-03-09'),
      settled('2026-03-12', '2026-03-09'),
      settled('2026-02-10', '2026-02-12', { submittedOn: '2026-02-03', acceptedOn: '2026-02-03' }),
      settled('2026-01-20', '2026-01-19', { submittedOn: '2026-01-12', acceptedOn: '2026-01-12' }),
      settled('2025-12-20', '2025-12-22', { submittedOn: '2025-12-15', acceptedOn: '2025-12-15' }),
      fact({ submittedOn: '2026-04-02', acceptedOn: '2026-04-02', dueOn: '2026-04-09' }),
    ];
    const stats = computeBulletinStats(facts, OPTIONS);
    expect(stats.totals).toEqual(computeFigures(facts, { from: '2026-03-01', to: '2026-03-31', today: '2026-04-10' }));
    expect(stats.previousMonth).toEqual(computeFigures(facts, { from: '2026-02-01', to: '2026-02-28', today: '2026-04-10' }));
    expect(stats.yearToDate).toEqual(computeFigures(facts, { from: '2026-01-01', to: '2026-03-31', today: '2026-04-10' }));
    expect([stats.totals.received, stats.previousMonth.received, stats.yearToDate.received]).toEqual([2, 1, 4]);
    expect([stats.totals.onTimeRate, stats.previousMonth.onTimeRate, stats.yearToDate.onTimeRate]).toEqual([0.5, 1, 0.5]);
  });

  it('takes December of the year before as the previous month of January', () => {
    const facts = [settled('2025-12-20', '2025-12-22', { submittedOn: '2025-12-15', acceptedOn: '2025-12-15' })];
    const stats = computeBulletinStats(facts, { ...OPTIONS, month: '2026-01' });
    expect([stats.totals.received, stats.previousMonth.received, stats.yearToDate.received]).toEqual([0, 1, 0]);
  });

  it('is as of today while the month runs, and counts what is overdue by today', () => {
    const facts = [fact({ dueOn: '2026-03-09' }), fact({ dueOn: '2026-03-12' })];
    const stats = computeBulletinStats(facts, { ...OPTIONS, today: '2026-03-10' });
    expect(stats.asOf).toBe('2026-03-10');
    expect(stats.totals.overdue).toBe(1);
    expect(stats.overdueList.map((o) => o.dueOn)).toEqual(['2026-03-09']);
  });

  it('ranks departments by on-time rate, then settled, then lists those below the minimum unranked', () => {
    const facts = [
      ...department('d-small', '安全生产监督管理局', 2, 2, 0), // 100 %, but only 2 handled: listed, not ranked
      ...department('d-low', '市场监督管理局', 4, 2, 2), // 50 %
      ...department('d-more', '生态环境分局', 6, 6, 0), // 100 %, 6 settled
      ...department('d-less', '财政局', 4, 4, 0), // 100 %, 4 settled
      ...department('d-none', '人力资源和社会保障局', 3, 0, 0), // 3 handled, nothing settled: no rate to rank by
    ];
    expect(ranks(facts)).toEqual([
      ['生态环境分局', 1, 6],
      ['财政局', 2, 4],
      ['市场监督管理局', 3, 4],
      ['安全生产监督管理局', null, 2],
      ['人力资源和社会保障局', null, 3],
    ]);
  });

  it('gives tied departments the same rank and skips the next (competition ranking 1, 2, 2, 4), tied ones by name', () => {
    const facts = [
      ...department('d-a', '经济发展局', 4, 3, 1), // 75 %, 4 settled
      ...department('d-b', '财政局', 4, 3, 1), // 75 %, 4 settled: tied with 经济发展局
      ...department('d-c', '生态环境分局', 6, 6, 0), // 100 %
      ...department('d-d', '市场监督管理局', 8, 6, 2), // 75 %, 8 settled: more settled, ahead of the tie
      ...department('d-e', '自然资源和规划分局', 3, 1, 2), // 33 %
    ];
    expect(ranks(facts)).toEqual([
      ['生态环境分局', 1, 6],
      ['市场监督管理局', 2, 8],
      ['财政局', 3, 4],
      ['经济发展局', 3, 4],
      ['自然资源和规划分局', 5, 3],
    ]);
  });

  it('compares on-time rates exactly, not as rounded decimals', () => {
    // 2/3 and 6667/10000 round alike; 2/3 is smaller.
    const facts = [...department('d-a', '甲局', 3, 2, 1), ...department('d-b', '乙局', 10_000, 6667, 3333)];
    expect(ranks(facts)).toEqual([['乙局', 1, 10_000], ['甲局', 2, 3]]);
  });

  it('ranks everyone with something settled when the minimum is 0', () => {
    const facts = [...department('d-a', '甲局', 1, 1, 0), ...department('d-b', '乙局', 1, 0, 0)];
    expect(ranks(facts, 0)).toEqual([['甲局', 1, 1], ['乙局', null, 1]]);
  });

  it('counts a demand with no lead department in the totals only', () => {
    const stats = computeBulletinStats([fact({ leadDepartmentId: null, leadDepartmentName: null, status: 'submitted', acceptedOn: null, dueOn: null })], OPTIONS);
    expect(stats.totals.received).toBe(1);
    expect(stats.byDepartment).toEqual([]);
  });

  it('lists the departments, categories and channels of the month with their figures', () => {
    const facts = [
      settled('2026-03-09', '2026-03-09', { categoryCode: 'utilities', categoryName: '水电气网', channel: 'visit' }),
      settled('2026-03-10', '2026-03-09', { categoryCode: 'utilities', categoryName: '水电气网', channel: 'visit' }),
      fact({ categoryCode: 'funding-and-loans', categoryName: '资金贷款', channel: 'hotline', leadDepartmentId: 'd-fin', leadDepartmentName: '财政局', dueOn: '2026-04-20' }),
      // Received in February, nothing in March: not in March's tables.
      settled('2026-02-10', '2026-02-12', { submittedOn: '2026-02-03', acceptedOn: '2026-02-03', categoryCode: 'other', categoryName: '其他' }),
    ];
    const stats = computeBulletinStats(facts, OPTIONS);
    expect(stats.byCategory.map((c) => [c.code, c.name, c.received, c.settled, c.overdue, c.onTimeRate])).toEqual([
      ['utilities', '水电气网', 2, 2, 1, 0.5],
      ['funding-and-loans', '资金贷款', 1, 0, 0, null],
    ]);
    expect(stats.byChannel.map((c) => [c.channel, c.received, c.settled])).toEqual([['portal', 0, 0], ['visit', 2, 2], ['cadre', 0, 0], ['hotline', 1, 0]]);
    expect(stats.byDepartment.map((d) => [d.departmentId, d.departmentName, d.handled, d.received, d.settled, d.overdue])).toEqual([
      ['dep-nature', '自然资源和规划分局', 2, 2, 2, 1],
      ['d-fin', '财政局', 1, 1, 0, 0],
    ]);
  });

  it('lists the overdue demands by due day, then number, flagging provisional deadlines', () => {
    const late = settled('2026-03-20', '2026-03-16', { number: 'YQ-2026-000900' });
    const openProvisional = fact({ number: 'YQ-2026-000800', dueOn: '2026-03-16', dueProvisional: true });
    const openEarlier = fact({ number: 'YQ-2026-000950', dueOn: '2026-03-05', status: 'assigned' });
    const spanning = settled('2026-04-02', '2026-03-27', { number: 'YQ-2026-000100', submittedOn: '2026-03-20', acceptedOn: '2026-03-20' });
    const notOverdue = [
      settled('2026-03-09', '2026-03-09'), // on the deadline day
      fact({ status: 'waiting', dueOn: '2026-03-10' }), // clock stopped
      fact({ dueOn: '2026-04-02', submittedOn: '2026-03-27', acceptedOn: '2026-03-27' }), // due in April
      settled('2026-02-25', '2026-02-20', { submittedOn: '2026-02-10', acceptedOn: '2026-02-10' }), // late in February
    ];
    const stats = computeBulletinStats([late, openProvisional, ...notOverdue, openEarlier, spanning], OPTIONS);
    expect(stats.overdueList).toEqual([
      { id: openEarlier.id, number: 'YQ-2026-000950', departmentId: 'dep-nature', departmentName: '自然资源和规划分局', categoryName: '产证办理',
        dueOn: '2026-03-05', dueProvisional: false, state: 'open' },
      { id: openProvisional.id, number: 'YQ-2026-000800', departmentId: 'dep-nature', departmentName: '自然资源和规划分局', categoryName: '产证办理',
        dueOn: '2026-03-16', dueProvisional: true, state: 'open' },
      { id: late.id, number: 'YQ-2026-000900', departmentId: 'dep-nature', departmentName: '自然资源和规划分局', categoryName: '产证办理',
        dueOn: '2026-03-16', dueProvisional: false, state: 'settled-late' },
      { id: spanning.id, number: 'YQ-2026-000100', departmentId: 'dep-nature', departmentName: '自然资源和规划分局', categoryName: '产证办理',
        dueOn: '2026-03-27', dueProvisional: false, state: 'settled-late' },
    ]);
    expect(stats.totals.overdue).toBe(stats.overdueList.length);
    expect(computeBulletinStats([spanning], { ...OPTIONS, month: '2026-04' }).overdueList).toEqual([]);
  });

  it('counts the edge cases of the issue in one month', () => {
    const facts = [
      settled('2026-03-09', '2026-03-09'), // settled exactly at the deadline
      settled('2026-03-18', '2026-03-20', { extended: true }), // extended, on time against the extended deadline
      fact({ status: 'assigned', reopenCount: 1, dueOn: '2026-04-15' }), // reopened
      settled('2026-04-02', '2026-03-27', { submittedOn: '2026-03-20', acceptedOn: '2026-03-20' }), // spans two months, late
      fact({ dueOn: '2026-03-27', dueProvisional: true }), // provisional deadline, overdue
      fact({ status: 'declined', acceptedOn: null, dueOn: null, closedOn: '2026-03-04' }),
      fact({ status: 'merged', acceptedOn: null, dueOn: null, closedOn: '2026-03-05' }),
    ];
    const { totals } = computeBulletinStats(facts, OPTIONS);
    expect(totals).toEqual({
      received: 7, accepted: 5, declined: 1, settled: 2, settledOnTime: 2, overdue: 2, extended: 1, reopened: 1,
      onTimeRate: 1, satisfactionRate: null, confirmationRate: null,
    });
  });

  it.each([
    ['a month not begun', { ...OPTIONS, month: '2026-05' }],
    ['a malformed month', { ...OPTIONS, month: '2026-13' }],
    ['a malformed today', { ...OPTIONS, today: '2026-04-31' }],
    ['a negative minimum', { ...OPTIONS, minRanked: -1 }],
    ['a fractional minimum', { ...OPTIONS, minRanked: 2.5 }],
  ])('refuses %s', (_case, options) => {
    expect(() => computeBulletinStats([], options)).toThrow(RangeError);
  });
});
