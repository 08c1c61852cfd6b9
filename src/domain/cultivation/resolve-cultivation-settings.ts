/**
 * A zone's cultivation settings: the unconfirmed rules (CultivationConfig, with the reference's
 * reading as default) and the margins of the candidate pipeline. A zone stores only what it
 * overrides; everything else is the default, so a default corrected later reaches every zone
 * that did not choose otherwise.
 */
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig, type ProvincialIndicator } from './cultivation-config.js';

export interface CultivationSettingsValues extends CultivationConfig {
  /** score schemes: an enterprise this many points (or fewer) short of the pass is "close" */
  closeWithinPoints: number;
  /** condition schemes: this many unmet conditions (or fewer) is "close" */
  closeWithinConditions: number;
}

/** The 特色化 indicators of the 2022 专精特新 table are worth 15 points in all (63号 Annex 2, 特色化 (15)). */
export const PROVINCIAL_INDICATORS_TOTAL = 15;

export const DEFAULT_CULTIVATION_SETTINGS: CultivationSettingsValues = {
  ...DEFAULT_CULTIVATION_CONFIG,
  closeWithinPoints: 10,
  closeWithinConditions: 1,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWholeIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function isProvincialIndicator(v: unknown): v is ProvincialIndicator {
  if (!isRecord(v) || typeof v.key !== 'string' || v.key === '' || !isWholeIn(v.max, 1, PROVINCIAL_INDICATORS_TOTAL)) return false;
  return isRecord(v.label) && typeof v.label.zh === 'string' && typeof v.label.en === 'string';
}

function readIndicators(v: unknown): ProvincialIndicator[] | undefined {
  if (!Array.isArray(v) || v.length < 1 || v.length > 3 || !v.every(isProvincialIndicator)) return undefined;
  if (new Set(v.map((i) => i.key)).size !== v.length) return undefined;
  if (v.reduce((sum, i) => sum + i.max, 0) !== PROVINCIAL_INDICATORS_TOTAL) return undefined;
  return v.map((i) => ({ key: i.key, label: { zh: i.label.zh, en: i.label.en }, max: i.max }));
}

function readTitles(v: unknown): CultivationConfig['specialised2026PrerequisiteTitles'] | undefined {
  if (!Array.isArray(v) || v.length < 1) return undefined;
  const titles = [...new Set(v)];
  return titles.every((t) => t === 'innovative-sme' || t === 'tech-sme') ? (titles as CultivationConfig['specialised2026PrerequisiteTitles']) : undefined;
}

/**
 * The settings in force: each stored override that has the right shape, else the default.
 * `stored` is whatever the zone keeps (a JSON object; anything else counts as no overrides).
 * A stored value of the wrong shape — written by an older version, or by hand — is ignored
 * rather than trusted: the default applies to that one setting and the others stay as stored.
 * The provincial indicators must number 1–3 with distinct keys and add up to 15.
 */
export function resolveCultivationSettings(stored: unknown): CultivationSettingsValues {
  const s = isRecord(stored) ? stored : {};
  const d = DEFAULT_CULTIVATION_SETTINGS;
  return {
    boundaryTakesHigherBand: typeof s.boundaryTakesHigherBand === 'boolean' ? s.boundaryTakesHigherBand : d.boundaryTakesHigherBand,
    provincialIndicators: readIndicators(s.provincialIndicators) ?? d.provincialIndicators.map((i) => ({ ...i, label: { ...i.label } })),
    specialised2026PrerequisiteTitles: readTitles(s.specialised2026PrerequisiteTitles) ?? [...d.specialised2026PrerequisiteTitles],
    littleGiantReviewRules2026: s.littleGiantReviewRules2026 === '2022' || s.littleGiantReviewRules2026 === '2026' ? s.littleGiantReviewRules2026 : d.littleGiantReviewRules2026,
    closeWithinPoints: isWholeIn(s.closeWithinPoints, 0, 60) ? s.closeWithinPoints : d.closeWithinPoints,
    closeWithinConditions: isWholeIn(s.closeWithinConditions, 0, 5) ? s.closeWithinConditions : d.closeWithinConditions,
  };
}

/** The rule configuration part of the settings, as evaluateCultivation takes it. */
export function cultivationConfigOf(settings: CultivationSettingsValues): CultivationConfig {
  return {
    boundaryTakesHigherBand: settings.boundaryTakesHigherBand,
    provincialIndicators: settings.provincialIndicators,
    specialised2026PrerequisiteTitles: settings.specialised2026PrerequisiteTitles,
    littleGiantReviewRules2026: settings.littleGiantReviewRules2026,
  };
}
