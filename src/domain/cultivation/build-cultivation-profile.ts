/**
 * Builds the cultivation profile of an enterprise from what the zone holds about it: the
 * enterprise record (size sector, founding date), its yearly figures (enterprise_figures), its
 * qualifications (enterprise_qualifications), and what it declared in its last accepted
 * self-assessment. Used to pre-fill the self-assessment and, for every enterprise of a zone, by
 * the batch evaluation (100,000 enterprises: one pass over a few rows, no lookups).
 *
 * Years: the evaluation date `on` decides the prior year (上年度) = year(on) − 1; the profile's
 * *PreviousYear fields take year(on) − 2 and *YearBeforePrevious year(on) − 3.
 *
 * Mapping (figures of the prior year unless said):
 * - employees, revenue, mainBusinessRevenue (mainRevenue), totalAssets, totalLiabilities (liabilities),
 *   rdExpense, rdStaff; revenue, mainBusinessRevenue and rdExpense also for the two years before.
 * - ip.class1 ← ipInvention: 发明专利 are Ⅰ类 (63号 Annex 1 notes). ip.class1SelfDeveloped and
 *   ip.class1HighValue are only declared (the figures do not say how a patent was obtained or its value).
 * - ip.class2 ← ipSoftware + ipUtilityModel + ipDesign (null if any of the three is null). Ⅱ类 counts
 *   实用新型 and 外观设计 only when maintained more than 2 years after grant, which the figures do not
 *   say, so the sum can over-count: a declared ip.class2 is preferred when present. ipOther is not
 *   counted (its class is unknown).
 * - equityFinancingLast2Years / Last3Years ← equityFinancing summed over the prior 2 / 3 fiscal
 *   years (null if any of those years or values is missing). Whether every yuan came from qualified
 *   institutional investors (63号 A4) the figures do not say; the officer checks.
 * - honours ← the qualifications valid on `on` (validFrom ≤ on ≤ validUntil, open-ended when
 *   validUntil is null): high-tech → high-tech-enterprise; tech-sme, innovative-sme, specialised-sme,
 *   little-giant → the same keys. Other honours (国家级技术创新示范企业, 知识产权优势/示范企业,
 *   中华老字号) are only declared, and are added from the declaration.
 * - yearsRegistered ← whole years from foundedOn to `on` (anniversaries completed); null if foundedOn
 *   is absent or after `on`.
 * - sector ← the record's size sector.
 *
 * Which wins: the records win for the fields they hold (all of the above), even over a declared
 * value; the one exception is ip.class2, where the declaration wins (see above). Where a record
 * value is null, the declared value fills it, but for the year-dependent fields only when the
 * declaration was made for the same evaluation year (`declaredOn` in the year of `on`, or
 * `declaredOn` absent): last year's declared revenue is not this year's. Every field the records
 * do not hold (strategicEmergingIndustry, yearsInNiche, scienceAward, qualitative claims, …) is
 * the declared value as given: the caller passes the declaration it relies on.
 *
 * The result has every field of CultivationProfile, null where nothing is known (null = absent).
 */
import { isSizeSector } from '../enterprises/size-sectors.js';
import { HONOURS, type CultivationProfile, type HonourKey } from './cultivation-profile.js';

/** One row of enterprise_figures (src/db/schema/enterprises.ts): money in yuan, null = not reported. */
export interface YearlyFigureRow {
  year: number;
  employees?: number | null;
  revenue?: number | null;
  mainRevenue?: number | null;
  totalAssets?: number | null;
  liabilities?: number | null;
  rdExpense?: number | null;
  rdStaff?: number | null;
  ipInvention?: number | null;
  ipUtilityModel?: number | null;
  ipDesign?: number | null;
  ipSoftware?: number | null;
  ipOther?: number | null;
  equityFinancing?: number | null;
}

/** One row of enterprise_qualifications; kind as in src/domain/enterprises/qualification-kinds.ts. */
export interface QualificationRecord {
  kind: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null = no end */
  validUntil: string | null;
}

export interface CultivationProfileSource {
  /** the enterprise's size sector key (null or unknown → the declared sector) */
  sizeSector: string | null;
  /** YYYY-MM-DD */
  foundedOn: string | null;
  figures: readonly YearlyFigureRow[];
  qualifications: readonly QualificationRecord[];
  /** the fields the enterprise declared in its last accepted self-assessment */
  declared?: CultivationProfile | null;
  /** the evaluation date (YYYY-MM-DD) that declaration was made for; absent = the same year as `on` */
  declaredOn?: string | null;
}

/** Qualification kinds the records hold, and the honour each is. */
const HONOUR_OF_KIND: Readonly<Record<string, HonourKey>> = {
  'high-tech': 'high-tech-enterprise',
  'tech-sme': 'tech-sme',
  'innovative-sme': 'innovative-sme',
  'specialised-sme': 'specialised-sme',
  'little-giant': 'little-giant',
};
const RECORDED_HONOURS: ReadonlySet<HonourKey> = new Set(Object.values(HONOUR_OF_KIND));
/** Output order of honours: the order of HONOURS. */
const HONOUR_ORDER: readonly HonourKey[] = HONOURS.map((h) => h.key);
const HONOUR_BIT = Object.fromEntries(HONOUR_ORDER.map((h, i) => [h, 1 << i])) as Record<HonourKey, number>;

type Num = number | null | undefined;
const known = (v: Num): v is number => v !== undefined && v !== null;

function sum(values: readonly Num[]): number | null {
  let s = 0;
  for (const v of values) {
    if (!known(v)) return null;
    s += v;
  }
  return s;
}

/** Whole years completed from `from` to `to` (both YYYY-MM-DD); null when `from` is after `to`. */
function completedYears(from: string, to: string): number | null {
  if (from > to) return null;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/**
 * The cultivation profile of an enterprise on `on` (YYYY-MM-DD), from its records and its last
 * accepted declaration (see the module comment for the mapping and which source wins). Pure.
 */
export function buildCultivationProfile(input: CultivationProfileSource, on: string): CultivationProfile {
  const year = Number(on.slice(0, 4));
  let f1: YearlyFigureRow | undefined;
  let f2: YearlyFigureRow | undefined;
  let f3: YearlyFigureRow | undefined;
  for (const row of input.figures) {
    const age = year - row.year;
    if (age === 1) f1 = row;
    else if (age === 2) f2 = row;
    else if (age === 3) f3 = row;
  }
  const d: CultivationProfile = input.declared ?? {};
  const sameYear = !input.declaredOn || input.declaredOn.slice(0, 4) === on.slice(0, 4);
  const declaredLastYear = !!input.declaredOn && Number(input.declaredOn.slice(0, 4)) === year - 1;
  const fill = (record: Num, declared: Num): number | null => (known(record) ? record : sameYear && known(declared) ? declared : null);

  const dip = d.ip ?? {};
  const figureClass2 = f1 ? sum([f1.ipSoftware, f1.ipUtilityModel, f1.ipDesign]) : null;

  // Honours held, as a bit set over HONOUR_ORDER (no Set per enterprise).
  let held = 0;
  for (const q of input.qualifications) {
    const honour = HONOUR_OF_KIND[q.kind];
    if (honour && q.validFrom <= on && (q.validUntil === null || on <= q.validUntil)) held |= HONOUR_BIT[honour];
  }
  for (const h of d.honours ?? []) if (!RECORDED_HONOURS.has(h)) held |= HONOUR_BIT[h] ?? 0;
  const honours: HonourKey[] = [];
  for (let i = 0; i < HONOUR_ORDER.length; i++) if (held & (1 << i)) honours.push(HONOUR_ORDER[i]!);

  const founded = input.foundedOn ? completedYears(input.foundedOn, on) : null;

  // One object literal of a fixed shape (every field, null when absent): typed Required so that a
  // field added to CultivationProfile must be placed here, and fast (no spread of the declaration).
  const profile: Required<CultivationProfile> = {
    sector: input.sizeSector && isSizeSector(input.sizeSector) ? input.sizeSector : (d.sector ?? null),
    employees: fill(f1?.employees, d.employees),
    revenue: fill(f1?.revenue, d.revenue),
    revenuePreviousYear: fill(f2?.revenue, d.revenuePreviousYear),
    revenueYearBeforePrevious: fill(f3?.revenue, d.revenueYearBeforePrevious),
    mainBusinessRevenue: fill(f1?.mainRevenue, d.mainBusinessRevenue),
    mainBusinessRevenuePreviousYear: fill(f2?.mainRevenue, d.mainBusinessRevenuePreviousYear),
    mainBusinessRevenueYearBeforePrevious: fill(f3?.mainRevenue, d.mainBusinessRevenueYearBeforePrevious),
    totalAssets: fill(f1?.totalAssets, d.totalAssets),
    totalLiabilities: fill(f1?.liabilities, d.totalLiabilities),
    rdExpense: fill(f1?.rdExpense, d.rdExpense),
    rdExpensePreviousYear: fill(f2?.rdExpense, d.rdExpensePreviousYear),
    rdExpenseYearBeforePrevious: fill(f3?.rdExpense, d.rdExpenseYearBeforePrevious),
    rdStaff: fill(f1?.rdStaff, d.rdStaff),
    netProfit: sameYear ? (d.netProfit ?? null) : null,
    yearsInNiche: d.yearsInNiche ?? null,
    ip: {
      // subsets of Ⅰ类: kept only with the Ⅰ类 count they were declared with (the same year), never above it
      class1HighValue: sameYear && known(dip.class1HighValue) ? Math.min(dip.class1HighValue, fill(f1?.ipInvention, dip.class1) ?? dip.class1HighValue) : null,
      class1SelfDeveloped: sameYear && known(dip.class1SelfDeveloped) ? Math.min(dip.class1SelfDeveloped, fill(f1?.ipInvention, dip.class1) ?? dip.class1SelfDeveloped) : null,
      class1: fill(f1?.ipInvention, dip.class1),
      class2: sameYear && known(dip.class2) ? dip.class2 : figureClass2,
    },
    strategicEmergingIndustry: d.strategicEmergingIndustry ?? null,
    honours,
    scienceAward: d.scienceAward ?? null,
    rdInstitutionLevel: d.rdInstitutionLevel ?? null,
    equityFinancingLast2Years: fill(f1 && f2 ? sum([f1.equityFinancing, f2.equityFinancing]) : null, d.equityFinancingLast2Years),
    equityFinancingLast3Years: fill(f1 && f2 && f3 ? sum([f1.equityFinancing, f2.equityFinancing, f3.equityFinancing]) : null, d.equityFinancingLast3Years),
    makerChina: d.makerChina ?? null,
    digitalisationLevel: d.digitalisationLevel ?? null,
    qualityItems: d.qualityItems ?? null,
    productField2022: d.productField2022 ?? null,
    provincialPoints: d.provincialPoints ?? null,
    nicheMarketShare: sameYear ? (d.nicheMarketShare ?? null) : null,
    nicheMarketRank: sameYear ? (d.nicheMarketRank ?? null) : null,
    // a development score declared last year is last year's score now
    developmentScore: sameYear ? (d.developmentScore ?? null) : null,
    developmentScorePreviousYear: sameYear ? (d.developmentScorePreviousYear ?? null) : declaredLastYear ? (d.developmentScore ?? null) : null,
    qualitativeClaims: d.qualitativeClaims ?? null,
    scopeIssues: d.scopeIssues ?? null,
    yearsRegistered: fill(founded, d.yearsRegistered),
    techStaff: sameYear ? (d.techStaff ?? null) : null,
    highTechRevenueShare: sameYear ? (d.highTechRevenueShare ?? null) : null,
    rdInChinaShare: d.rdInChinaShare ?? null,
    coreTechInSupportedField: d.coreTechInSupportedField ?? null,
    innovationScore: sameYear ? (d.innovationScore ?? null) : null,
  };
  return profile;
}
