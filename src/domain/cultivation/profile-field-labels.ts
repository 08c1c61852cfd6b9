/**
 * The name of every cultivation-profile field (cultivation-profile.ts) in Chinese and English, to
 * say which inputs an evaluation is missing ("缺少：研发费用、营业收入"). A Record over ProfileField,
 * so a field added to the profile without a label does not compile.
 */
import type { ProfileField } from './cultivation-profile.js';
import type { Words } from './cultivation-evaluation.js';

export const PROFILE_FIELD_LABELS: Readonly<Record<ProfileField, Words>> = {
  sector: { zh: '所属行业（划型行业）', en: 'sector (size-rule sector)' },
  employees: { zh: '从业人员', en: 'employees' },
  revenue: { zh: '上年度营业收入', en: 'revenue, prior year' },
  revenuePreviousYear: { zh: '上上年度营业收入', en: 'revenue, the year before' },
  revenueYearBeforePrevious: { zh: '上上上年度营业收入', en: 'revenue, two years before' },
  mainBusinessRevenue: { zh: '上年度主营业务收入', en: 'main-business revenue, prior year' },
  mainBusinessRevenuePreviousYear: { zh: '上上年度主营业务收入', en: 'main-business revenue, the year before' },
  mainBusinessRevenueYearBeforePrevious: { zh: '上上上年度主营业务收入', en: 'main-business revenue, two years before' },
  totalAssets: { zh: '上年末资产总额', en: 'total assets, prior year end' },
  totalLiabilities: { zh: '上年末负债总额', en: 'total liabilities, prior year end' },
  rdExpense: { zh: '上年度研发费用', en: 'R&D expense, prior year' },
  rdExpensePreviousYear: { zh: '上上年度研发费用', en: 'R&D expense, the year before' },
  rdExpenseYearBeforePrevious: { zh: '上上上年度研发费用', en: 'R&D expense, two years before' },
  rdStaff: { zh: '研发人员', en: 'R&D staff' },
  netProfit: { zh: '上年度净利润', en: 'net profit, prior year' },
  yearsInNiche: { zh: '从事特定细分市场年限', en: 'years in the market niche' },
  strategicEmergingIndustry: { zh: '主导产品是否属于战略性新兴产业', en: 'main product in a strategic emerging industry' },
  honours: { zh: '荣誉和称号', en: 'honours and titles' },
  scienceAward: { zh: '科技奖励（级别、排名、年份）', en: 'S&T award (level, rank, year)' },
  rdInstitutionLevel: { zh: '研发机构级别', en: 'R&D institution level' },
  equityFinancingLast2Years: { zh: '近2年新增股权融资额', en: 'new equity financing, last 2 years' },
  equityFinancingLast3Years: { zh: '近3年新增股权融资额', en: 'new equity financing, last 3 years' },
  makerChina: { zh: '“创客中国”大赛名次', en: '「创客中国」 competition placing' },
  digitalisationLevel: { zh: '数字化水平等级', en: 'digitalisation level' },
  qualityItems: { zh: '质量管理项目', en: 'quality-management items' },
  productField2022: { zh: '主导产品所属领域', en: 'field of the main product' },
  provincialPoints: { zh: '省级特色化指标得分', en: 'provincial indicator points' },
  nicheMarketShare: { zh: '细分市场占有率', en: 'niche market share' },
  nicheMarketRank: { zh: '国内细分市场排名', en: 'rank in the domestic niche market' },
  developmentScore: { zh: '专精特新发展评价得分（本年）', en: 'SRDI development score, this year' },
  developmentScorePreviousYear: { zh: '专精特新发展评价得分（上年）', en: 'SRDI development score, last year' },
  qualitativeClaims: { zh: '定性条件声明', en: 'qualitative declarations' },
  scopeIssues: { zh: '适用范围问题声明', en: 'scope declarations' },
  yearsRegistered: { zh: '注册成立年限', en: 'years since registration' },
  techStaff: { zh: '科技人员', en: 'science and technology staff' },
  highTechRevenueShare: { zh: '高新技术产品（服务）收入占比', en: 'high-tech products’ share of income' },
  rdInChinaShare: { zh: '境内研发费用占比', en: 'share of R&D spent in China' },
  coreTechInSupportedField: { zh: '核心技术是否属于国家重点支持的高新技术领域', en: 'core technology in a state-supported high-tech field' },
  innovationScore: { zh: '企业创新能力评价得分', en: 'innovation-capability score' },
  'ip.class1HighValue': { zh: 'Ⅰ类高价值知识产权数量', en: 'high-value class Ⅰ IP items' },
  'ip.class1SelfDeveloped': { zh: '自主研发Ⅰ类知识产权数量', en: 'self-developed class Ⅰ IP items' },
  'ip.class1': { zh: 'Ⅰ类知识产权数量', en: 'class Ⅰ IP items' },
  'ip.class2': { zh: 'Ⅱ类知识产权数量', en: 'class Ⅱ IP items' },
};

/** The words for a field; an unknown key (a stored evaluation from an older profile) is shown as itself. */
export function profileFieldLabel(field: string): Words {
  return (PROFILE_FIELD_LABELS as Readonly<Record<string, Words>>)[field] ?? { zh: field, en: field };
}
