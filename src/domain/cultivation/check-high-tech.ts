/**
 * Supporting tag 高新技术企业: which of the recognition conditions of 《高新技术企业认定管理办法》
 * (国科发火〔2016〕32号 第十一条; 工作指引 国科发火〔2016〕195号) the profile meets
 * (official-rules.md §5.2). All are required:
 *
 * | code | key                     | condition                                                            | profile fields |
 * |------|-------------------------|----------------------------------------------------------------------|----------------|
 * | H1   | registered-one-year     | registered ≥ 1 year when applying                                    | yearsRegistered |
 * | H2   | core-ip                 | owns IP giving core technical support to the main products           | ip.* |
 * | H3   | supported-field         | core technology in 《国家重点支持的高新技术领域》                      | coreTechInSupportedField |
 * | H4   | tech-staff-share        | 科技人员 ÷ 职工总数 ≥ 10%                                              | techStaff, employees |
 * | H5   | rd-expense-share        | R&D ÷ sales over the last 3 fiscal years ≥ 5% / 4% / 3%, tiered by the most recent year's sales (≤ 5000万 inclusive → 5%; 5000万 < s ≤ 2亿 → 4%; > 2亿 → 3%) | rdExpense*, revenue*, yearsRegistered |
 * | H5b  | rd-in-china-share       | R&D spent in China ÷ all R&D ≥ 60%                                   | rdInChinaShare |
 * | H6   | high-tech-revenue-share | 高新技术产品（服务）收入 ÷ total income, most recent year ≥ 60%          | highTechRevenueShare |
 * | H7   | innovation-score        | 企业创新能力评价 ≥ 70 points                                           | innovationScore |
 * | H8   | no-major-incident       | no major safety or quality accident, no serious environmental violation in the year before applying | scopeIssues |
 *
 * Readings (ours, stated so that the officer can check them):
 * - "Sales" (销售收入) is 营业收入 (主营 + 其他业务收入): the profile's revenue fields.
 * - H5 period: 3 fiscal years (prior, previous, the year before). An enterprise registered less than
 *   3 years counts its actual operating period (32号: 实际经营期): with yearsRegistered = n whole years
 *   (1 ≤ n < 3), the last n fiscal years are required (it operated in each, at least in part); the
 *   one before them is counted when its figures are given (it may or may not predate founding).
 *   Fewer than 1 year: the prior year alone (H1 fails anyway). yearsRegistered missing: all 3 years
 *   are required, and yearsRegistered is named as missing beside any absent year.
 *   Zero sales over the period: not met (the ratio is undefined).
 * - H2: the profile holds IP counts only; any valid Ⅰ类 or Ⅱ类 IP is read as meeting it, and the
 *   officer checks that it supports the main products. Ⅱ类 counts 实用新型/外观设计 only after
 *   2 years, so a 0 there can be an under-count for 高企.
 * - H4: the profile's employees are the prior year's (the rule says the application year).
 * - H8: the profile's 'major-incident' covers the last 3 years, wider than H8's one; a declared
 *   incident is read as failing H8 until the officer checks its date. An absent scopeIssues means
 *   none declared (cultivation-profile.ts), so H8 is met.
 */
import type { ConditionResult, MetricUnit, Words } from './cultivation-evaluation.js';
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';

export const HIGH_TECH_RULES_VERSION = '国科发火〔2016〕32号 第十一条';

export type HighTechConditionKey =
  | 'registered-one-year'
  | 'core-ip'
  | 'supported-field'
  | 'tech-staff-share'
  | 'rd-expense-share'
  | 'rd-in-china-share'
  | 'high-tech-revenue-share'
  | 'innovation-score'
  | 'no-major-incident';

export const HIGH_TECH_CONDITIONS: Record<HighTechConditionKey, Words & { code: string; unit: MetricUnit }> = {
  'registered-one-year': { code: 'H1', unit: 'years', zh: '申请认定时注册成立一年以上', en: 'registered for at least one year when applying' },
  'core-ip': { code: 'H2', unit: 'count', zh: '拥有对主要产品（服务）发挥核心支持作用的知识产权', en: 'owns IP giving core technical support to the main products' },
  'supported-field': { code: 'H3', unit: 'flag', zh: '核心技术属于《国家重点支持的高新技术领域》', en: 'core technology in the state-supported high-tech fields' },
  'tech-staff-share': { code: 'H4', unit: 'ratio', zh: '科技人员占职工总数的比例不低于10%', en: 'S&T staff at least 10% of employees' },
  'rd-expense-share': { code: 'H5', unit: 'ratio', zh: '近三个会计年度研发费用总额占销售收入总额的比例符合要求（5%/4%/3%）', en: 'R&D over the last 3 fiscal years at least 5% / 4% / 3% of sales' },
  'rd-in-china-share': { code: 'H5b', unit: 'ratio', zh: '在中国境内发生的研发费用占全部研发费用的比例不低于60%', en: 'R&D spent in China at least 60% of all R&D' },
  'high-tech-revenue-share': { code: 'H6', unit: 'ratio', zh: '近一年高新技术产品（服务）收入占总收入的比例不低于60%', en: 'high-tech products/services at least 60% of the last year’s income' },
  'innovation-score': { code: 'H7', unit: 'points', zh: '企业创新能力评价达到70分', en: 'innovation-capability evaluation at least 70 points' },
  'no-major-incident': { code: 'H8', unit: 'flag', zh: '申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为', en: 'no major safety or quality accident or serious environmental violation in the year before applying' },
};

export type HighTechOutcome = 'met' | 'not-met' | 'incomplete';

export interface HighTechCheck {
  /** met: every condition met; not-met: one is not (whatever is missing); incomplete: none failed, some missing */
  outcome: HighTechOutcome;
  /** one per condition, in the order H1 … H8; group 'basic'; ratios as fractions, money in yuan */
  conditions: (ConditionResult & { key: HighTechConditionKey })[];
  /** fiscal years the H5 ratio was taken over (1–3); null when H5 could not be computed */
  rdPeriodYears: number | null;
  missing: ProfileField[];
}

const WAN = 10_000;
/** H5 tiers on the most recent year's sales, yuan; "含" = inclusive upper bounds. */
export const HIGH_TECH_RD_TIERS: readonly { upTo: number; percent: number }[] = [
  { upTo: 5000 * WAN, percent: 5 },
  { upTo: 20000 * WAN, percent: 4 },
  { upTo: Infinity, percent: 3 },
];

/** The H5 minimum R&D share (fraction) for the most recent year's sales in yuan. */
export function highTechRdThreshold(sales: number): number {
  return tierPercent(sales) / 100;
}

function tierPercent(sales: number): number {
  for (const t of HIGH_TECH_RD_TIERS) if (sales <= t.upTo) return t.percent;
  return 3;
}

const absent = (v: unknown): v is null | undefined => v === undefined || v === null;

type Result = HighTechCheck['conditions'][number];

function cond(key: HighTechConditionKey, met: boolean | null, value: number | null, threshold: number | null, missing: ProfileField[] = []): Result {
  return { key, group: 'basic', met, value, threshold, missing };
}

function atLeast(key: HighTechConditionKey, field: ProfileField, v: number | null | undefined, threshold: number): Result {
  return absent(v) ? cond(key, null, null, threshold, [field]) : cond(key, v >= threshold, v, threshold);
}

function flag(key: HighTechConditionKey, field: ProfileField, v: boolean | null | undefined): Result {
  return absent(v) ? cond(key, null, null, null, [field]) : cond(key, v, null, null);
}

function coreIp(p: CultivationProfile): Result {
  const ip = p.ip ?? {};
  const parts: [ProfileField, number | null | undefined][] = [
    ['ip.class1', ip.class1],
    ['ip.class2', ip.class2],
  ];
  // Self-developed and high-value Ⅰ类 are part of class1; they prove ownership when class1 is absent.
  const class1Floor = Math.max(ip.class1SelfDeveloped ?? 0, ip.class1HighValue ?? 0);
  if (absent(ip.class1) && class1Floor > 0) parts[0] = ['ip.class1', class1Floor];
  const known = parts.filter(([, v]) => !absent(v)).reduce((s, [, v]) => s + (v as number), 0);
  if (known >= 1) return cond('core-ip', true, known, 1);
  const missing = parts.filter(([, v]) => absent(v)).map(([f]) => f);
  return missing.length ? cond('core-ip', null, null, 1, missing) : cond('core-ip', false, 0, 1);
}

function techStaff(p: CultivationProfile): Result {
  const missing: ProfileField[] = [];
  if (absent(p.techStaff)) missing.push('techStaff');
  if (absent(p.employees)) missing.push('employees');
  if (missing.length) return cond('tech-staff-share', null, null, 0.1, missing);
  const staff = p.techStaff as number;
  const employees = p.employees as number;
  if (employees === 0) return cond('tech-staff-share', false, null, 0.1);
  // staff / employees ≥ 10%, compared in whole persons (no float rounding at the bound).
  return cond('tech-staff-share', staff * 10 >= employees, staff / employees, 0.1);
}

const RD_YEARS: readonly [ProfileField & keyof CultivationProfile, ProfileField & keyof CultivationProfile][] = [
  ['rdExpense', 'revenue'],
  ['rdExpensePreviousYear', 'revenuePreviousYear'],
  ['rdExpenseYearBeforePrevious', 'revenueYearBeforePrevious'],
];

function rdShare(p: CultivationProfile): { result: Result; years: number | null } {
  const yrs = p.yearsRegistered;
  const required = absent(yrs) ? 3 : Math.min(3, Math.max(1, Math.floor(yrs)));
  const missing: ProfileField[] = [];
  let rd = 0;
  let sales = 0;
  let years = 0;
  for (let i = 0; i < RD_YEARS.length; i++) {
    const [rdField, salesField] = RD_YEARS[i]!;
    const r = p[rdField] as number | null | undefined;
    const s = p[salesField] as number | null | undefined;
    if (i >= required && absent(r) && absent(s)) continue; // may predate the founding
    if (absent(r)) missing.push(rdField);
    if (absent(s)) missing.push(salesField);
    if (!absent(r) && !absent(s)) {
      rd += r;
      sales += s;
      years++;
    }
  }
  const latest = p.revenue;
  const threshold = absent(latest) ? null : highTechRdThreshold(latest);
  if (missing.length) {
    if (absent(yrs)) missing.push('yearsRegistered');
    return { result: cond('rd-expense-share', null, null, threshold, missing), years: null };
  }
  if (sales === 0) return { result: cond('rd-expense-share', false, null, threshold), years };
  // rd / sales ≥ percent%, compared as rd × 100 ≥ percent × sales (exact for whole yuan).
  const percent = tierPercent(latest as number);
  return { result: cond('rd-expense-share', rd * 100 >= percent * sales, rd / sales, threshold), years };
}

function noMajorIncident(p: CultivationProfile): Result {
  return cond('no-major-incident', !(p.scopeIssues ?? []).includes('major-incident'), null, null);
}

/**
 * Checks the 高新技术企业 recognition conditions H1–H8 (国科发火〔2016〕32号 第十一条,
 * official-rules.md §5.2) on a cultivation profile. Money in yuan, shares as fractions; every
 * condition reports its value and threshold, or the fields it misses (never read as zero).
 * Whether the enterprise holds the title is `honours`; this says whether it meets the conditions.
 */
export function checkHighTech(p: CultivationProfile): HighTechCheck {
  const rd = rdShare(p);
  const conditions: Result[] = [
    atLeast('registered-one-year', 'yearsRegistered', p.yearsRegistered, 1),
    coreIp(p),
    flag('supported-field', 'coreTechInSupportedField', p.coreTechInSupportedField),
    techStaff(p),
    rd.result,
    atLeast('rd-in-china-share', 'rdInChinaShare', p.rdInChinaShare, 0.6),
    atLeast('high-tech-revenue-share', 'highTechRevenueShare', p.highTechRevenueShare, 0.6),
    atLeast('innovation-score', 'innovationScore', p.innovationScore, 70),
    noMajorIncident(p),
  ];
  const missing = [...new Set(conditions.flatMap((c) => c.missing))];
  const outcome: HighTechOutcome = conditions.some((c) => c.met === false) ? 'not-met' : conditions.some((c) => c.met === null) ? 'incomplete' : 'met';
  return { outcome, conditions, rdPeriodYears: rd.years, missing };
}
