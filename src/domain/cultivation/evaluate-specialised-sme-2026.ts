/**
 * 专精特新中小企业认定标准, 工信部企业〔2026〕2号 Annex 1 (official-rules.md §1.4, all values [S×3]),
 * for recognitions from 2026-04-01. Every condition is required; there is no direct route, no
 * score of its own (S9's 专精特新发展评价得分 is a condition) and no 特色化 points.
 *
 * - scope (办法): a 中小企业 under the 2011 size rules, no scope issue declared;
 * - S1 a valid 科技和创新型中小企业 title: the titles of CultivationConfig.specialised2026PrerequisiteTitles
 *   (default 科技型 and 创新型, the secondary sources' reading of 2号 第三十条 [U]); in a re-review
 *   (复核) the 专精特新 title under review counts as well;
 * - S2 ≥ 3 years in the market niche at the prior year's end;
 * - S3 prior-year 营业收入 ≥ 1500万元, OR new equity financing in the last 2 years ≥ 2000万元;
 * - S4 主营业务收入 ÷ 营业收入 ≥ 80%; S5 资产负债率 ≤ 80%;
 * - S6 R&D ≥ 100万元 AND ≥ 3% of 营业收入 in EACH of the last 2 years;
 * - S7 ≥ 1 Ⅰ类 IP, waived by a provincial-or-national S&T award in the last 3 years ranked top 3,
 *   or a provincial-or-higher R&D institution;
 * - S8 the main product ranks fairly high (较为靠前) in its niche: declared (qualitativeClaims
 *   'market-position-leading'), checked by the officer;
 * - S9 专精特新发展评价得分 ≥ 50 this year; in a 复核, ≥ 50 in either of the last 2 years.
 *
 * total is null; route 'score' when qualified. Gaps: every unmet condition (the primary of an
 * either/or, never its alternative).
 */
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';
import type { Evaluation, SchemeDefinition } from './cultivation-evaluation.js';
import type { EvaluationContext, SchemeRules } from './evaluate-cultivation.js';
import type { UnconfirmedRule } from './cultivation-config.js';
import {
  ConditionCollector, SCOPE_CONDITION_WORDS, and3, awardWithin3Years, buildEvaluation, checkDevelopmentScore, claims, holds, or3, yearOf,
} from './cultivation-metrics.js';

export const SPECIALISED_SME_2026_RULES_VERSION = '工信部企业〔2026〕2号 附件1';

const WAN = 10_000;
const S2_NICHE_YEARS = 3;
const S3_REVENUE = 1500 * WAN;
const S3_EQUITY_FINANCING = 2000 * WAN;
const S4_MAIN_SHARE_PCT = 80;
const S5_DEBT_RATIO_PCT = 80;
const S6_RD_EXPENSE = 100 * WAN;
const S6_RD_RATIO_PCT = 3;
const S7_IP_CLASS1 = 1;
const S9_DEVELOPMENT_SCORE = 50;

const UNCONFIRMED: readonly UnconfirmedRule[] = ['specialised2026PrerequisiteTitles'];

const w = (zh: string, en: string) => ({ zh, en });

export const SPECIALISED_SME_2026_DEFINITION: SchemeDefinition = {
  scheme: 'specialised-sme',
  rulesVersion: SPECIALISED_SME_2026_RULES_VERSION,
  source: w('《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号）附件1 专精特新中小企业认定标准', 'Measures for the Tiered Cultivation of Quality SMEs (MIIT 〔2026〕 No. 2), Annex 1: recognition standard for specialised SMEs'),
  passMark: null,
  maxTotal: null,
  categories: {},
  indicators: {},
  conditions: {
    ...SCOPE_CONDITION_WORDS,
    'prerequisite-title': { ...w('有效期内的科技和创新型中小企业（科技型中小企业或创新型中小企业）', 'holds a valid technology-based or innovative SME title'), unit: 'flag' },
    'niche-years': { ...w('截至上年末从事特定细分市场时间达到3年以上', 'at least 3 years in the market niche at the prior year end'), unit: 'years' },
    revenue: { ...w('上年度营业收入1500万元以上', 'prior-year revenue at least 15 million yuan'), unit: 'yuan' },
    'revenue-alt-equity-financing': { ...w('或：营业收入不足1500万元，近2年新增股权融资总额（合格机构投资者的实缴额）2000万元以上', 'or: with revenue below 15 million yuan, new equity financing in the last 2 years (qualified institutional investors, paid in) at least 20 million yuan'), unit: 'yuan' },
    'main-business-share': { ...w('上年度主营业务收入占营业收入比重不低于80%', 'prior-year main-business share of revenue at least 80%'), unit: 'ratio' },
    'debt-ratio': { ...w('上年末资产负债率不高于80%', 'debt-to-asset ratio at the prior year end at most 80%'), unit: 'ratio' },
    'rd-expense': { ...w('上年度研发费用不低于100万元', 'prior-year R&D expense at least 1 million yuan'), unit: 'yuan' },
    'rd-ratio': { ...w('上年度研发费用占营业收入比重不低于3%', 'prior-year R&D expense at least 3% of revenue'), unit: 'ratio' },
    'rd-expense-previous-year': { ...w('前一年度研发费用不低于100万元', 'R&D expense of the year before at least 1 million yuan'), unit: 'yuan' },
    'rd-ratio-previous-year': { ...w('前一年度研发费用占营业收入比重不低于3%', 'R&D expense of the year before at least 3% of its revenue'), unit: 'ratio' },
    'ip-class1': { ...w('拥有与主导产品相关并实际应用、产生经济效益的Ⅰ类知识产权1项以上', 'at least 1 Class I IP item related to the main product, in use'), unit: 'count' },
    'ip-class1-alt-award': { ...w('或：近三年获得省部级以上科技奖励且排名前三（免于Ⅰ类知识产权要求）', 'or: a provincial/ministerial-or-higher S&T award in the last 3 years ranked top 3 (waives the IP condition)'), unit: 'flag' },
    'ip-class1-alt-rd-institution': { ...w('或：拥有省部级以上研发机构（免于Ⅰ类知识产权要求）', 'or: a provincial/ministerial-or-higher R&D institution (waives the IP condition)'), unit: 'flag' },
    'market-position': { ...w('主导产品在国内或国际细分市场占有率较为靠前', 'main product ranks fairly high in its domestic or international niche'), unit: 'flag' },
    'development-score': { ...w('专精特新发展评价得分50分以上（复核时近2年任一年达到即可）', '专精特新 development score at least 50 (in a re-review, in either of the last 2 years)'), unit: 'points' },
  },
};

function evaluate(profile: CultivationProfile, ctx: EvaluationContext): Evaluation {
  const review = ctx.purpose === 'review';
  const c = new ConditionCollector();
  const scope = c.addScope(profile);

  // S1
  const titles = ctx.config.specialised2026PrerequisiteTitles;
  let titleMet = review && holds(profile, 'specialised-sme');
  for (let i = 0; !titleMet && i < titles.length; i++) titleMet = holds(profile, titles[i]!);
  const s1 = c.flag('prerequisite-title', 'prerequisite', titleMet);
  c.gapIfUnmet(s1);

  // S2
  const s2 = c.minimum('niche-years', 'basic', profile.yearsInNiche, 'yearsInNiche', S2_NICHE_YEARS);
  c.gapIfUnmet(s2);

  // S3
  const s3a = c.minimum('revenue', 'basic', profile.revenue, 'revenue', S3_REVENUE);
  const s3b = c.minimum('revenue-alt-equity-financing', 'basic', profile.equityFinancingLast2Years, 'equityFinancingLast2Years', S3_EQUITY_FINANCING);
  const s3 = or3(s3a.met, s3b.met);
  if (s3 === false) c.gapIfUnmet(s3a);

  // S4, S5
  const s4 = c.ratio('main-business-share', 'basic', profile.mainBusinessRevenue, 'mainBusinessRevenue', profile.revenue, 'revenue', S4_MAIN_SHARE_PCT, false);
  c.gapIfUnmet(s4);
  const s5 = c.ratio('debt-ratio', 'basic', profile.totalLiabilities, 'totalLiabilities', profile.totalAssets, 'totalAssets', S5_DEBT_RATIO_PCT, true);
  c.gapIfUnmet(s5);

  // S6, each of the last 2 years
  const s6a = c.minimum('rd-expense', 'basic', profile.rdExpense, 'rdExpense', S6_RD_EXPENSE);
  const s6b = c.ratio('rd-ratio', 'basic', profile.rdExpense, 'rdExpense', profile.revenue, 'revenue', S6_RD_RATIO_PCT, false);
  const s6c = c.minimum('rd-expense-previous-year', 'basic', profile.rdExpensePreviousYear, 'rdExpensePreviousYear', S6_RD_EXPENSE);
  const s6d = c.ratio('rd-ratio-previous-year', 'basic', profile.rdExpensePreviousYear, 'rdExpensePreviousYear', profile.revenuePreviousYear, 'revenuePreviousYear', S6_RD_RATIO_PCT, false);
  c.gapIfUnmet(s6a);
  c.gapIfUnmet(s6b);
  c.gapIfUnmet(s6c);
  c.gapIfUnmet(s6d);
  const s6 = and3(and3(s6a.met, s6b.met), and3(s6c.met, s6d.met));

  // S7: Ⅰ类 IP, or a waiver
  const s7a = c.minimum('ip-class1', 'basic', profile.ip?.class1, 'ip.class1', S7_IP_CLASS1);
  const m: ProfileField[] = [];
  const s7b = c.add('ip-class1-alt-award', 'basic', awardWithin3Years(profile, yearOf(ctx.on), 3, 3, m), null, null, m);
  const inst = profile.rdInstitutionLevel;
  const s7c = inst === null || inst === undefined
    ? c.add('ip-class1-alt-rd-institution', 'basic', null, null, null, ['rdInstitutionLevel'])
    : c.flag('ip-class1-alt-rd-institution', 'basic', inst === 'provincial' || inst === 'national');
  const s7 = or3(s7a.met, or3(s7b.met, s7c.met));
  if (s7 === false) c.gapIfUnmet(s7a);

  // S8
  const s8 = c.flag('market-position', 'basic', claims(profile, 'market-position-leading'));
  c.gapIfUnmet(s8);

  // S9
  const s9 = checkDevelopmentScore(c, profile, review, S9_DEVELOPMENT_SCORE);

  const met = and3(and3(and3(scope, s1.met), and3(s2.met, s3)), and3(and3(s4.met, s5.met), and3(and3(s6, s7), and3(s8.met, s9))));
  return buildEvaluation(
    { scheme: 'specialised-sme', on: ctx.on, purpose: ctx.purpose, rulesVersion: SPECIALISED_SME_2026_RULES_VERSION },
    met,
    'score',
    null,
    c,
    { categories: [], indicators: [], unconfirmed: UNCONFIRMED.slice() },
    null,
  );
}

export const SPECIALISED_SME_2026: SchemeRules = { definition: SPECIALISED_SME_2026_DEFINITION, evaluate };
