/**
 * SME size classification (中小企业划型) under 《中小企业划型标准规定》,
 * 工信部联企业〔2011〕300号 — the table and its reading are transcribed in
 * ../shared/reference/official-rules.md §2 (16 sectors; 从业人员 in persons,
 * 营业收入 and 资产总额 in 万元).
 *
 * Reading of 以下 / 及以上 (official-rules.md §2):
 * - an enterprise is 中小微 only if it is below at least one of the sector's caps; otherwise 大型;
 * - 中型 and 小型 need BOTH (all) of the listed lower bounds (且);
 * - 微型 needs only ONE indicator below the 小型 bound (或).
 *
 * Money in the profile is in yuan (the cultivation profile format, issue 6); the table is in
 * 万元. Every bound is converted to yuan once (× 10,000, exact integers) and compared in yuan,
 * so no floating-point rounding can move an enterprise across a bound.
 *
 * A missing input the sector needs is reported as missing, never read as zero.
 */
import { isSizeSector, sizeSectorLabel, type SizeSector } from '../enterprises/size-sectors.js';

/** The rules this table encodes; kept as data so that a revised 划型 standard can sit beside it. */
export const SME_SIZE_RULES_VERSION = '工信部联企业〔2011〕300号';

export const SME_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type SmeSize = (typeof SME_SIZES)[number];

export type SmeSizeIndicator = 'employees' | 'revenue' | 'totalAssets';

export interface SmeSizeProfile {
  sector: SizeSector;
  /** 从业人员, persons */
  employees?: number | null;
  /** 营业收入, yuan */
  revenue?: number | null;
  /** 资产总额, yuan */
  totalAssets?: number | null;
}

/** Which of the table's columns a bound belongs to. */
export type SmeSizeBoundLevel = 'cap' | 'medium' | 'small';

export interface SmeSizeThreshold {
  indicator: SmeSizeIndicator;
  /** the profile's value: persons, or yuan for money */
  value: number;
  /** the bound in the same unit as value (persons, or yuan) */
  bound: number;
  /** '>=' the value reaches the bound (及以上); '<' it stays below it (以下) */
  comparison: '>=' | '<';
  level: SmeSizeBoundLevel;
}

export interface SmeSizeResult {
  size: SmeSize;
  reason: { zh: string; en: string };
  /** the thresholds that decided the size, in the order the reason states them */
  decidedBy: SmeSizeThreshold[];
  rulesVersion: typeof SME_SIZE_RULES_VERSION;
}

export interface SmeSizeMissing {
  error: 'missing';
  /** the profile fields the sector needs that are absent */
  fields: SmeSizeIndicator[];
}

/** Bounds per indicator: persons for employees, 万元 for money (as printed in the table). */
type Bounds = Partial<Record<SmeSizeIndicator, number>>;

interface SectorRule {
  en: string;
  /** the indicators of the sector's row, in the table's order */
  indicators: readonly SmeSizeIndicator[];
  /** 中小微: below at least one of these */
  cap: Bounds;
  /** 中型: all of these reached */
  medium: Bounds;
  /** 小型: all of these reached; 微型: any one below */
  small: Bounds;
}

const E = 'employees';
const R = 'revenue';
const A = 'totalAssets';

/**
 * The table of 工信部联企业〔2011〕300号 (official-rules.md §2), keyed by the sector keys of
 * src/domain/enterprises/size-sectors.ts (all 16 are there).
 */
export const SME_SIZE_TABLE: Readonly<Record<SizeSector, SectorRule>> = {
  agriculture: { en: 'agriculture, forestry, animal husbandry and fishery', indicators: [R], cap: { [R]: 20000 }, medium: { [R]: 500 }, small: { [R]: 50 } },
  industry: { en: 'industry', indicators: [E, R], cap: { [E]: 1000, [R]: 40000 }, medium: { [E]: 300, [R]: 2000 }, small: { [E]: 20, [R]: 300 } },
  construction: { en: 'construction', indicators: [R, A], cap: { [R]: 80000, [A]: 80000 }, medium: { [R]: 6000, [A]: 5000 }, small: { [R]: 300, [A]: 300 } },
  wholesale: { en: 'wholesale', indicators: [E, R], cap: { [E]: 200, [R]: 40000 }, medium: { [E]: 20, [R]: 5000 }, small: { [E]: 5, [R]: 1000 } },
  retail: { en: 'retail', indicators: [E, R], cap: { [E]: 300, [R]: 20000 }, medium: { [E]: 50, [R]: 500 }, small: { [E]: 10, [R]: 100 } },
  transport: { en: 'transport', indicators: [E, R], cap: { [E]: 1000, [R]: 30000 }, medium: { [E]: 300, [R]: 3000 }, small: { [E]: 20, [R]: 200 } },
  warehousing: { en: 'warehousing', indicators: [E, R], cap: { [E]: 200, [R]: 30000 }, medium: { [E]: 100, [R]: 1000 }, small: { [E]: 20, [R]: 100 } },
  postal: { en: 'postal services', indicators: [E, R], cap: { [E]: 1000, [R]: 30000 }, medium: { [E]: 300, [R]: 2000 }, small: { [E]: 20, [R]: 100 } },
  accommodation: { en: 'accommodation', indicators: [E, R], cap: { [E]: 300, [R]: 10000 }, medium: { [E]: 100, [R]: 2000 }, small: { [E]: 10, [R]: 100 } },
  catering: { en: 'catering', indicators: [E, R], cap: { [E]: 300, [R]: 10000 }, medium: { [E]: 100, [R]: 2000 }, small: { [E]: 10, [R]: 100 } },
  'information-transmission': { en: 'information transmission', indicators: [E, R], cap: { [E]: 2000, [R]: 100000 }, medium: { [E]: 100, [R]: 1000 }, small: { [E]: 10, [R]: 100 } },
  'software-it': { en: 'software and information technology services', indicators: [E, R], cap: { [E]: 300, [R]: 10000 }, medium: { [E]: 100, [R]: 1000 }, small: { [E]: 10, [R]: 50 } },
  'real-estate': { en: 'real estate development', indicators: [R, A], cap: { [R]: 200000, [A]: 10000 }, medium: { [R]: 1000, [A]: 5000 }, small: { [R]: 100, [A]: 2000 } },
  'property-management': { en: 'property management', indicators: [E, R], cap: { [E]: 1000, [R]: 5000 }, medium: { [E]: 300, [R]: 1000 }, small: { [E]: 100, [R]: 500 } },
  'leasing-business': { en: 'leasing and business services', indicators: [E, A], cap: { [E]: 300, [A]: 120000 }, medium: { [E]: 100, [A]: 8000 }, small: { [E]: 10, [A]: 100 } },
  other: { en: 'other sectors not listed', indicators: [E], cap: { [E]: 300 }, medium: { [E]: 100 }, small: { [E]: 10 } },
};

/** 1 万元 = 10,000 yuan. */
export const YUAN_PER_WAN = 10_000;

/** The indicators the sector's row uses: the profile fields classification needs. */
export function smeSizeIndicators(sector: SizeSector): readonly SmeSizeIndicator[] {
  return ruleOf(sector).indicators;
}

/** A bound of the table in the profile's unit: persons, or yuan for money (exact integer). */
export function smeSizeBound(sector: SizeSector, level: SmeSizeBoundLevel, indicator: SmeSizeIndicator): number {
  const wanOrPersons = ruleOf(sector)[level][indicator];
  if (wanOrPersons === undefined) throw new RangeError(`sector ${sector} has no ${level} bound on ${indicator}`);
  return indicator === 'employees' ? wanOrPersons : wanOrPersons * YUAN_PER_WAN;
}

export function isSmeSizeMissing(r: SmeSizeResult | SmeSizeMissing): r is SmeSizeMissing {
  return 'error' in r;
}

/**
 * Classifies an enterprise as micro / small / medium / large. Returns the missing fields
 * instead when the sector needs an input the profile lacks. Throws a RangeError for an
 * unknown sector or a value that is negative, not finite, or (employees) not a whole number.
 */
export function classifySmeSize(profile: SmeSizeProfile): SmeSizeResult | SmeSizeMissing {
  const rule = ruleOf(profile.sector);
  const missing = rule.indicators.filter((i) => profile[i] === undefined || profile[i] === null);
  if (missing.length) return { error: 'missing', fields: missing };

  const values = {} as Record<SmeSizeIndicator, number>;
  for (const i of rule.indicators) {
    const v = profile[i] as number;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${i} must be a non-negative number, got ${String(v)}`);
    if (i === 'employees' && !Number.isInteger(v)) throw new RangeError(`employees must be a whole number, got ${v}`);
    values[i] = v;
  }

  const sector = profile.sector;
  const check = (level: SmeSizeBoundLevel, indicator: SmeSizeIndicator): SmeSizeThreshold => {
    const bound = smeSizeBound(sector, level, indicator);
    const value = values[indicator];
    return { indicator, value, bound, comparison: value >= bound ? '>=' : '<', level };
  };
  const all = (level: SmeSizeBoundLevel) => rule.indicators.map((i) => check(level, i));

  const caps = all('cap');
  const belowCap = caps.filter((t) => t.comparison === '<');
  if (belowCap.length === 0) return result(sector, 'large', caps);

  const medium = all('medium');
  if (medium.every((t) => t.comparison === '>=')) return result(sector, 'medium', [...medium, belowCap[0]!]);

  const small = all('small');
  const mediumMissed = medium.filter((t) => t.comparison === '<');
  if (small.every((t) => t.comparison === '>=')) return result(sector, 'small', [...small, ...mediumMissed]);

  return result(sector, 'micro', small.filter((t) => t.comparison === '<'));
}

function ruleOf(sector: string): SectorRule {
  if (!isSizeSector(sector)) throw new RangeError(`unknown sector: ${sector}`);
  return SME_SIZE_TABLE[sector];
}

const SIZE_ZH: Record<SmeSize, string> = { micro: '微型企业', small: '小型企业', medium: '中型企业', large: '大型企业' };
const SIZE_EN: Record<SmeSize, string> = { micro: 'micro', small: 'small', medium: 'medium-sized', large: 'large' };
const INDICATOR_ZH: Record<SmeSizeIndicator, string> = { employees: '从业人员', revenue: '营业收入', totalAssets: '资产总额' };
const INDICATOR_EN: Record<SmeSizeIndicator, string> = { employees: 'employees', revenue: 'revenue', totalAssets: 'total assets' };

/** Yuan as 万元, exactly (no float division for whole yuan): 12,345,600 → "1234.56". */
export function formatWan(yuan: number): string {
  if (!Number.isSafeInteger(yuan)) return String(yuan / YUAN_PER_WAN);
  const whole = Math.trunc(yuan / YUAN_PER_WAN);
  const rest = String(yuan % YUAN_PER_WAN).padStart(4, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

function amountZh(indicator: SmeSizeIndicator, n: number): string {
  return indicator === 'employees' ? `${n}人` : `${formatWan(n)}万元`;
}

function amountEn(indicator: SmeSizeIndicator, n: number): string {
  return indicator === 'employees' ? String(n) : `${formatWan(n)} (10k CNY)`;
}

function thresholdZh(t: SmeSizeThreshold): string {
  return `${INDICATOR_ZH[t.indicator]}${amountZh(t.indicator, t.value)}${t.comparison === '>=' ? '≥' : '<'}${amountZh(t.indicator, t.bound)}`;
}

function thresholdEn(t: SmeSizeThreshold): string {
  return `${INDICATOR_EN[t.indicator]} ${amountEn(t.indicator, t.value)} ${t.comparison === '>=' ? '≥' : '<'} ${amountEn(t.indicator, t.bound)}`;
}

function result(sector: SizeSector, size: SmeSize, decidedBy: SmeSizeThreshold[]): SmeSizeResult {
  const label = sizeSectorLabel(sector);
  const en = SME_SIZE_TABLE[sector].en;
  const byLevel = (level: SmeSizeBoundLevel) => decidedBy.filter((t) => t.level === level);
  const zhList = (ts: SmeSizeThreshold[], joiner: string) => ts.map(thresholdZh).join(joiner);
  const enList = (ts: SmeSizeThreshold[], joiner: string) => ts.map(thresholdEn).join(joiner);
  let zh: string;
  let enText: string;
  switch (size) {
    case 'large':
      zh = `${zhList(byLevel('cap'), '，且')}，均达到中小微企业上限`;
      enText = `${enList(byLevel('cap'), ' and ')}: at or above every SME cap`;
      break;
    case 'medium':
      zh = `${zhList(byLevel('medium'), '，且')}，达到中型标准；${zhList(byLevel('cap'), '，')}，低于中小微企业上限`;
      enText = `${enList(byLevel('medium'), ' and ')}: meets the medium bounds; ${enList(byLevel('cap'), ', ')}: below an SME cap`;
      break;
    case 'small':
      zh = `${zhList(byLevel('small'), '，且')}，达到小型标准；${zhList(byLevel('medium'), '，')}，未达到中型标准`;
      enText = `${enList(byLevel('small'), ' and ')}: meets the small bounds; ${enList(byLevel('medium'), ', ')}: below the medium bounds`;
      break;
    case 'micro':
      zh = `${zhList(byLevel('small'), '，')}，低于小型标准`;
      enText = `${enList(byLevel('small'), ', ')}: below the small bounds`;
      break;
  }
  return {
    size,
    reason: {
      zh: `${label}：${zh}，为${SIZE_ZH[size]}（${SME_SIZE_RULES_VERSION}）`,
      en: `${en[0]!.toUpperCase()}${en.slice(1)}: ${enText}, so ${SIZE_EN[size]} (MIIT ${SME_SIZE_RULES_VERSION}, 2011).`,
    },
    decidedBy,
    rulesVersion: SME_SIZE_RULES_VERSION,
  };
}
