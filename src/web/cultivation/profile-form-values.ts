import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';

/**
 * The self-assessment form shows money in 万元 and shares in %, the profile keeps yuan and
 * fractions (cultivation-profile.ts). The form's field names are the profile's own paths, so the
 * server's field errors (`profile.revenue`, `profile.ip.class1`) land on the right field.
 *
 * An empty field is null (missing, never zero). Lists are shown as check boxes: an unchecked
 * group is the declaration "none of these", so it is sent as [].
 */
export type ProfileFormValues = CultivationProfile;

/** Profile fields in yuan, typed in 万元. */
export const MONEY_FIELDS = [
  'revenue',
  'revenuePreviousYear',
  'revenueYearBeforePrevious',
  'mainBusinessRevenue',
  'mainBusinessRevenuePreviousYear',
  'mainBusinessRevenueYearBeforePrevious',
  'rdExpense',
  'rdExpensePreviousYear',
  'rdExpenseYearBeforePrevious',
  'totalAssets',
  'totalLiabilities',
  'netProfit',
  'equityFinancingLast2Years',
  'equityFinancingLast3Years',
] as const satisfies readonly (keyof CultivationProfile)[];

/** Profile fields kept as fractions, typed as percentages. */
export const PERCENT_FIELDS = ['nicheMarketShare', 'highTechRevenueShare', 'rdInChinaShare'] as const satisfies readonly (keyof CultivationProfile)[];

/** Declared lists, shown as check-box groups. */
export const LIST_FIELDS = ['honours', 'qualityItems', 'qualitativeClaims', 'scopeIssues'] as const satisfies readonly (keyof CultivationProfile)[];

const MONEY = new Set<string>(MONEY_FIELDS);
const PERCENT = new Set<string>(PERCENT_FIELDS);

/** Twelve significant digits: 2.6 / 100 is 0.026, not 0.026000000000000002. */
const tidy = (n: number) => Number(n.toPrecision(12));

/** yuan → 万元, exact to the yuan. */
export function yuanToWan(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? tidy(value / 10_000) : null;
}

/** 万元 → whole yuan (the rules compare ratios of whole-yuan amounts exactly). */
export function wanToYuan(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10_000) : null;
}

export function fractionToPercent(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? tidy(value * 100) : null;
}

export function percentToFraction(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? tidy(value / 100) : null;
}

function mapUnits(source: Record<string, unknown>, money: (v: number | null) => number | null, percent: (v: number | null) => number | null) {
  const out: Record<string, unknown> = { ...source };
  for (const [key, value] of Object.entries(source)) {
    const n = typeof value === 'number' ? value : null;
    if (MONEY.has(key)) out[key] = money(n);
    else if (PERCENT.has(key)) out[key] = percent(n);
  }
  return out;
}

/** The form's values (万元, %) from a stored or pre-filled profile (yuan, fractions). */
export function profileToFormValues(profile: CultivationProfile | null | undefined): ProfileFormValues {
  const base = (profile ?? {}) as Record<string, unknown>;
  const values = mapUnits(base, yuanToWan, fractionToPercent) as ProfileFormValues;
  for (const key of LIST_FIELDS) if (!Array.isArray(values[key])) values[key] = [] as never;
  return values;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v));

/**
 * The profile to evaluate and send, from the form's values: the very object the browser scores
 * live is the one the server stores and scores, so both totals agree.
 */
export function formValuesToProfile(values: ProfileFormValues): CultivationProfile {
  const source = values as Record<string, unknown>;
  const out = mapUnits(source, wanToYuan, percentToFraction);
  for (const [key, value] of Object.entries(out)) if (isBlank(value)) out[key] = null;
  for (const key of LIST_FIELDS) if (!Array.isArray(out[key])) out[key] = [];

  const ip = values.ip;
  if (ip) {
    const cleaned = {
      class1HighValue: ip.class1HighValue ?? null,
      class1SelfDeveloped: ip.class1SelfDeveloped ?? null,
      class1: ip.class1 ?? null,
      class2: ip.class2 ?? null,
    };
    out.ip = Object.values(cleaned).every((v) => v === null) ? null : cleaned;
  }
  const award = values.scienceAward;
  if (award) {
    const given = award.level || !isBlank(award.rank) || !isBlank(award.year);
    // A rank or year without the level is sent as is: the server names the missing level on its field.
    out.scienceAward = given ? { level: award.level ?? null, rank: award.rank ?? null, year: award.year ?? null } : null;
  }
  const points = values.provincialPoints;
  if (points) {
    const kept = Object.entries(points).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]));
    out.provincialPoints = kept.length ? Object.fromEntries(kept) : null;
  }
  return out as CultivationProfile;
}
