import { describe, expect, it } from 'vitest';
import { countVisits, formatVisitSentence, type CountVisitsInput, type VisitCounts } from './count-visits.js';

type Visit = CountVisitsInput['visits'][number];
type Demand = CountVisitsInput['demands'][number];

// The seed (景德镇高新区): "共开展走访61次，服务企业210家（次），协调解决产证办理、竣工验收、厂房土地、
// 资金贷款、配套服务等各类问题166个". Built here: 61 done visits in 2025, 27 with four enterprises and
// 34 with three (108 + 102 = 210 enterprise-visits) drawn from 120 enterprises; 179 demands raised,
// 166 settled (156 on time), in six categories.
function seedVisits(): Visit[] {
  let next = 0;
  return Array.from({ length: 61 }, (_, i) => {
    const size = i < 27 ? 4 : 3;
    const enterpriseIds = Array.from({ length: size }, () => `e${next++ % 120}`);
    return { id: `v${i}`, themeId: i % 2 === 0 ? 'aviation' : 'ceramics', enterpriseIds, status: 'done', date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15` };
  });
}

const CATEGORIES: [name: string, settled: number, open: number][] = [
  ['配套服务', 20, 1],
  ['产证办理', 40, 5],
  ['其他', 16, 0],
  ['竣工验收', 35, 3],
  ['资金贷款', 25, 2],
  ['厂房土地', 30, 2],
];

function seedDemands(): Demand[] {
  const demands: Demand[] = [];
  let late = 10;
  for (const [categoryName, settled, open] of CATEGORIES) {
    for (let k = 0; k < settled; k += 1) demands.push({ visitId: `v${demands.length % 61}`, categoryName, settled: true, settledOnTime: late-- <= 0 });
    for (let k = 0; k < open; k += 1) demands.push({ visitId: `v${demands.length % 61}`, categoryName, settled: false, settledOnTime: null });
  }
  return demands;
}

// Visits and demands that must not count in 2025: planned, cancelled, and outside the period.
const noise: { visits: Visit[]; demands: Demand[] } = {
  visits: [
    { id: 'p1', themeId: 'aviation', enterpriseIds: ['e1', 'x1'], status: 'planned', date: '2025-06-10' },
    { id: 'c1', themeId: 'aviation', enterpriseIds: ['x2'], status: 'cancelled', date: '2025-06-11' },
    { id: 'o1', themeId: 'aviation', enterpriseIds: ['x3'], status: 'done', date: '2024-12-31' },
    { id: 'o2', themeId: 'ceramics', enterpriseIds: ['x4'], status: 'done', date: '2026-01-01' },
  ],
  demands: [
    { visitId: 'p1', categoryName: '产证办理', settled: true, settledOnTime: true },
    { visitId: 'o1', categoryName: '环评审批', settled: true, settledOnTime: true },
  ],
};

const seedInput: CountVisitsInput = {
  visits: [...seedVisits(), ...noise.visits],
  demands: [...seedDemands(), ...noise.demands],
  from: '2025-01-01',
  to: '2025-12-31',
};

const SEED_SENTENCE = '共开展走访61次，服务企业210家（次），协调解决产证办理、竣工验收、厂房土地、资金贷款、配套服务等各类问题166个';

describe('countVisits', () => {
  it("reproduces the seed's figures", () => {
    expect(countVisits(seedInput)).toEqual({
      visits: 61,
      enterpriseVisits: 210,
      distinctEnterprises: 120,
      demandsRaised: 179,
      settled: 166,
      settledOnTime: 156,
      byCategory: [
        { name: '产证办理', raised: 45, settled: 40 },
        { name: '竣工验收', raised: 38, settled: 35 },
        { name: '厂房土地', raised: 32, settled: 30 },
        { name: '资金贷款', raised: 27, settled: 25 },
        { name: '配套服务', raised: 21, settled: 20 },
        { name: '其他', raised: 16, settled: 16 },
      ],
    });
  });

  it.each<[string, Partial<CountVisitsInput>, Partial<VisitCounts>]>([
    ['one theme only', { themeId: 'aviation' }, { visits: 31, enterpriseVisits: 14 * 4 + 17 * 3 }],
    ['a theme with no visit', { themeId: 'foreign-trade' }, { visits: 0, enterpriseVisits: 0, distinctEnterprises: 0, demandsRaised: 0, byCategory: [] }],
    ['a period of one day (the bounds are inclusive)', { from: '2026-01-01', to: '2026-01-01' }, { visits: 1, enterpriseVisits: 1, demandsRaised: 0 }],
    ['a period of one month', { from: '2025-03-01', to: '2025-03-31' }, { visits: 5 }],
  ])('counts %s', (_case, change, expected) => {
    expect(countVisits({ ...seedInput, ...change })).toMatchObject(expected);
  });

  it.each<[string, Visit, number, number]>([
    ['an enterprise listed twice in one visit counts once', { id: 'd', themeId: null, enterpriseIds: ['a', 'a', 'b'], status: 'done', date: '2025-05-05' }, 2, 2],
    ['a visit without an enterprise counts as a visit only', { id: 'd', themeId: null, enterpriseIds: [], status: 'done', date: '2025-05-05' }, 0, 0],
  ])('%s', (_case, visit, enterpriseVisits, distinctEnterprises) => {
    expect(countVisits({ visits: [visit], demands: [], from: '2025-01-01', to: '2025-12-31' })).toMatchObject({ visits: 1, enterpriseVisits, distinctEnterprises });
  });

  it('throws a RangeError when the period ends before it starts', () => {
    expect(() => countVisits({ ...seedInput, from: '2025-12-31', to: '2025-01-01' })).toThrow(RangeError);
  });
});

describe('formatVisitSentence', () => {
  const counts = countVisits(seedInput);
  const none: VisitCounts = { visits: 0, enterpriseVisits: 0, distinctEnterprises: 0, demandsRaised: 0, settled: 0, settledOnTime: 0, byCategory: [] };

  it.each<[string, VisitCounts, number | undefined, string]>([
    ["writes the seed's sentence, naming the five biggest categories", counts, undefined, SEED_SENTENCE],
    ['names fewer categories when asked', counts, 2, '共开展走访61次，服务企业210家（次），协调解决产证办理、竣工验收等各类问题166个'],
    ['names no category when nothing was raised', none, undefined, '共开展走访0次，服务企业0家（次），协调解决各类问题0个'],
    [
      'skips categories with nothing settled',
      { ...none, visits: 3, enterpriseVisits: 5, demandsRaised: 3, settled: 1, byCategory: [{ name: '环评审批', raised: 2, settled: 0 }, { name: '厂房土地', raised: 1, settled: 1 }] },
      undefined,
      '共开展走访3次，服务企业5家（次），协调解决厂房土地等各类问题1个',
    ],
  ])('%s', (_case, input, maxCategories, sentence) => {
    expect(formatVisitSentence(input, maxCategories === undefined ? {} : { maxCategories })).toBe(sentence);
  });
});
