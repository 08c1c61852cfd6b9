/**
 * checkCultivationProfile: one case per kind of error, the accepted edges of each kind, and the
 * valid profile coming back with unknown fields dropped and nulls read as absent.
 */
import { describe, expect, it } from 'vitest';
import { SIZE_SECTORS } from '../enterprises/size-sectors.js';
import { checkCultivationProfile, CULTIVATION_PROFILE_FIELDS, type ProfileFieldError } from './check-cultivation-profile.js';
import type { CultivationProfile } from './cultivation-profile.js';

const FULL: CultivationProfile = {
  sector: 'industry',
  employees: 120,
  revenue: 50_000_000,
  revenuePreviousYear: 42_000_000,
  revenueYearBeforePrevious: 40_000_000,
  mainBusinessRevenue: 45_000_000,
  mainBusinessRevenuePreviousYear: 38_000_000,
  mainBusinessRevenueYearBeforePrevious: 35_000_000,
  totalAssets: 60_000_000,
  totalLiabilities: 30_000_000,
  rdExpense: 2_000_000,
  rdExpensePreviousYear: 1_500_000,
  rdExpenseYearBeforePrevious: 1_200_000.5,
  rdStaff: 18,
  netProfit: -250_000,
  yearsInNiche: 6,
  ip: { class1HighValue: 0, class1SelfDeveloped: 2, class1: 3, class2: 10 },
  strategicEmergingIndustry: true,
  honours: ['high-tech-enterprise', 'innovative-sme'],
  scienceAward: { level: 'provincial', rank: 2, year: 2024 },
  rdInstitutionLevel: 'municipal',
  equityFinancingLast2Years: 0,
  equityFinancingLast3Years: 6_000_000,
  makerChina: 'national-top500',
  digitalisationLevel: 2,
  qualityItems: ['own-brand', 'quality-system-certified'],
  productField2022: 'six-foundations',
  provincialPoints: { provincial: 12.5 },
  nicheMarketShare: 0.12,
  nicheMarketRank: 3,
  developmentScore: 72,
  developmentScorePreviousYear: 65,
  qualitativeClaims: ['information-system', 'own-brand'],
  scopeIssues: [],
  yearsRegistered: 8.5,
  techStaff: 25,
  highTechRevenueShare: 0.7,
  rdInChinaShare: 1,
  coreTechInSupportedField: false,
  innovationScore: 100,
};

function errorsOf(data: unknown): ProfileFieldError[] {
  const r = checkCultivationProfile(data);
  if ('profile' in r) throw new Error('expected errors');
  return r.errors;
}

describe('checkCultivationProfile', () => {
  it('accepts a full profile unchanged', () => {
    expect(checkCultivationProfile(FULL)).toEqual({ profile: FULL });
  });

  it('describes every field of the profile type (the table and the type agree)', () => {
    const paths = Object.keys(CULTIVATION_PROFILE_FIELDS).map((p) => p.split('.')[0]);
    expect([...new Set(paths)].sort()).toEqual(Object.keys(FULL).sort());
  });

  it('ignores unknown fields, reads null as absent and drops duplicate keys', () => {
    const r = checkCultivationProfile({ name: '某某科技', uscc: 'x', employees: null, ip: { class1: 1, class9: 'x' }, honours: ['tech-sme', 'tech-sme'], scienceAward: null });
    expect(r).toEqual({ profile: { ip: { class1: 1 }, honours: ['tech-sme'] } });
    expect(checkCultivationProfile({})).toEqual({ profile: {} });
  });

  it('accepts every edge a field allows', () => {
    const edges: CultivationProfile = {
      employees: 0, revenue: 0, netProfit: -1e9, nicheMarketShare: 0, highTechRevenueShare: 1, nicheMarketRank: 1,
      digitalisationLevel: 4, innovationScore: 0, yearsRegistered: 0, scienceAward: { level: 'none' }, provincialPoints: {},
      honours: [], sector: 'leasing-business',
    };
    expect(checkCultivationProfile(edges)).toEqual({ profile: edges });
  });

  // [what, input, field, zh pattern, en pattern]
  const cases: [string, unknown, string, RegExp, RegExp][] = [
    ['not an object', [1, 2], 'profile', /对象.*array/, /JSON object, got array/],
    ['a string profile', '{"a":1}', 'profile', /对象/, /got string/],
    ['null profile', null, 'profile', /对象/, /got null/],
    ['number as a string', { employees: '350' }, 'employees', /应为数字.*string/, /must be a number, got string/],
    ['boolean for money', { revenue: true }, 'revenue', /应为数字/, /got boolean/],
    ['negative money', { revenue: -1 }, 'revenue', /负数/, /must not be negative, got -1/],
    ['negative years', { yearsInNiche: -0.5 }, 'yearsInNiche', /负数/, /negative/],
    ['infinite number', { totalAssets: Infinity }, 'totalAssets', /数字.*Infinity/, /got Infinity/],
    ['NaN', { rdExpense: NaN }, 'rdExpense', /数字.*NaN/, /got NaN/],
    ['fractional persons', { employees: 10.5 }, 'employees', /整数/, /whole number, got 10.5/],
    ['negative persons', { rdStaff: -3 }, 'rdStaff', /负数/, /negative/],
    ['fractional IP count', { ip: { class2: 1.5 } }, 'ip.class2', /整数/, /whole/],
    ['ip not an object', { ip: 3 }, 'ip', /对象/, /got number/],
    ['share above 1', { nicheMarketShare: 12 }, 'nicheMarketShare', /0 到 1/, /fraction from 0 to 1.*got 12/],
    ['negative share', { rdInChinaShare: -0.1 }, 'rdInChinaShare', /比例/, /fraction/],
    ['rank 0', { nicheMarketRank: 0 }, 'nicheMarketRank', /不小于 1/, /from 1, got 0/],
    ['level 5', { digitalisationLevel: 5 }, 'digitalisationLevel', /1 到 4/, /1 to 4, got 5/],
    ['score above 100', { innovationScore: 100.5 }, 'innovationScore', /不能超过 100/, /at most 100/],
    ['string boolean', { strategicEmergingIndustry: 'yes' }, 'strategicEmergingIndustry', /true 或 false/, /got string/],
    ['unknown sector', { sector: 'mining' }, 'sector', /未知行业“mining”.*software-it（软件和信息技术服务业）/, /unknown sector "mining"; valid keys: agriculture, industry/],
    ['sector as a number', { sector: 3 }, 'sector', /字符串/, /got number/],
    ['honours not a list', { honours: 'high-tech-enterprise' }, 'honours', /数组/, /array of keys, got string/],
    ['unknown honour', { honours: ['high-tech-enterprise', 'gazelle'] }, 'honours', /“gazelle”.*high-tech-enterprise/, /unknown value "gazelle"/],
    ['non-string honour', { honours: [1] }, 'honours', /“1”/, /unknown value "1"/],
    ['unknown quality item', { qualityItems: ['iso'] }, 'qualityItems', /iso.*own-brand/, /valid keys: .*own-brand/],
    ['unknown claim', { qualitativeClaims: ['x'] }, 'qualitativeClaims', /information-system/, /unknown value/],
    ['unknown scope issue', { scopeIssues: ['bankrupt'] }, 'scopeIssues', /major-incident/, /unknown value "bankrupt"/],
    ['unknown product field', { productField2022: 'aviation' }, 'productField2022', /six-foundations/, /unknown value "aviation"/],
    ['unknown R&D level', { rdInstitutionLevel: 'county' }, 'rdInstitutionLevel', /below-municipal/, /county/],
    ['unknown maker placing', { makerChina: 'winner' }, 'makerChina', /national-top50/, /winner/],
    ['award without level', { scienceAward: { rank: 1 } }, 'scienceAward.level', /奖励级别/, /level is required/],
    ['unknown award level', { scienceAward: { level: 'city' } }, 'scienceAward.level', /provincial/, /city/],
    ['award year not a year', { scienceAward: { level: 'national', year: 24 } }, 'scienceAward.year', /年份/, /a year such as 2024, got 24/],
    ['award rank 0', { scienceAward: { level: 'national', rank: 0 } }, 'scienceAward.rank', /不小于 1/, /from 1/],
    ['provincial points not an object', { provincialPoints: [5] }, 'provincialPoints', /对象/, /got array/],
    ['negative provincial points', { provincialPoints: { provincial: -2 } }, 'provincialPoints.provincial', /负数/, /negative/],
    ['provincial points as text', { provincialPoints: { provincial: '5' } }, 'provincialPoints.provincial', /数字/, /got string/],
  ];
  it.each(cases)('rejects %s', (_what, input, field, zh, en) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe(field);
    expect(errors[0]!.reason.zh).toMatch(zh);
    expect(errors[0]!.reason.en).toMatch(en);
  });

  it('lists every valid sector key for an unknown sector', () => {
    const [e] = errorsOf({ sector: 'mining' });
    for (const s of SIZE_SECTORS) {
      expect(e!.reason.zh).toContain(s.key);
      expect(e!.reason.en).toContain(s.key);
    }
  });

  it('reports every bad field at once, not only the first', () => {
    const errors = errorsOf({ employees: 'x', revenue: -5, ip: { class1: -1, class2: 'a' }, honours: ['nope'], name: 42 });
    expect(errors.map((e) => e.field)).toEqual(['employees', 'revenue', 'honours', 'ip.class1', 'ip.class2']);
  });
});

describe('checkCultivationProfile: a part cannot exceed its whole', () => {
  it.each([
    [{ rdStaff: 10, employees: 5 }, 'rdStaff', '从业人员'],
    [{ techStaff: 6, employees: 5 }, 'techStaff', '从业人员'],
    [{ mainBusinessRevenue: 2_000_001, revenue: 2_000_000 }, 'mainBusinessRevenue', '营业收入'],
    [{ ip: { class1HighValue: 3, class1: 0 } }, 'ip.class1HighValue', 'Ⅰ类'],
    [{ ip: { class1SelfDeveloped: 2, class1: 1 } }, 'ip.class1SelfDeveloped', 'Ⅰ类'],
  ])('refuses %o on %s', (data, field, wholeWords) => {
    const r = checkCultivationProfile(data);
    expect('errors' in r && r.errors.map((e) => e.field)).toEqual([field]);
    expect('errors' in r && r.errors[0]!.reason.zh).toContain(wholeWords);
  });
  it('accepts a part equal to its whole, and a part whose whole is absent', () => {
    expect(checkCultivationProfile({ rdStaff: 5, employees: 5, mainBusinessRevenue: 100, revenue: 100, ip: { class1HighValue: 1, class1: 1 } })).toHaveProperty('profile');
    expect(checkCultivationProfile({ rdStaff: 5 })).toHaveProperty('profile');
  });
});
