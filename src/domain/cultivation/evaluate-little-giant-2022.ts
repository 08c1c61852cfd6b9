/**
 * 专精特新“小巨人”企业认定标准, 工信部企业〔2022〕63号 Annex 3 (official-rules.md §1.3), for
 * recognitions before 2026-04-01 and, by default, the 2026 re-review (复核) of existing 小巨人
 * (工信厅企业函〔2026〕117号 [U], CultivationConfig.littleGiantReviewRules2026; evaluateCultivation
 * records that choice in Evaluation.unconfirmed).
 *
 * Qualified when all of these hold (no score; every dimension is a set of conditions):
 * - scope (办法): a 中小企业 under the 2011 size rules, no scope issue declared;
 * - prerequisite: a valid 专精特新中小企业 title ('specialised-sme'; in a 复核 the 小巨人 title
 *   under review counts as well);
 * - 专: ≥ 3 years in the niche; 主营业务收入 ÷ 营业收入 ≥ 70%; average 主营业务收入 growth over the
 *   last 2 years ≥ 5%;
 * - 精: a core business process on an information system; management-system certification (or
 *   products certified in developed countries); 资产负债率 ≤ 70% (the "long-term strategy,
 *   governance, reputation" wording has no input and is left to the officer);
 * - 特: national niche market share ≥ 10%; an own competitive brand;
 * - 新, general path (all three): (1) R&D ÷ 营业收入 in EACH of the last 2 years, tiered by
 *   prior-year 营业收入: ≥ 1亿元 → ≥ 3%; 5000万–1亿元 → ≥ 6%; < 5000万元 → instead new equity
 *   financing over 2 years ≥ 8000万元, R&D over the 2 years ≥ 3000万元 and R&D staff ≥ 50% of
 *   employees (NOT 3/4/5%: one third-party repo's tiers are wrong, official-rules.md §1.3);
 *   (2) an in-house or jointly built R&D institution; (3) ≥ 2 Ⅰ类 IP items related to the main
 *   product; OR the direct path (any one): a national S&T award in the last 3 years ranked top 3;
 *   the 「创客中国」 national top 50 in the last 3 years;
 * - 链: at a key link of an industrial chain (补短板/锻长板/填空白) — declared;
 * - 品: main product in the 六基 / 制造强国 ten key industries / 网络强国 fields — declared.
 *
 * Revenue tiers: "1亿元以上" includes 1亿 (以上含本数); "5000万元—1亿元" includes 5000万;
 * "5000万元以下" is below it. Qualitative items come from profile.qualitativeClaims.
 * route 'score' when qualified (no scheme-wide direct route). Gaps: every unmet condition; for
 * 新, those of the general path (the direct path is an alternative, not a gap).
 */
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';
import type { ConditionResult, Evaluation, SchemeDefinition } from './cultivation-evaluation.js';
import type { EvaluationContext, SchemeRules } from './evaluate-cultivation.js';
import {
  ConditionCollector, SCOPE_CONDITION_WORDS, and3, averageGrowth2y, awardWithin3Years, buildEvaluation, claims, compareAverageGrowth, field, holds,
  numberOrNull, or3, yearOf, type Met,
} from './cultivation-metrics.js';

export const LITTLE_GIANT_2022_RULES_VERSION = '工信部企业〔2022〕63号 附件3';

const WAN = 10_000;
const NICHE_YEARS = 3;
const MAIN_SHARE_PCT = 70;
const MAIN_GROWTH_PCT = 5;
const DEBT_RATIO_PCT = 70;
const MARKET_SHARE_PCT = 10;
/** 新 (1): the revenue tiers and their R&D ratio in each of the last 2 years */
const TIER_HIGH_REVENUE = 10_000 * WAN; // 1亿元
const TIER_MID_REVENUE = 5_000 * WAN; // 5000万元
const RD_RATIO_HIGH_PCT = 3;
const RD_RATIO_MID_PCT = 6;
/** 新 (1), prior-year revenue below 5000万元 */
const LOW_EQUITY_FINANCING = 8_000 * WAN;
const LOW_RD_SUM = 3_000 * WAN;
const LOW_RD_STAFF_PCT = 50;
const IP_CLASS1 = 2;

const w = (zh: string, en: string) => ({ zh, en });

export const LITTLE_GIANT_2022_DEFINITION: SchemeDefinition = {
  scheme: 'little-giant',
  rulesVersion: LITTLE_GIANT_2022_RULES_VERSION,
  source: w('《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件3 专精特新“小巨人”企业认定标准', 'Interim Measures for the Tiered Cultivation of Quality SMEs (MIIT 〔2022〕 No. 63), Annex 3: recognition standard for “little giants”'),
  passMark: null,
  maxTotal: null,
  categories: {},
  indicators: {},
  conditions: {
    ...SCOPE_CONDITION_WORDS,
    'specialised-sme-title': { ...w('已被认定为专精特新中小企业且在有效期内', 'holds a valid specialised-SME (专精特新) title'), unit: 'flag' },
    'niche-years': { ...w('专：截至上年末从事特定细分市场时间达到3年以上', 'specialised: at least 3 years in the market niche at the prior year end'), unit: 'years' },
    'main-business-share': { ...w('专：上年度主营业务收入占营业收入比重不低于70%', 'specialised: prior-year main-business share of revenue at least 70%'), unit: 'ratio' },
    'main-business-growth-2y': { ...w('专：近2年主营业务收入平均增长率不低于5%', 'specialised: average main-business revenue growth over the last 2 years at least 5%'), unit: 'ratio' },
    'information-system': { ...w('精：至少1项核心业务采用信息系统支撑', 'refined: a core business process runs on an information system'), unit: 'flag' },
    'management-certified': { ...w('精：取得相关管理体系认证，或产品通过发达国家和地区产品认证', 'refined: management-system certification, or products certified in developed countries or regions'), unit: 'flag' },
    'debt-ratio': { ...w('精：截至上年末资产负债率不高于70%', 'refined: debt-to-asset ratio at the prior year end at most 70%'), unit: 'ratio' },
    'niche-market-share': { ...w('特：主导产品在全国细分市场占有率达到10%以上', 'distinctive: the main product’s national niche market share at least 10%'), unit: 'ratio' },
    'own-brand': { ...w('特：拥有直接面向市场并具有竞争优势的自主品牌', 'distinctive: an own competitive brand'), unit: 'flag' },
    'rd-ratio': { ...w('新：上年度研发费用占营业收入比重不低于3%（营业收入1亿元以上）或6%（5000万元—1亿元）', 'innovative: prior-year R&D at least 3% of revenue (revenue 100 million yuan or more) or 6% (50–100 million)'), unit: 'ratio' },
    'rd-ratio-previous-year': { ...w('新：前一年度研发费用占营业收入比重同样不低于3%或6%', 'innovative: R&D of the year before at least 3% or 6% of its revenue likewise'), unit: 'ratio' },
    'rd-equity-financing': { ...w('新（营业收入5000万元以下）：近2年新增股权融资总额（合格机构投资者的实缴额）8000万元以上', 'innovative (revenue below 50 million yuan): new equity financing in the last 2 years at least 80 million yuan'), unit: 'yuan' },
    'rd-expense-2y': { ...w('新（营业收入5000万元以下）：近2年研发费用总额3000万元以上', 'innovative (revenue below 50 million yuan): R&D expense over the last 2 years at least 30 million yuan'), unit: 'yuan' },
    'rd-staff-share': { ...w('新（营业收入5000万元以下）：研发人员占企业职工总数比例50%以上', 'innovative (revenue below 50 million yuan): R&D staff at least 50% of employees'), unit: 'ratio' },
    'rd-institution': { ...w('新：自建或与高等院校、科研机构联合建立研发机构', 'innovative: an in-house R&D institution or one built jointly with universities or research institutes'), unit: 'flag' },
    'ip-class1': { ...w('新：拥有2项以上与主导产品相关的Ⅰ类知识产权，且实际应用并已产生经济效益', 'innovative: at least 2 Class I IP items related to the main product, in use and producing benefit'), unit: 'count' },
    'new-alt-national-award': { ...w('新（直通）：近三年获得国家级科技奖励，并在获奖单位中排名前三', 'innovative (direct): a national S&T award in the last 3 years, ranked top 3 of the winning units'), unit: 'flag' },
    'new-alt-maker-china': { ...w('新（直通）：近三年进入“创客中国”中小企业创新创业大赛全国50强企业组名单', 'innovative (direct): the national top 50 of the 「创客中国」 competition in the last 3 years'), unit: 'flag' },
    'chain-key-link': { ...w('链：位于产业链关键环节，围绕重点产业链实现关键基础技术和产品的产业化应用，发挥“补短板”“锻长板”“填空白”等重要作用', 'chain: at a key link of an industrial chain, filling gaps or strengthening it'), unit: 'flag' },
    'priority-field': { ...w('品：主导产品属于工业“六基”、制造强国战略十大重点产业领域或网络强国建设领域', 'product: the main product is in the “six foundations”, the ten key industries of the manufacturing-power strategy or the network-power fields'), unit: 'flag' },
  },
};

function evaluate(profile: CultivationProfile, ctx: EvaluationContext): Evaluation {
  const c = new ConditionCollector();
  const scope = c.addScope(profile);
  const title = c.flag('specialised-sme-title', 'prerequisite', holds(profile, 'specialised-sme') || (ctx.purpose === 'review' && holds(profile, 'little-giant')));
  c.gapIfUnmet(title);

  // 专
  const niche = c.minimum('niche-years', 'dimension', profile.yearsInNiche, 'yearsInNiche', NICHE_YEARS);
  const share = c.ratio('main-business-share', 'dimension', profile.mainBusinessRevenue, 'mainBusinessRevenue', profile.revenue, 'revenue', MAIN_SHARE_PCT, false);
  const growth = addMainGrowth(c, profile);
  gaps(c, niche, share, growth);
  const zhuan = and3(and3(niche.met, share.met), growth.met);

  // 精
  const info = c.flag('information-system', 'dimension', claims(profile, 'information-system'));
  const cert = c.flag('management-certified', 'dimension', claims(profile, 'management-certified'));
  const debt = c.ratio('debt-ratio', 'dimension', profile.totalLiabilities, 'totalLiabilities', profile.totalAssets, 'totalAssets', DEBT_RATIO_PCT, true);
  gaps(c, info, cert, debt);
  const jing = and3(and3(info.met, cert.met), debt.met);

  // 特
  const market = c.minimum('niche-market-share', 'dimension', profile.nicheMarketShare, 'nicheMarketShare', MARKET_SHARE_PCT / 100);
  const brand = c.flag('own-brand', 'dimension', claims(profile, 'own-brand'));
  c.gapIfUnmet(market);
  c.gapIfUnmet(brand);
  const te = and3(market.met, brand.met);

  // 新: general path, or the direct path
  const gapsFrom = c.conditions.length;
  const rd = addRdTier(c, profile);
  const inst = addRdInstitution(c, profile);
  const ip = c.minimum('ip-class1', 'dimension', profile.ip?.class1, 'ip.class1', IP_CLASS1);
  const general = and3(and3(rd, inst.met), ip.met);
  const gapsTo = c.conditions.length;
  const m: ProfileField[] = [];
  const award = c.add('new-alt-national-award', 'dimension', awardWithin3Years(profile, yearOf(ctx.on), 3, 0, m), null, null, m);
  const maker = profile.makerChina;
  const makerTop50 = maker === null || maker === undefined
    ? c.add('new-alt-maker-china', 'dimension', null, null, null, ['makerChina'])
    : c.flag('new-alt-maker-china', 'dimension', maker === 'national-top50');
  const xin = or3(general, or3(award.met, makerTop50.met));
  if (xin === false) for (let i = gapsFrom; i < gapsTo; i++) c.gapIfUnmet(c.conditions[i]!);

  // 链, 品
  const chain = c.flag('chain-key-link', 'dimension', claims(profile, 'chain-key-link'));
  const field6 = c.flag('priority-field', 'dimension', claims(profile, 'priority-field'));
  c.gapIfUnmet(chain);
  c.gapIfUnmet(field6);

  const met = and3(and3(and3(scope, title.met), and3(zhuan, jing)), and3(and3(te, xin), and3(chain.met, field6.met)));
  return buildEvaluation(
    { scheme: 'little-giant', on: ctx.on, purpose: ctx.purpose, rulesVersion: LITTLE_GIANT_2022_RULES_VERSION },
    met,
    'score',
    null,
    c,
    { categories: [], indicators: [], unconfirmed: [] },
    null,
  );
}

function gaps(c: ConditionCollector, a: ConditionResult, b: ConditionResult, d: ConditionResult): void {
  c.gapIfUnmet(a);
  c.gapIfUnmet(b);
  c.gapIfUnmet(d);
}

/** 专: average 主营业务收入 growth over the last 2 years ≥ 5%, exact at the bound; a base year ≤ 0 is uncomputable (met null, nothing missing). */
function addMainGrowth(c: ConditionCollector, profile: CultivationProfile): ConditionResult {
  const m: ProfileField[] = [];
  const main = field(profile.mainBusinessRevenue, 'mainBusinessRevenue', m);
  const main1 = field(profile.mainBusinessRevenuePreviousYear, 'mainBusinessRevenuePreviousYear', m);
  const main2 = field(profile.mainBusinessRevenueYearBeforePrevious, 'mainBusinessRevenueYearBeforePrevious', m);
  const threshold = MAIN_GROWTH_PCT / 100;
  if (m.length) return c.add('main-business-growth-2y', 'dimension', null, null, threshold, m);
  const g = averageGrowth2y(main!, main1!, main2!);
  if (g === null) return c.add('main-business-growth-2y', 'dimension', null, null, threshold, m);
  return c.add('main-business-growth-2y', 'dimension', compareAverageGrowth(g, main!, main1!, main2!, MAIN_GROWTH_PCT) >= 0, g, threshold, m);
}

/**
 * 新 (1): the R&D condition of the prior-year revenue tier. ≥ 1亿 and 5000万–1亿: the ratio in each
 * of the last 2 years (3% / 6%); < 5000万: financing ≥ 8000万, R&D over 2 years ≥ 3000万 and R&D
 * staff ≥ 50%. Revenue missing: the tier is unknown; one 'rd-ratio' condition reports it (threshold null).
 */
function addRdTier(c: ConditionCollector, profile: CultivationProfile): Met {
  const revenue = numberOrNull(profile.revenue);
  if (revenue === null) {
    c.add('rd-ratio', 'dimension', null, null, null, ['revenue']);
    return null;
  }
  if (revenue >= TIER_MID_REVENUE) {
    const pct = revenue >= TIER_HIGH_REVENUE ? RD_RATIO_HIGH_PCT : RD_RATIO_MID_PCT;
    const a = c.ratio('rd-ratio', 'dimension', profile.rdExpense, 'rdExpense', revenue, 'revenue', pct, false);
    const b = c.ratio('rd-ratio-previous-year', 'dimension', profile.rdExpensePreviousYear, 'rdExpensePreviousYear', profile.revenuePreviousYear, 'revenuePreviousYear', pct, false);
    return and3(a.met, b.met);
  }
  const equity = c.minimum('rd-equity-financing', 'dimension', profile.equityFinancingLast2Years, 'equityFinancingLast2Years', LOW_EQUITY_FINANCING);
  const m: ProfileField[] = [];
  const rd = field(profile.rdExpense, 'rdExpense', m);
  const rdPrev = field(profile.rdExpensePreviousYear, 'rdExpensePreviousYear', m);
  const sum = m.length ? null : rd! + rdPrev!;
  const rdSum = c.add('rd-expense-2y', 'dimension', sum === null ? null : sum >= LOW_RD_SUM, sum, LOW_RD_SUM, m);
  const staff = c.ratio('rd-staff-share', 'dimension', profile.rdStaff, 'rdStaff', profile.employees, 'employees', LOW_RD_STAFF_PCT, false);
  return and3(and3(equity.met, rdSum.met), staff.met);
}

/** 新 (2): an in-house or joint R&D institution — declared, or any recognised R&D institution level. */
function addRdInstitution(c: ConditionCollector, profile: CultivationProfile): ConditionResult {
  if (claims(profile, 'in-house-rd-institution')) return c.flag('rd-institution', 'dimension', true);
  const level = profile.rdInstitutionLevel;
  if (level === null || level === undefined) return c.add('rd-institution', 'dimension', null, null, null, ['rdInstitutionLevel']);
  return c.flag('rd-institution', 'dimension', level !== 'none');
}

export const LITTLE_GIANT_2022: SchemeRules = { definition: LITTLE_GIANT_2022_DEFINITION, evaluate };
