import type { cultivationZh } from '../i18n/cultivation.zh.js';

/** A profile path (`revenue`, `ip.class1`, `scienceAward.rank`) as the key of its label in cultivation.fields. */
export type FieldLabelKey = keyof typeof cultivationZh.fields;
export type FieldUnit = keyof typeof cultivationZh.units;

export function labelKey(path: string): FieldLabelKey {
  return path.replace('.', '_') as FieldLabelKey;
}

/** The unit each numeric profile field is typed in on the form (money in 万元, shares in %). */
export const FIELD_UNITS: Partial<Record<FieldLabelKey, FieldUnit>> = {
  employees: 'persons',
  rdStaff: 'persons',
  techStaff: 'persons',
  yearsRegistered: 'years',
  yearsInNiche: 'years',
  revenue: 'wan',
  revenuePreviousYear: 'wan',
  revenueYearBeforePrevious: 'wan',
  mainBusinessRevenue: 'wan',
  mainBusinessRevenuePreviousYear: 'wan',
  mainBusinessRevenueYearBeforePrevious: 'wan',
  rdExpense: 'wan',
  rdExpensePreviousYear: 'wan',
  rdExpenseYearBeforePrevious: 'wan',
  totalAssets: 'wan',
  totalLiabilities: 'wan',
  netProfit: 'wan',
  equityFinancingLast2Years: 'wan',
  equityFinancingLast3Years: 'wan',
  ip_class1HighValue: 'count',
  ip_class1SelfDeveloped: 'count',
  ip_class1: 'count',
  ip_class2: 'count',
  scienceAward_rank: 'rank',
  scienceAward_year: 'year',
  highTechRevenueShare: 'percent',
  rdInChinaShare: 'percent',
  innovationScore: 'points',
  developmentScore: 'points',
  developmentScorePreviousYear: 'points',
  nicheMarketShare: 'percent',
  nicheMarketRank: 'rank',
};

/** The form group each profile field is in, so a missing field can be pointed to. */
export const FIELD_GROUPS = {
  basic: ['sector', 'employees', 'rdStaff', 'techStaff', 'yearsRegistered', 'yearsInNiche'],
  operations: [
    'revenue', 'revenuePreviousYear', 'revenueYearBeforePrevious',
    'mainBusinessRevenue', 'mainBusinessRevenuePreviousYear', 'mainBusinessRevenueYearBeforePrevious',
    'rdExpense', 'rdExpensePreviousYear', 'rdExpenseYearBeforePrevious',
    'totalAssets', 'totalLiabilities', 'netProfit', 'equityFinancingLast2Years', 'equityFinancingLast3Years',
  ],
  innovation: [
    'ip', 'ip.class1HighValue', 'ip.class1SelfDeveloped', 'ip.class1', 'ip.class2', 'rdInstitutionLevel',
    'scienceAward', 'scienceAward.level', 'scienceAward.rank', 'scienceAward.year',
    'highTechRevenueShare', 'rdInChinaShare', 'coreTechInSupportedField', 'innovationScore',
  ],
  honours: ['honours', 'makerChina', 'digitalisationLevel', 'qualityItems', 'developmentScore', 'developmentScorePreviousYear'],
  market: ['strategicEmergingIndustry', 'productField2022', 'nicheMarketShare', 'nicheMarketRank', 'qualitativeClaims', 'provincialPoints'],
  declaration: ['scopeIssues'],
} as const satisfies Record<keyof typeof cultivationZh.groups, readonly string[]>;

export type FieldGroup = keyof typeof FIELD_GROUPS;
export const GROUP_ORDER = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** The group of a profile path (or of its parent object), or null for an unknown path. */
export function groupOf(path: string): FieldGroup | null {
  for (const group of GROUP_ORDER) if ((FIELD_GROUPS[group] as readonly string[]).includes(path)) return group;
  const dot = path.indexOf('.');
  return dot > 0 ? groupOf(path.slice(0, dot)) : null;
}
