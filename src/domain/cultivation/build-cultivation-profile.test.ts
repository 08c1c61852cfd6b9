/**
 * buildCultivationProfile: which figure year fills which field, IP and equity sums, honours valid on
 * the date, years registered by anniversary, and which source wins (records over declarations,
 * declarations filling gaps of the same year only, ip.class2 preferring the declaration).
 */
import { describe, expect, it } from 'vitest';
import { buildCultivationProfile, type CultivationProfileSource, type YearlyFigureRow } from './build-cultivation-profile.js';
import { checkCultivationProfile } from './check-cultivation-profile.js';

const row = (year: number, base: number): YearlyFigureRow => ({
  year,
  employees: base * 10 + 1,
  revenue: base * 1000 + 2,
  mainRevenue: base * 1000 + 1,
  totalAssets: base * 1000 + 4,
  liabilities: base * 1000 + 5,
  rdExpense: base * 100 + 6,
  rdStaff: base + 7,
  ipInvention: base + 8,
  ipUtilityModel: 1,
  ipDesign: 2,
  ipSoftware: 3,
  ipOther: 50,
  equityFinancing: base * 10,
});

const SOURCE: CultivationProfileSource = {
  sizeSector: 'industry',
  foundedOn: '2015-07-01',
  // 2025 (the evaluation year itself) and 2021 (four years back) must be ignored.
  figures: [row(2021, 1), row(2022, 2), row(2023, 3), row(2024, 4), row(2025, 5)],
  qualifications: [],
};
const ON = '2025-06-30';

describe('buildCultivationProfile', () => {
  it('takes the prior year and the two before it from the figures', () => {
    const p = buildCultivationProfile(SOURCE, ON);
    expect(p).toMatchObject({
      sector: 'industry',
      employees: 41,
      revenue: 4002,
      revenuePreviousYear: 3002,
      revenueYearBeforePrevious: 2002,
      mainBusinessRevenue: 4001,
      mainBusinessRevenuePreviousYear: 3001,
      mainBusinessRevenueYearBeforePrevious: 2001,
      totalAssets: 4004,
      totalLiabilities: 4005,
      rdExpense: 406,
      rdExpensePreviousYear: 306,
      rdExpenseYearBeforePrevious: 206,
      rdStaff: 11,
      ip: { class1: 12, class2: 6, class1HighValue: null, class1SelfDeveloped: null },
      equityFinancingLast2Years: 70,
      equityFinancingLast3Years: 90,
      honours: [],
      yearsRegistered: 9,
    });
    expect('profile' in checkCultivationProfile(p)).toBe(true);
  });

  it('moves to the next prior year on 1 January', () => {
    expect(buildCultivationProfile(SOURCE, '2025-12-31').revenue).toBe(4002);
    expect(buildCultivationProfile(SOURCE, '2026-01-01').revenue).toBe(5002);
    expect(buildCultivationProfile(SOURCE, '2026-01-01').revenueYearBeforePrevious).toBe(3002);
  });

  it('leaves missing years and values missing, never zero', () => {
    const gappy: CultivationProfileSource = { ...SOURCE, figures: [{ ...row(2024, 4), revenue: null, ipDesign: null, equityFinancing: null }, row(2022, 2)] };
    const p = buildCultivationProfile(gappy, ON);
    expect(p.revenue).toBeNull();
    expect(p.revenuePreviousYear).toBeNull();
    expect(p.revenueYearBeforePrevious).toBe(2002);
    expect(p.ip).toMatchObject({ class1: 12, class2: null });
    expect(p.equityFinancingLast2Years).toBeNull();
    expect(p.equityFinancingLast3Years).toBeNull();
    const none = buildCultivationProfile({ ...SOURCE, figures: [], foundedOn: null, sizeSector: null }, ON);
    expect(none).toMatchObject({ sector: null, employees: null, revenue: null, ip: { class1: null, class2: null }, yearsRegistered: null, equityFinancingLast2Years: null });
  });

  it('sums equity financing over exactly the last 2 and 3 years', () => {
    const p = buildCultivationProfile({ ...SOURCE, figures: [row(2024, 4), row(2023, 3)] }, ON);
    expect(p.equityFinancingLast2Years).toBe(70);
    expect(p.equityFinancingLast3Years).toBeNull();
  });

  // [validFrom, validUntil, held on 2025-06-30]
  it.each([
    ['2025-06-30', null, true],
    ['2025-07-01', null, false],
    ['2022-06-30', '2025-06-30', true],
    ['2022-06-29', '2025-06-29', false],
    ['2019-01-01', null, true],
  ] as const)('a qualification from %s until %s is held on the date: %s', (validFrom, validUntil, held) => {
    const p = buildCultivationProfile({ ...SOURCE, qualifications: [{ kind: 'high-tech', validFrom, validUntil }] }, ON);
    expect(p.honours).toEqual(held ? ['high-tech-enterprise'] : []);
  });

  it('maps every recorded kind to its honour and ignores kinds that are not honours', () => {
    const kinds = ['little-giant', 'manufacturing-champion', 'specialised-sme', 'other', 'innovative-sme', 'tech-sme', 'high-tech'];
    const p = buildCultivationProfile({ ...SOURCE, qualifications: kinds.map((kind) => ({ kind, validFrom: '2024-01-01', validUntil: null })) }, ON);
    expect(p.honours).toEqual(['high-tech-enterprise', 'tech-sme', 'innovative-sme', 'specialised-sme', 'little-giant']);
  });

  it('adds declared honours the records do not hold, but not the ones they do', () => {
    const p = buildCultivationProfile({ ...SOURCE, declared: { honours: ['ip-demo', 'high-tech-enterprise', 'time-honoured-brand'] } }, ON);
    expect(p.honours).toEqual(['ip-demo', 'time-honoured-brand']);
  });

  // [foundedOn, years on 2025-06-30]
  it.each([
    ['2020-06-30', 5],
    ['2020-07-01', 4],
    ['2024-06-30', 1],
    ['2024-07-01', 0],
    ['2025-06-30', 0],
    ['2025-07-01', null],
  ] as const)('founded %s → %s whole years registered', (foundedOn, years) => {
    expect(buildCultivationProfile({ ...SOURCE, foundedOn }, ON).yearsRegistered).toBe(years);
  });

  it('lets the records win over a declaration, and the declaration fill their gaps in the same year', () => {
    const declared = {
      sector: 'retail' as const, employees: 999, revenue: 123, revenuePreviousYear: 456, yearsRegistered: 3,
      ip: { class1: 77, class2: 2, class1SelfDeveloped: 1, class1HighValue: 0 },
      strategicEmergingIndustry: true, yearsInNiche: 4, equityFinancingLast3Years: 8_000_000,
    };
    const figures = [{ ...row(2024, 4), revenue: null }, row(2022, 2)];
    const p = buildCultivationProfile({ ...SOURCE, foundedOn: null, figures, declared }, ON);
    expect(p).toMatchObject({
      sector: 'industry', // record
      employees: 41, // record
      revenue: 123, // record null → declared
      revenuePreviousYear: 456, // no 2023 row → declared
      yearsRegistered: 3, // no founding date → declared
      ip: { class1: 12, class2: 2, class1SelfDeveloped: 1, class1HighValue: 0 }, // class1 record; class2 declared
      strategicEmergingIndustry: true,
      yearsInNiche: 4,
      equityFinancingLast3Years: 8_000_000,
    });
    // The same declaration made for last year fills no year-dependent gap; its other fields stay.
    const old = buildCultivationProfile({ ...SOURCE, foundedOn: null, figures, declared, declaredOn: '2024-09-01' }, ON);
    expect(old).toMatchObject({
      revenue: null, revenuePreviousYear: null, yearsRegistered: null, equityFinancingLast3Years: null,
      ip: { class1: 12, class2: 6 }, strategicEmergingIndustry: true, yearsInNiche: 4,
    });
    expect(buildCultivationProfile({ ...SOURCE, declared, declaredOn: '2025-01-15' }, ON).revenue).toBe(4002);
    // An unknown record sector falls back to the declared one.
    expect(buildCultivationProfile({ ...SOURCE, sizeSector: 'mining', declared }, ON).sector).toBe('retail');
  });
});

describe('buildCultivationProfile with a declaration from an earlier year', () => {
  const declared = { netProfit: 5_000_000, developmentScore: 70, techStaff: 3, nicheMarketShare: 0.12, innovationScore: 80, ip: { class1HighValue: 2, class1: 2 } };
  it('does not take last year\'s year-bound values as this year\'s; last year\'s development score becomes the previous year\'s', () => {
    const p = buildCultivationProfile({ ...SOURCE, declared, declaredOn: '2024-05-01' }, ON);
    expect(p).toMatchObject({ netProfit: null, developmentScore: null, developmentScorePreviousYear: 70, techStaff: null, nicheMarketShare: null, innovationScore: null });
    expect(p.ip).toMatchObject({ class1HighValue: null });
  });
  it('takes them when declared in the evaluation year, never more high-value Ⅰ类 items than Ⅰ类 items', () => {
    const p = buildCultivationProfile({ ...SOURCE, figures: [{ ...row(2024, 4), ipInvention: 1 }], declared, declaredOn: '2025-03-01' }, ON);
    expect(p).toMatchObject({ netProfit: 5_000_000, developmentScore: 70, techStaff: 3, nicheMarketShare: 0.12 });
    expect(p.ip).toMatchObject({ class1: 1, class1HighValue: 1 });
  });
});
