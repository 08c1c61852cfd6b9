/**
 * Rules the reference could not confirm (../shared/reference/official-rules.md §6 "Uncertain"),
 * kept as configuration with the reference's reading as the default. A zone may override them
 * (zone settings); the UI says which of them an evaluation applied (Evaluation.unconfirmed).
 */
import type { Words } from './cultivation-evaluation.js';

export interface ProvincialIndicator {
  key: string;
  label: Words;
  /** the most points the indicator gives; the indicators of a province add up to 15 */
  max: number;
}

export interface CultivationConfig {
  /**
   * A value exactly on a band edge takes the higher band ("边界值按高分档计分; 以上/以下含本数"):
   * a third-party reading of 63号, not checked against the official PDF [U].
   */
  boundaryTakesHigherBand: boolean;
  /**
   * The province's 特色化 indicators of the 2022 专精特新 table (15 points, 1–3 indicators set by
   * each province). No province's list was confirmed (the Guangxi 实施细则 was not found) [U];
   * the default is one indicator worth 15 points, scored by the officer.
   */
  provincialIndicators: ProvincialIndicator[];
  /**
   * Titles that count as "科技和创新型中小企业" for the 2026 专精特新 prerequisite (2号 第三十条 as
   * read by the secondary sources: valid 科技型 and 创新型 both count) [U].
   */
  specialised2026PrerequisiteTitles: ('innovative-sme' | 'tech-sme')[];
  /**
   * The rules of a 小巨人 re-review (复核) in 2026: 工信厅企业函〔2026〕117号 used the 63号
   * standards (one secondary source) [U]. '2022' follows it; '2026' applies the 2号 conditions.
   */
  littleGiantReviewRules2026: '2022' | '2026';
}

/** Keys of Evaluation.unconfirmed, one per field above. */
export type UnconfirmedRule = keyof CultivationConfig;

export const DEFAULT_CULTIVATION_CONFIG: CultivationConfig = {
  boundaryTakesHigherBand: true,
  provincialIndicators: [{ key: 'provincial', label: { zh: '省级特色化指标', en: 'provincial indicators' }, max: 15 }],
  specialised2026PrerequisiteTitles: ['innovative-sme', 'tech-sme'],
  littleGiantReviewRules2026: '2022',
};

/** What the UI says about each unconfirmed rule. */
export const UNCONFIRMED_RULE_NOTES: Record<UnconfirmedRule, Words> = {
  boundaryTakesHigherBand: {
    zh: '边界值按高分档计分（以上、以下含本数）为第三方解读，尚未与官方文件核对，可在区设置中调整。',
    en: 'A value on a band edge scores the higher band: a third-party reading not yet checked against the official text; configurable in the zone settings.',
  },
  provincialIndicators: {
    zh: '特色化指标（15分）由各省自定，本省细则未能核实，当前按区设置的指标计分。',
    en: 'The 15 points of provincial indicators are set by each province; this province’s rules could not be confirmed, so the zone’s configured indicators are used.',
  },
  specialised2026PrerequisiteTitles: {
    zh: '2号文第三十条的原文未能核实：按二手资料理解，有效的科技型中小企业、创新型中小企业均视为“科技和创新型中小企业”。',
    en: 'Article 30 of the 2026 rules could not be checked: secondary sources read it as counting valid technology-based and innovative SME titles.',
  },
  littleGiantReviewRules2026: {
    zh: '2026年“小巨人”复核沿用63号文标准（工信厅企业函〔2026〕117号，仅一处二手资料），可在区设置中调整。',
    en: 'The 2026 re-review of little giants uses the 2022 standards (one secondary source for 工信厅企业函〔2026〕117号); configurable.',
  },
};

/**
 * Readings the software applies without a setting, because no alternative is known: the UI says
 * so beside the evaluations that used them (Evaluation.unconfirmed).
 */
export const UNCONFIRMED_READING_NOTES = {
  innovativeSme2026Continuation: {
    zh: '2026年4月1日起仍按63号文附件1评价创新型中小企业：依据为2号文第三十条“合并新标准发布前沿用本标准”，该条原文未能核实（仅一处二手资料）。',
    en: 'From 2026-04-01 innovative SMEs are still evaluated under 63号 Annex 1, on the strength of 2号 article 30 as quoted by one secondary source; the official text could not be checked.',
  },
} as const satisfies Record<string, Words>;
export type UnconfirmedReading = keyof typeof UNCONFIRMED_READING_NOTES;
