/**
 * Validates a parsed JSON value as a CultivationProfile (cultivation-profile.ts), field by field,
 * so that the CLI (`yiqi cultivation evaluate < profile.json`), the server (self-assessment submit)
 * and the browser form reject the same inputs with the same reasons, in Chinese and English.
 *
 * What is checked: types; money non-negative (netProfit may be negative); persons and counts whole
 * and non-negative; shares fractions from 0 to 1 (0.1 = 10%); keys from the documented lists
 * (sector, honours, qualityItems, qualitativeClaims, scopeIssues, productField2022, the levels,
 * makerChina); years as whole years; provincialPoints as an object of non-negative numbers.
 * null counts as absent (every field is optional; the rules report what they miss). Fields it does
 * not know (e.g. "name", "uscc") are ignored and left out of the profile. Duplicate keys in a list
 * are dropped. Cross-field plausibility (rdStaff ≤ employees, …) is not checked: that is the
 * officer's review, and a rule never needs it to stay well-defined.
 *
 * Pure and allocation-light: one pass over a fixed table of fields.
 */
import { SIZE_SECTORS } from '../enterprises/size-sectors.js';
import { profileFieldLabel } from './profile-field-labels.js';
import type { Words } from './cultivation-evaluation.js';
import {
  HONOURS, PRODUCT_FIELDS_2022, QUALITATIVE_CLAIMS, QUALITY_ITEMS, SCOPE_ISSUES, type CultivationProfile,
  type MakerChinaPlacing, type ProfileField, type RdInstitutionLevel, type ScienceAwardLevel,
} from './cultivation-profile.js';

export interface ProfileFieldError {
  /** dotted path: "employees", "ip.class1", "scienceAward.level", "provincialPoints.xyz", or "profile" for the whole */
  field: string;
  reason: Words;
}

export type ProfileCheck = { profile: CultivationProfile } | { errors: ProfileFieldError[] };

/** The kind of a profile field, which decides how it is checked (and how a spreadsheet cell is read). */
export type ProfileFieldKind =
  | 'money' // yuan, ≥ 0
  | 'signed-money' // yuan, any sign
  | 'count' // whole, ≥ 0 (persons, IP items)
  | 'rank' // whole, ≥ 1
  | 'years' // ≥ 0, fractions allowed
  | 'share' // fraction 0..1
  | 'score' // ≥ 0, optionally ≤ max
  | 'level-1-4' // whole 1..4
  | 'year' // calendar year, whole 1900..2100
  | 'boolean'
  | 'key' // one of `keys`
  | 'keys' // list of `keys`
  | 'points'; // object of non-negative numbers

export interface ProfileFieldSpec {
  kind: ProfileFieldKind;
  keys?: readonly string[];
  max?: number;
}

const keysOf = (list: readonly { key: string }[]) => list.map((x) => x.key);

export const SCIENCE_AWARD_LEVELS = ['none', 'provincial', 'national'] as const satisfies readonly ScienceAwardLevel[];
export const RD_INSTITUTION_LEVELS = ['none', 'below-municipal', 'municipal', 'provincial', 'national'] as const satisfies readonly RdInstitutionLevel[];
export const MAKER_CHINA_PLACINGS = ['none', 'national-top500', 'national-top50'] as const satisfies readonly MakerChinaPlacing[];

const money: ProfileFieldSpec = { kind: 'money' };
const count: ProfileFieldSpec = { kind: 'count' };
const share: ProfileFieldSpec = { kind: 'share' };

/**
 * Every field of CultivationProfile by dotted path (ip.* and scienceAward.* are the nested
 * objects' members), with its kind. The CLI's spreadsheet columns use these paths as headers.
 */
export const CULTIVATION_PROFILE_FIELDS = {
  sector: { kind: 'key', keys: keysOf(SIZE_SECTORS) },
  employees: count,
  revenue: money,
  revenuePreviousYear: money,
  revenueYearBeforePrevious: money,
  mainBusinessRevenue: money,
  mainBusinessRevenuePreviousYear: money,
  mainBusinessRevenueYearBeforePrevious: money,
  totalAssets: money,
  totalLiabilities: money,
  rdExpense: money,
  rdExpensePreviousYear: money,
  rdExpenseYearBeforePrevious: money,
  rdStaff: count,
  netProfit: { kind: 'signed-money' },
  yearsInNiche: { kind: 'years' },
  'ip.class1HighValue': count,
  'ip.class1SelfDeveloped': count,
  'ip.class1': count,
  'ip.class2': count,
  strategicEmergingIndustry: { kind: 'boolean' },
  honours: { kind: 'keys', keys: keysOf(HONOURS) },
  'scienceAward.level': { kind: 'key', keys: SCIENCE_AWARD_LEVELS },
  'scienceAward.rank': { kind: 'rank' },
  'scienceAward.year': { kind: 'year' },
  rdInstitutionLevel: { kind: 'key', keys: RD_INSTITUTION_LEVELS },
  equityFinancingLast2Years: money,
  equityFinancingLast3Years: money,
  makerChina: { kind: 'key', keys: MAKER_CHINA_PLACINGS },
  digitalisationLevel: { kind: 'level-1-4' },
  qualityItems: { kind: 'keys', keys: keysOf(QUALITY_ITEMS) },
  productField2022: { kind: 'key', keys: keysOf(PRODUCT_FIELDS_2022) },
  provincialPoints: { kind: 'points' },
  nicheMarketShare: share,
  nicheMarketRank: { kind: 'rank' },
  developmentScore: { kind: 'score' },
  developmentScorePreviousYear: { kind: 'score' },
  qualitativeClaims: { kind: 'keys', keys: keysOf(QUALITATIVE_CLAIMS) },
  scopeIssues: { kind: 'keys', keys: keysOf(SCOPE_ISSUES) },
  yearsRegistered: { kind: 'years' },
  techStaff: count,
  highTechRevenueShare: share,
  rdInChinaShare: share,
  coreTechInSupportedField: { kind: 'boolean' },
  innovationScore: { kind: 'score', max: 100 },
} as const satisfies Record<string, ProfileFieldSpec>;

export type CultivationProfilePath = keyof typeof CULTIVATION_PROFILE_FIELDS;

type Spec = ProfileFieldSpec;
const TOP: [string, Spec][] = [];
const NESTED: Record<'ip' | 'scienceAward', [string, Spec][]> = { ip: [], scienceAward: [] };
for (const [path, spec] of Object.entries(CULTIVATION_PROFILE_FIELDS) as [string, Spec][]) {
  const dot = path.indexOf('.');
  if (dot < 0) TOP.push([path, spec]);
  else NESTED[path.slice(0, dot) as 'ip' | 'scienceAward'].push([path.slice(dot + 1), spec]);
}

const SECTOR_LIST_ZH = SIZE_SECTORS.map((s) => `${s.key}（${s.label}）`).join('、');
const SECTOR_LIST_EN = SIZE_SECTORS.map((s) => s.key).join(', ');

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v;
}

const R = {
  object: (v: unknown): Words => ({ zh: `应为 JSON 对象（实际为 ${typeName(v)}）`, en: `must be a JSON object, got ${typeName(v)}` }),
  number: (v: unknown): Words => ({ zh: `应为数字（实际为 ${typeName(v)}）`, en: `must be a number, got ${typeName(v)}` }),
  negative: (v: number): Words => ({ zh: `不能为负数（实际为 ${v}）`, en: `must not be negative, got ${v}` }),
  whole: (v: number): Words => ({ zh: `应为整数（实际为 ${v}）`, en: `must be a whole number, got ${v}` }),
  atLeastOne: (v: number): Words => ({ zh: `应为不小于 1 的整数（实际为 ${v}）`, en: `must be a whole number from 1, got ${v}` }),
  share: (v: number): Words => ({ zh: `应为 0 到 1 之间的比例（0.1 表示 10%），实际为 ${v}`, en: `must be a fraction from 0 to 1 (0.1 = 10%), got ${v}` }),
  max: (v: number, max: number): Words => ({ zh: `不能超过 ${max}（实际为 ${v}）`, en: `must be at most ${max}, got ${v}` }),
  level: (v: number): Words => ({ zh: `应为 1 到 4 的整数（实际为 ${v}）`, en: `must be a whole number from 1 to 4, got ${v}` }),
  year: (v: number): Words => ({ zh: `应为四位年份，如 2024（实际为 ${v}）`, en: `must be a year such as 2024, got ${v}` }),
  boolean: (v: unknown): Words => ({ zh: `应为 true 或 false（实际为 ${typeName(v)}）`, en: `must be true or false, got ${typeName(v)}` }),
  string: (v: unknown): Words => ({ zh: `应为字符串（实际为 ${typeName(v)}）`, en: `must be a string, got ${typeName(v)}` }),
  array: (v: unknown): Words => ({ zh: `应为取值的数组（实际为 ${typeName(v)}）`, en: `must be an array of keys, got ${typeName(v)}` }),
  unknownSector: (v: string): Words => ({ zh: `未知行业“${v}”，可选：${SECTOR_LIST_ZH}`, en: `unknown sector "${v}"; valid keys: ${SECTOR_LIST_EN}` }),
  unknownKey: (v: unknown, keys: readonly string[]): Words => ({
    zh: `未知取值“${String(v)}”，可选：${keys.join('、')}`,
    en: `unknown value "${String(v)}"; valid keys: ${keys.join(', ')}`,
  }),
  partOverWhole: (v: number, whole: number, field: Words): Words => ({ zh: `不能大于${field.zh}（${v} > ${whole}）`, en: `must not exceed ${field.en} (${v} > ${whole})` }),
  levelRequired: (): Words => ({ zh: '缺少科技奖励级别（请选择：无、省级或国家级）', en: 'the award level is required (none, provincial or national)' }),
};

/** Checks one value; returns the value to keep, or pushes an error. */
function checkValue(field: string, v: unknown, spec: Spec, errors: ProfileFieldError[]): unknown {
  const err = (reason: Words) => {
    errors.push({ field, reason });
    return undefined;
  };
  switch (spec.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? v : err(R.boolean(v));
    case 'key':
      if (typeof v !== 'string') return err(R.string(v));
      if (!spec.keys!.includes(v)) return err(field === 'sector' ? R.unknownSector(v) : R.unknownKey(v, spec.keys!));
      return v;
    case 'keys': {
      if (!Array.isArray(v)) return err(R.array(v));
      const out: string[] = [];
      for (const k of v) {
        if (typeof k !== 'string' || !spec.keys!.includes(k)) return err(R.unknownKey(typeof k === 'string' ? k : JSON.stringify(k), spec.keys!));
        if (!out.includes(k)) out.push(k);
      }
      return out;
    }
    case 'points': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return err(R.object(v));
      const out: Record<string, number> = {};
      let ok = true;
      for (const [k, p] of Object.entries(v as Record<string, unknown>)) {
        const n = checkValue(`${field}.${k}`, p, { kind: 'score' }, errors);
        if (n === undefined) ok = false;
        else out[k] = n as number;
      }
      return ok ? out : undefined;
    }
    default:
      break;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return err(R.number(v));
  switch (spec.kind) {
    case 'signed-money':
      return v;
    case 'money':
    case 'years':
      return v < 0 ? err(R.negative(v)) : v;
    case 'count':
      if (v < 0) return err(R.negative(v));
      return Number.isInteger(v) ? v : err(R.whole(v));
    case 'rank':
      return Number.isInteger(v) && v >= 1 ? v : err(R.atLeastOne(v));
    case 'share':
      return v >= 0 && v <= 1 ? v : err(R.share(v));
    case 'score':
      if (v < 0) return err(R.negative(v));
      return spec.max !== undefined && v > spec.max ? err(R.max(v, spec.max)) : v;
    case 'level-1-4':
      return Number.isInteger(v) && v >= 1 && v <= 4 ? v : err(R.level(v));
    case 'year':
      return Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : err(R.year(v));
  }
}

const absent = (v: unknown) => v === undefined || v === null;

function checkFields(o: Record<string, unknown>, fields: [string, Spec][], prefix: string, errors: ProfileFieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of fields) {
    const v = o[name];
    if (absent(v)) continue;
    const checked = checkValue(prefix + name, v, spec, errors);
    if (checked !== undefined) out[name] = checked;
  }
  return out;
}

/**
 * The profile in a parsed JSON value, or every field error in it (field path and reason in
 * Chinese and English). Never throws.
 */
export function checkCultivationProfile(data: unknown): ProfileCheck {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { errors: [{ field: 'profile', reason: R.object(data) }] };
  const o = data as Record<string, unknown>;
  const errors: ProfileFieldError[] = [];
  const profile = checkFields(o, TOP, '', errors);
  for (const nested of ['ip', 'scienceAward'] as const) {
    const v = o[nested];
    if (absent(v)) continue;
    if (typeof v !== 'object' || Array.isArray(v)) {
      errors.push({ field: nested, reason: R.object(v) });
      continue;
    }
    const inner = v as Record<string, unknown>;
    if (nested === 'scienceAward' && absent(inner.level)) errors.push({ field: 'scienceAward.level', reason: R.levelRequired() });
    profile[nested] = checkFields(inner, NESTED[nested], `${nested}.`, errors);
  }
  if (!errors.length) checkParts(profile as CultivationProfile, errors);
  return errors.length ? { errors } : { profile: profile as CultivationProfile };
}

/**
 * A part cannot exceed its whole: 研发人员 and 科技人员 are 从业人员; 主营业务收入 is 营业收入;
 * high-value and self-developed Ⅰ类 IP are Ⅰ类 IP. Otherwise a ratio above 100% would score the
 * top band.
 */
const PARTS: readonly [part: string, whole: ProfileField, read: (p: CultivationProfile) => [number | null | undefined, number | null | undefined]][] = [
  ['rdStaff', 'employees', (p) => [p.rdStaff, p.employees]],
  ['techStaff', 'employees', (p) => [p.techStaff, p.employees]],
  ['mainBusinessRevenue', 'revenue', (p) => [p.mainBusinessRevenue, p.revenue]],
  ['mainBusinessRevenuePreviousYear', 'revenuePreviousYear', (p) => [p.mainBusinessRevenuePreviousYear, p.revenuePreviousYear]],
  ['mainBusinessRevenueYearBeforePrevious', 'revenueYearBeforePrevious', (p) => [p.mainBusinessRevenueYearBeforePrevious, p.revenueYearBeforePrevious]],
  ['ip.class1HighValue', 'ip.class1', (p) => [p.ip?.class1HighValue, p.ip?.class1]],
  ['ip.class1SelfDeveloped', 'ip.class1', (p) => [p.ip?.class1SelfDeveloped, p.ip?.class1]],
];

function checkParts(profile: CultivationProfile, errors: ProfileFieldError[]): void {
  for (const [part, whole, read] of PARTS) {
    const [a, b] = read(profile);
    if (typeof a === 'number' && typeof b === 'number' && a > b) errors.push({ field: part, reason: R.partOverWhole(a, b, profileFieldLabel(whole as ProfileField)) });
  }
}
