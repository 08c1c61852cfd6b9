/**
 * 专精特新“小巨人”企业认定标准, 工信部企业〔2026〕2号 Annex 2 (official-rules.md §1.4, all values
 * [S×3]), for new recognitions from 2026-04-01, and for a 2026 re-review (复核) when the zone sets
 * CultivationConfig.littleGiantReviewRules2026 = '2026' (then 'littleGiantReviewRules2026' is in
 * Evaluation.unconfirmed).
 *
 * Every condition is required (no score, no direct route):
 * - scope (办法): a 中小企业 under the 2011 size rules, no scope issue declared;
 * - G1 a valid 专精特新中小企业 title (in a 复核 the 小巨人 title under review counts as well), and
 *   ≥ 3 years in the niche (the old 2-year relaxation for 补短板 enterprises is gone);
 * - G2 prior-year 营业收入 ≥ 5000万元; G3 主营业务收入 ÷ 营业收入 ≥ 90%;
 * - G4 compound growth of 营业收入 over the last 2 years ≥ 5%, i.e. 营业收入 ≥ 1.1025 × 营业收入 of
 *   two years before (compared as 10000·r ≥ 11025·r₂, exact on whole yuan); not checked in a 复核
 *   (the condition is then left out);
 * - G5 资产负债率 ≤ 75%;
 * - G6 R&D over the last 2 years ≥ 1200万元 in all AND ≥ 3% of 营业收入 in each year;
 * - G7 ≥ 4 Ⅰ类 IP items (own, not transferred in; as declared), waived by a national S&T award in
 *   the last 3 years ranked top 3;
 * - G8 niche market share ≥ 10%, OR ranked top 3 in the domestic niche;
 * - G9 main product in the 六基 / key-industry fields, and at a key link of an industrial chain — declared;
 * - G10 专精特新发展评价得分 ≥ 60; in a 复核, in either of the last 2 years.
 *
 * route 'score' when qualified. Gaps: every unmet condition (the primary of an either/or).
 */
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';
import type { Evaluation, SchemeDefinition } from './cultivation-evaluation.js';
import type { EvaluationContext, SchemeRules } from './evaluate-cultivation.js';
import type { UnconfirmedRule } from './cultivation-config.js';
import {
  ConditionCollector, SCOPE_CONDITION_WORDS, and3, awardWithin3Years, buildEvaluation, checkDevelopmentScore, claims, compareProducts, field, holds,
  or3, yearOf, type Met,
} from './cultivation-metrics.js';

export const LITTLE_GIANT_2026_RULES_VERSION = '工信部企业〔2026〕2号 附件2';

const WAN = 10_000;
const G1_NICHE_YEARS = 3;
const G2_REVENUE = 5000 * WAN;
const G3_MAIN_SHARE_PCT = 90;
/** G4: (1 + 5%)² = 1.1025 = 11025 / 10000 */
const G4_GROWTH = 0.05;
const G4_FACTOR_NUM = 11025;
const G4_FACTOR_DEN = 10000;
const G5_DEBT_RATIO_PCT = 75;
const G6_RD_SUM = 1200 * WAN;
const G6_RD_RATIO_PCT = 3;
const G7_IP_CLASS1 = 4;
const G8_MARKET_SHARE = 0.1;
const G8_MARKET_RANK = 3;
const G10_DEVELOPMENT_SCORE = 60;

const REVIEW_UNCONFIRMED: readonly UnconfirmedRule[] = ['littleGiantReviewRules2026'];

const w = (zh: string, en: string) => ({ zh, en });

export const LITTLE_GIANT_2026_DEFINITION: SchemeDefinition = {
  scheme: 'little-giant',
  rulesVersion: LITTLE_GIANT_2026_RULES_VERSION,
  source: w('《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号）附件2 专精特新“小巨人”企业认定标准', 'Measures for the Tiered Cultivation of Quality SMEs (MIIT 〔2026〕 No. 2), Annex 2: recognition standard for “little giants”'),
  passMark: null,
  maxTotal: null,
  categories: {},
  indicators: {},
  conditions: {
    ...SCOPE_CONDITION_WORDS,
    'specialised-sme-title': { ...w('有效期内的专精特新中小企业', 'holds a valid specialised-SME (专精特新) title'), unit: 'flag' },
    'niche-years': { ...w('从事特定细分市场时间达到3年以上', 'at least 3 years in the market niche'), unit: 'years' },
    revenue: { ...w('上年度营业收入5000万元以上', 'prior-year revenue at least 50 million yuan'), unit: 'yuan' },
    'main-business-share': { ...w('上年度主营业务收入占营业收入比重不低于90%', 'prior-year main-business share of revenue at least 90%'), unit: 'ratio' },
    'revenue-growth-2y': { ...w('近2年营业收入复合增长率不低于5%（复核时不作要求）', 'compound revenue growth over the last 2 years at least 5% (not checked in a re-review)'), unit: 'ratio' },
    'debt-ratio': { ...w('上年末资产负债率不高于75%', 'debt-to-asset ratio at the prior year end at most 75%'), unit: 'ratio' },
    'rd-expense-2y': { ...w('近2年研发费用总额1200万元以上', 'R&D expense over the last 2 years at least 12 million yuan'), unit: 'yuan' },
    'rd-ratio': { ...w('上年度研发费用占营业收入比重不低于3%', 'prior-year R&D expense at least 3% of revenue'), unit: 'ratio' },
    'rd-ratio-previous-year': { ...w('前一年度研发费用占营业收入比重不低于3%', 'R&D expense of the year before at least 3% of its revenue'), unit: 'ratio' },
    'ip-class1': { ...w('拥有与主导产品相关的Ⅰ类知识产权4项以上（非受让取得，企业为前三位权利人）', 'at least 4 Class I IP items related to the main product (not transferred in; among the top 3 rights holders)'), unit: 'count' },
    'ip-class1-alt-national-award': { ...w('或：近三年获得国家级科技奖励且排名前三（免于Ⅰ类知识产权要求）', 'or: a national S&T award in the last 3 years ranked top 3 (waives the IP condition)'), unit: 'flag' },
    'niche-market-share': { ...w('主导产品在国内或国际细分市场占有率达到10%以上', 'the main product’s domestic or international niche market share at least 10%'), unit: 'ratio' },
    'niche-market-share-alt-rank': { ...w('或：主导产品国内细分市场占有率排名前三', 'or: the main product ranks top 3 in its domestic niche'), unit: 'count' },
    'priority-field': { ...w('主导产品属于工业“六基”领域，或属于改造提升传统产业、培育壮大新兴产业、布局建设未来产业领域', 'the main product is in the “six foundations”, or upgrades traditional, grows emerging or builds future industries'), unit: 'flag' },
    'chain-key-link': { ...w('位于产业链关键环节', 'at a key link of an industrial chain'), unit: 'flag' },
    'development-score': { ...w('专精特新发展评价得分60分以上（复核时近2年任一年达到即可）', '专精特新 development score at least 60 (in a re-review, in either of the last 2 years)'), unit: 'points' },
  },
};

function evaluate(profile: CultivationProfile, ctx: EvaluationContext): Evaluation {
  const review = ctx.purpose === 'review';
  const c = new ConditionCollector();
  const scope = c.addScope(profile);

  // G1
  const title = c.flag('specialised-sme-title', 'prerequisite', holds(profile, 'specialised-sme') || (review && holds(profile, 'little-giant')));
  c.gapIfUnmet(title);
  const niche = c.minimum('niche-years', 'basic', profile.yearsInNiche, 'yearsInNiche', G1_NICHE_YEARS);
  c.gapIfUnmet(niche);

  // G2, G3
  const revenue = c.minimum('revenue', 'basic', profile.revenue, 'revenue', G2_REVENUE);
  c.gapIfUnmet(revenue);
  const share = c.ratio('main-business-share', 'basic', profile.mainBusinessRevenue, 'mainBusinessRevenue', profile.revenue, 'revenue', G3_MAIN_SHARE_PCT, false);
  c.gapIfUnmet(share);

  // G4 (new recognitions only)
  const g4: Met = review ? true : addRevenueGrowth(c, profile);

  // G5
  const debt = c.ratio('debt-ratio', 'basic', profile.totalLiabilities, 'totalLiabilities', profile.totalAssets, 'totalAssets', G5_DEBT_RATIO_PCT, true);
  c.gapIfUnmet(debt);

  // G6
  const m: ProfileField[] = [];
  const rd = field(profile.rdExpense, 'rdExpense', m);
  const rdPrev = field(profile.rdExpensePreviousYear, 'rdExpensePreviousYear', m);
  const sum = m.length ? null : rd! + rdPrev!;
  const rdSum = c.add('rd-expense-2y', 'basic', sum === null ? null : sum >= G6_RD_SUM, sum, G6_RD_SUM, m);
  const rdRatio = c.ratio('rd-ratio', 'basic', profile.rdExpense, 'rdExpense', profile.revenue, 'revenue', G6_RD_RATIO_PCT, false);
  const rdRatioPrev = c.ratio('rd-ratio-previous-year', 'basic', profile.rdExpensePreviousYear, 'rdExpensePreviousYear', profile.revenuePreviousYear, 'revenuePreviousYear', G6_RD_RATIO_PCT, false);
  c.gapIfUnmet(rdSum);
  c.gapIfUnmet(rdRatio);
  c.gapIfUnmet(rdRatioPrev);
  const g6 = and3(rdSum.met, and3(rdRatio.met, rdRatioPrev.met));

  // G7
  const ip = c.minimum('ip-class1', 'basic', profile.ip?.class1, 'ip.class1', G7_IP_CLASS1);
  const am: ProfileField[] = [];
  const award = c.add('ip-class1-alt-national-award', 'basic', awardWithin3Years(profile, yearOf(ctx.on), 3, 0, am), null, null, am);
  const g7 = or3(ip.met, award.met);
  if (g7 === false) c.gapIfUnmet(ip);

  // G8
  const market = c.minimum('niche-market-share', 'basic', profile.nicheMarketShare, 'nicheMarketShare', G8_MARKET_SHARE);
  const rank = addMarketRank(c, profile);
  const g8 = or3(market.met, rank);
  if (g8 === false) c.gapIfUnmet(market);

  // G9
  const field6 = c.flag('priority-field', 'basic', claims(profile, 'priority-field'));
  const chain = c.flag('chain-key-link', 'basic', claims(profile, 'chain-key-link'));
  c.gapIfUnmet(field6);
  c.gapIfUnmet(chain);

  // G10
  const g10 = checkDevelopmentScore(c, profile, review, G10_DEVELOPMENT_SCORE);

  const met = and3(
    and3(and3(scope, title.met), and3(niche.met, revenue.met)),
    and3(and3(and3(share.met, g4), and3(debt.met, g6)), and3(and3(g7, g8), and3(and3(field6.met, chain.met), g10))),
  );
  return buildEvaluation(
    { scheme: 'little-giant', on: ctx.on, purpose: ctx.purpose, rulesVersion: LITTLE_GIANT_2026_RULES_VERSION },
    met,
    'score',
    null,
    c,
    { categories: [], indicators: [], unconfirmed: review ? REVIEW_UNCONFIRMED.slice() : [] },
    null,
  );
}

/**
 * G4: compound growth of 营业收入 over 2 years ≥ 5% ⇔ 营业收入 ≥ 1.1025 × 营业收入 two years before,
 * decided as 10000·r ≥ 11025·r₂ (exact on whole yuan). The value shown is √(r ÷ r₂) − 1. A base
 * year ≤ 0 is uncomputable (met null, nothing missing), as for every ratio.
 */
function addRevenueGrowth(c: ConditionCollector, profile: CultivationProfile): Met {
  const m: ProfileField[] = [];
  const r = field(profile.revenue, 'revenue', m);
  const r2 = field(profile.revenueYearBeforePrevious, 'revenueYearBeforePrevious', m);
  if (m.length) return c.add('revenue-growth-2y', 'basic', null, null, G4_GROWTH, m).met;
  if (!(r2! > 0)) return c.add('revenue-growth-2y', 'basic', null, null, G4_GROWTH, m).met;
  const sign = compareProducts(r!, G4_FACTOR_DEN, r2!, G4_FACTOR_NUM);
  const met = sign >= 0;
  const value = sign === 0 ? G4_GROWTH : Math.sqrt(r! / r2!) - 1;
  const res = c.add('revenue-growth-2y', 'basic', met, value, G4_GROWTH, m);
  c.gapIfUnmet(res);
  return met;
}

/** G8 alternative: ranked in the top 3 of the domestic niche (rank 1 = first). */
function addMarketRank(c: ConditionCollector, profile: CultivationProfile): Met {
  const m: ProfileField[] = [];
  const rank = field(profile.nicheMarketRank, 'nicheMarketRank', m);
  return c.add('niche-market-share-alt-rank', 'basic', rank === null ? null : rank <= G8_MARKET_RANK, rank, G8_MARKET_RANK, m).met;
}

export const LITTLE_GIANT_2026: SchemeRules = { definition: LITTLE_GIANT_2026_DEFINITION, evaluate };
