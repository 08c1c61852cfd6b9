/**
 * Supporting tag 规上 / 限上 (above-scale / above-quota): whether the enterprise's prior-year
 * revenue reaches the National Bureau of Statistics (国家统计局) inclusion threshold of its sector
 * (official-rules.md §5.1; 规上工业 basis 国统字〔2010〕87号, in force from 2011).
 *
 * This is "eligible by revenue" only. An enterprise is 规上 when it is actually in the statistics
 * bureau's 一套表 directory (入库); the revenue figure alone does not make it so (§5.1 note). The
 * enterprise record's own `aboveScale` flag says 入库; this check says whether it could be.
 *
 * §5.1 thresholds mapped onto the 16 sectors of the 2011 size rules (size-sectors.ts):
 *
 * | sector                                   | §5.1 group                                    | basis (prior year) | threshold |
 * |------------------------------------------|-----------------------------------------------|--------------------|-----------|
 * | industry                                 | 规模以上工业企业                               | 主营业务收入        | 2000万元  |
 * | wholesale                                | 限额以上批发业                                 | 主营业务收入        | 2000万元  |
 * | retail                                   | 限额以上零售业                                 | 主营业务收入        | 500万元   |
 * | accommodation, catering                  | 限额以上住宿和餐饮业                           | 主营业务收入        | 200万元   |
 * | transport, warehousing, postal           | 规上服务业: 交通运输、仓储和邮政业              | 营业收入            | 2000万元  |
 * | information-transmission, software-it    | 规上服务业: 信息传输、软件和信息技术服务业      | 营业收入            | 2000万元  |
 * | leasing-business                         | 规上服务业: 租赁和商务服务业                    | 营业收入            | 1000万元  |
 * | property-management                      | 规上服务业: 物业管理                            | 营业收入            | 1000万元  |
 * | agriculture                              | none in §5.1                                  | —                  | —         |
 * | construction                             | none in §5.1 (建筑业 is counted by 资质, not revenue) | —            | —         |
 * | real-estate (房地产开发经营)              | none in §5.1 (its 1000万 group names 物业管理, 中介, 租赁 only) | — | —     |
 * | other (其他未列明行业)                    | ambiguous: §5.1 puts 卫生/水利环境 at 2000万, 科研技术/教育 at 1000万, 居民服务/文体娱乐/社会工作 at 500万 | — | — |
 *
 * The 限额以上 trade thresholds are on 主营业务收入 (the NBS footnotes of §5.1); the 规上服务业 ones
 * on 营业收入 (the Sanming Q&A of §5.1 says "revenue"). A value exactly on the threshold is eligible
 * ("及以上"). A sector without a threshold, or none at all, gives eligible null with a reason key.
 */
import type { SizeSector } from '../enterprises/size-sectors.js';
import type { Words } from './cultivation-evaluation.js';
import type { CultivationProfile, ProfileField } from './cultivation-profile.js';

/** 规模以上工业 / 限额以上批发零售住宿餐饮 / 规模以上服务业 */
export type AboveScaleGroup = 'industry' | 'trade' | 'services';

/** Why eligible is null. */
export type AboveScaleUnknownReason = 'sector-missing' | 'no-threshold' | 'sector-ambiguous' | 'value-missing';

export interface AboveScaleResult {
  /** reaches the threshold by revenue (not 入库); null when the sector has no threshold or an input is missing */
  eligible: boolean | null;
  group: AboveScaleGroup | null;
  /** yuan, null when the sector has no threshold */
  threshold: number | null;
  /** the profile field compared with the threshold */
  basis: 'mainBusinessRevenue' | 'revenue' | null;
  /** the basis's value, yuan (null when missing) */
  value: number | null;
  missing: ProfileField[];
  /** why eligible is null; null when eligible is known */
  reason: AboveScaleUnknownReason | null;
}

interface SectorThreshold {
  group: AboveScaleGroup;
  basis: 'mainBusinessRevenue' | 'revenue';
  /** yuan */
  threshold: number;
}

const WAN = 10_000;

/** official-rules.md §5.1, by size sector; a sector absent here has no threshold (see the table above). */
export const ABOVE_SCALE_THRESHOLDS: Readonly<Partial<Record<SizeSector, SectorThreshold>>> = {
  industry: { group: 'industry', basis: 'mainBusinessRevenue', threshold: 2000 * WAN },
  wholesale: { group: 'trade', basis: 'mainBusinessRevenue', threshold: 2000 * WAN },
  retail: { group: 'trade', basis: 'mainBusinessRevenue', threshold: 500 * WAN },
  accommodation: { group: 'trade', basis: 'mainBusinessRevenue', threshold: 200 * WAN },
  catering: { group: 'trade', basis: 'mainBusinessRevenue', threshold: 200 * WAN },
  transport: { group: 'services', basis: 'revenue', threshold: 2000 * WAN },
  warehousing: { group: 'services', basis: 'revenue', threshold: 2000 * WAN },
  postal: { group: 'services', basis: 'revenue', threshold: 2000 * WAN },
  'information-transmission': { group: 'services', basis: 'revenue', threshold: 2000 * WAN },
  'software-it': { group: 'services', basis: 'revenue', threshold: 2000 * WAN },
  'leasing-business': { group: 'services', basis: 'revenue', threshold: 1000 * WAN },
  'property-management': { group: 'services', basis: 'revenue', threshold: 1000 * WAN },
};

/** Sectors whose §5.1 group cannot be told from the size sector alone. */
const AMBIGUOUS_SECTORS: ReadonlySet<SizeSector> = new Set<SizeSector>(['other']);

export const ABOVE_SCALE_GROUP_WORDS: Record<AboveScaleGroup, Words> = {
  industry: { zh: '规模以上工业企业', en: 'above-scale industrial enterprise' },
  trade: { zh: '限额以上批发零售住宿餐饮企业', en: 'above-quota wholesale, retail, accommodation or catering enterprise' },
  services: { zh: '规模以上服务业企业', en: 'above-scale services enterprise' },
};

export const ABOVE_SCALE_REASON_WORDS: Record<AboveScaleUnknownReason, Words> = {
  'sector-missing': { zh: '缺少划型行业，无法判断规上（限上）标准', en: 'no size sector, so no above-scale threshold applies' },
  'no-threshold': {
    zh: '该行业没有按营业收入划定的规上（限上）标准（农林牧渔业、建筑业、房地产开发经营）',
    en: 'the sector has no revenue threshold for above-scale status (agriculture, construction, real-estate development)',
  },
  'sector-ambiguous': {
    zh: '“其他未列明行业”涵盖多个规上服务业门类（2000万、1000万、500万元标准），无法确定适用标准',
    en: '“other sectors” spans several above-scale services groups (20, 10 or 5 million yuan), so the threshold cannot be told',
  },
  'value-missing': { zh: '缺少上年度收入数据', en: 'the prior year’s revenue is missing' },
};

/**
 * Whether the prior-year revenue reaches the 规上 / 限上 threshold of the enterprise's sector
 * (official-rules.md §5.1): eligible by revenue, not 入库. Money in yuan; a value on the threshold
 * is eligible. Missing inputs are reported, never read as zero.
 */
export function checkAboveScale(profile: Pick<CultivationProfile, 'sector' | 'revenue' | 'mainBusinessRevenue'>): AboveScaleResult {
  const sector = profile.sector;
  if (sector === undefined || sector === null) return unknown('sector-missing', ['sector']);
  if (AMBIGUOUS_SECTORS.has(sector)) return unknown('sector-ambiguous', []);
  const rule = ABOVE_SCALE_THRESHOLDS[sector];
  if (!rule) return unknown('no-threshold', []);
  const value = profile[rule.basis];
  if (value === undefined || value === null) {
    return { eligible: null, group: rule.group, threshold: rule.threshold, basis: rule.basis, value: null, missing: [rule.basis], reason: 'value-missing' };
  }
  return { eligible: value >= rule.threshold, group: rule.group, threshold: rule.threshold, basis: rule.basis, value, missing: [], reason: null };
}

function unknown(reason: AboveScaleUnknownReason, missing: ProfileField[]): AboveScaleResult {
  return { eligible: null, group: null, threshold: null, basis: null, value: null, missing, reason };
}
