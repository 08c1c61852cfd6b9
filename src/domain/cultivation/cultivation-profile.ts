/**
 * The enterprise profile the cultivation rules (梯度培育) read: one object, the same in the CLI
 * (`yiqi cultivation evaluate < profile.json`), the self-assessment form in the browser and the
 * zone's batch evaluation (built from the enterprise's yearly figures).
 *
 * Units: money in yuan; ratios as fractions (0.1 = 10%); years and counts as numbers.
 * "Prior year" (上年度) is the last complete fiscal year before the evaluation date; the
 * profile's plain fields (revenue, rdExpense, …) hold that year, the *PreviousYear fields the
 * year before it, the *YearBeforePrevious fields the year before that.
 *
 * Every field is optional: a rule that needs an absent field reports it as missing and never
 * reads it as zero. Booleans and lists are declarations: absent means "not declared".
 */
import type { SizeSector } from '../enterprises/size-sectors.js';

/**
 * Titles and honours the enterprise holds, valid on the evaluation date (documented keys).
 * The first four are the 63号 Annex 1 direct route A2; the tiers are the prerequisites of the
 * next tier; time-honoured-brand (中华老字号) scores in the 2022 专精特新 table.
 */
export const HONOURS = [
  { key: 'high-tech-enterprise', zh: '高新技术企业', en: 'high-tech enterprise' },
  { key: 'national-tech-innovation-demo', zh: '国家级技术创新示范企业', en: 'national technology-innovation demonstration enterprise' },
  { key: 'ip-advantage', zh: '知识产权优势企业', en: 'IP advantage enterprise' },
  { key: 'ip-demo', zh: '知识产权示范企业', en: 'IP demonstration enterprise' },
  { key: 'tech-sme', zh: '科技型中小企业', en: 'technology-based SME' },
  { key: 'innovative-sme', zh: '创新型中小企业', en: 'innovative SME' },
  { key: 'specialised-sme', zh: '专精特新中小企业', en: 'specialised SME (专精特新)' },
  { key: 'little-giant', zh: '专精特新“小巨人”企业', en: '“little giant”' },
  { key: 'time-honoured-brand', zh: '中华老字号', en: 'China Time-honoured Brand' },
] as const satisfies readonly { key: string; zh: string; en: string }[];
export type HonourKey = (typeof HONOURS)[number]['key'];

/** Items of the 2022 专精特新 quality-management indicator (63号 Annex 2, indicator 6: +3 each, capped at 5). */
export const QUALITY_ITEMS = [
  { key: 'provincial-quality-award', zh: '获得省级以上质量奖荣誉', en: 'provincial-or-higher quality award' },
  { key: 'quality-system-certified', zh: '建立质量管理体系并获得ISO9001等认证', en: 'quality-management system certified (ISO 9001 or similar)' },
  { key: 'own-brand', zh: '拥有自主品牌', en: 'own brand' },
  { key: 'standard-drafting', zh: '参与制修订标准', en: 'took part in drafting or revising standards' },
] as const satisfies readonly { key: string; zh: string; en: string }[];
export type QualityItemKey = (typeof QUALITY_ITEMS)[number]['key'];

/** Field of the main product, 2022 专精特新 indicator 4 (63号 Annex 2). */
export const PRODUCT_FIELDS_2022 = [
  { key: 'chain-key-link', zh: '在产业链供应链关键环节实现补短板、锻长板、填空白', en: 'fills gaps or strengthens a key link of an industrial/supply chain' },
  { key: 'six-foundations', zh: '属于工业“六基”领域', en: 'one of the industrial “six foundations”' },
  { key: 'time-honoured', zh: '属于中华老字号名录', en: 'on the China Time-honoured Brand list' },
  { key: 'none', zh: '以上均不属于', en: 'none of these' },
] as const satisfies readonly { key: string; zh: string; en: string }[];
export type ProductField2022 = (typeof PRODUCT_FIELDS_2022)[number]['key'];

/**
 * Qualitative claims of the 小巨人 dimensions and the 2026 field/market conditions
 * (63号 Annex 3, 2号 Annex 2). The enterprise declares them; the officer checks them.
 */
export const QUALITATIVE_CLAIMS = [
  { key: 'information-system', zh: '至少一项核心业务采用信息系统支撑', en: 'a core business process runs on an information system' },
  { key: 'management-certified', zh: '获得相关管理体系认证或产品通过发达国家和地区认证', en: 'management-system certification, or products certified in developed countries' },
  { key: 'own-brand', zh: '拥有自主品牌', en: 'own competitive brand' },
  { key: 'in-house-rd-institution', zh: '自建或与高校、科研机构联合建立研发机构', en: 'in-house R&D institution or one built jointly with universities/institutes' },
  { key: 'chain-key-link', zh: '位于产业链关键环节，发挥补短板、锻长板、填空白作用', en: 'at a key link of an industrial chain, filling gaps or strengthening it' },
  { key: 'priority-field', zh: '主导产品属于工业“六基”、制造强国十大重点产业或网络强国等领域', en: 'main product in the “six foundations”, the ten key manufacturing industries or network-power fields' },
  { key: 'market-position-leading', zh: '主导产品在国内或国际细分市场占有率较为靠前', en: 'main product ranks fairly high in its domestic or international niche' },
] as const satisfies readonly { key: string; zh: string; en: string }[];
export type QualitativeClaimKey = (typeof QUALITATIVE_CLAIMS)[number]['key'];

/** Reasons an enterprise is out of scope (63号 Annex 1 scope conditions); absent = none declared. */
export const SCOPE_ISSUES = [
  { key: 'no-legal-personality', zh: '不具有独立法人资格或非境内注册', en: 'not registered in mainland China with independent legal personality' },
  { key: 'abnormal-operation', zh: '被列入经营异常名录', en: 'on the list of enterprises with abnormal operations' },
  { key: 'serious-dishonesty', zh: '被列入严重失信主体名单', en: 'on the list of seriously dishonest entities' },
  { key: 'restricted-industry', zh: '提供的产品（服务）属于国家禁止、限制或淘汰类', en: 'products or services in a prohibited, restricted or obsolete category' },
  { key: 'major-incident', zh: '近三年发生过重大安全（含网络安全、数据安全）、质量、环境污染等事故', en: 'a major safety, quality or pollution incident in the last 3 years' },
  { key: 'tax-violation', zh: '近三年有偷漏税或其他违法违规行为', en: 'tax evasion or another violation in the last 3 years' },
] as const satisfies readonly { key: string; zh: string; en: string }[];
export type ScopeIssueKey = (typeof SCOPE_ISSUES)[number]['key'];

export type ScienceAwardLevel = 'none' | 'provincial' | 'national';
export type RdInstitutionLevel = 'none' | 'below-municipal' | 'municipal' | 'provincial' | 'national';
/** 「创客中国」中小企业创新创业大赛: the best national placing in the last 3 years. */
export type MakerChinaPlacing = 'none' | 'national-top500' | 'national-top50';

export interface IntellectualProperty {
  /** Ⅰ类高价值知识产权 (63号 notes: overseas family patents, >10 years, large pledge, national award) */
  class1HighValue?: number | null;
  /** 自主研发 Ⅰ类知识产权 */
  class1SelfDeveloped?: number | null;
  /** all Ⅰ类 (发明专利, 植物新品种, 集成电路布图设计, 国家新药, …), including the two above */
  class1?: number | null;
  /** Ⅱ类 (软件著作权; 实用新型 and 外观设计 maintained > 2 years) */
  class2?: number | null;
}

export interface CultivationProfile {
  /** one of the 16 sectors of the 2011 size rules (src/domain/enterprises/size-sectors.ts) */
  sector?: SizeSector | null;
  /** 从业人员 (persons), prior year */
  employees?: number | null;
  /** 营业收入, prior year / the year before / the year before that (yuan) */
  revenue?: number | null;
  revenuePreviousYear?: number | null;
  revenueYearBeforePrevious?: number | null;
  /** 主营业务收入, same three years (yuan) */
  mainBusinessRevenue?: number | null;
  mainBusinessRevenuePreviousYear?: number | null;
  mainBusinessRevenueYearBeforePrevious?: number | null;
  /** 资产总额 and 负债总额 at the prior year's end (yuan) */
  totalAssets?: number | null;
  totalLiabilities?: number | null;
  /** 研发费用, same three years (yuan) */
  rdExpense?: number | null;
  rdExpensePreviousYear?: number | null;
  rdExpenseYearBeforePrevious?: number | null;
  /** 研发人员 (persons), prior year */
  rdStaff?: number | null;
  /** 净利润, prior year (yuan; may be negative) */
  netProfit?: number | null;
  /** full years in the market niche (从事特定细分市场年限) at the prior year's end */
  yearsInNiche?: number | null;
  ip?: IntellectualProperty | null;
  /** main product in 《战略性新兴产业分类》 */
  strategicEmergingIndustry?: boolean | null;
  honours?: HonourKey[] | null;
  /** the best S&T award (科技奖励) of the last years: level, the enterprise's rank among the winning units, the year */
  scienceAward?: { level: ScienceAwardLevel; rank?: number | null; year?: number | null } | null;
  /** the highest recognised R&D institution (研发机构) */
  rdInstitutionLevel?: RdInstitutionLevel | null;
  /** new equity financing paid in by qualified institutional investors (yuan) */
  equityFinancingLast2Years?: number | null;
  equityFinancingLast3Years?: number | null;
  /** 「创客中国」 placing in the last 3 years */
  makerChina?: MakerChinaPlacing | null;
  /** 中小企业数字化水平评测 level (1–4) */
  digitalisationLevel?: number | null;
  qualityItems?: QualityItemKey[] | null;
  productField2022?: ProductField2022 | null;
  /**
   * points of the province's 特色化 indicators (2022 专精特新, 15 in all), keyed by the indicator keys
   * of CultivationConfig.provincialIndicators, each from 0 to that indicator's max
   */
  provincialPoints?: Record<string, number> | null;
  /** share of the national (or international) niche market of the main product, fraction */
  nicheMarketShare?: number | null;
  /** the main product's rank in the domestic niche market (1 = first) */
  nicheMarketRank?: number | null;
  /** 专精特新发展评价得分 from the MIIT platform (工信厅企业〔2024〕75号), this year and the year before */
  developmentScore?: number | null;
  developmentScorePreviousYear?: number | null;
  qualitativeClaims?: QualitativeClaimKey[] | null;
  scopeIssues?: ScopeIssueKey[] | null;
  /** 高新技术企业 check (国科发火〔2016〕32号): years since registration, 科技人员, shares (fractions), 创新能力评价 points */
  yearsRegistered?: number | null;
  techStaff?: number | null;
  highTechRevenueShare?: number | null;
  rdInChinaShare?: number | null;
  coreTechInSupportedField?: boolean | null;
  innovationScore?: number | null;
}

/** The profile fields a rule can report as missing, as dotted paths (ip.class1, scienceAward). */
export type ProfileField = Exclude<keyof CultivationProfile, 'ip'> | `ip.${keyof IntellectualProperty}`;
