import type { CultivationSettings } from '../../contracts/cultivation.js';
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import type { CultivationScheme, EvaluationPurpose, SchemeDefinition, Words } from '../../domain/cultivation/cultivation-evaluation.js';
import { cultivationConfigOf } from '../../domain/cultivation/resolve-cultivation-settings.js';
import { definitionFor, rulesFor, RULES_2026_FROM } from '../../domain/cultivation/evaluate-cultivation.js';

/** The rule fields of the zone's settings (the rest are the pipeline's margins); the defaults before they load. */
export function configOf(settings: CultivationSettings | undefined): CultivationConfig {
  return settings ? cultivationConfigOf(settings) : DEFAULT_CULTIVATION_CONFIG;
}

/**
 * Which rules a run on this date would apply, from the same domain function the server uses
 * (63号 before 2026-04-01, 2号 from then; innovative SMEs keep 63号 Annex 1). Null before
 * 2022-06-01 or for a malformed date.
 */
export function rulesPreview(
  scheme: CultivationScheme,
  on: string,
  purpose: EvaluationPurpose,
  settings: CultivationSettings | undefined,
): { rulesVersion: string; source: Words } | null {
  try {
    const { definition } = rulesFor(scheme, on, purpose, configOf(settings));
    return { rulesVersion: definition.rulesVersion, source: definition.source };
  } catch {
    return null;
  }
}

/**
 * Whether a run's "short by" is in points (a scheme with a score of its own and a pass mark) or in
 * unmet conditions. From the rule version's definition; when it is unknown, the 63号 innovative-SME
 * and 专精特新 tables are scored, the rest are conditions.
 */
export function isScoreScheme(scheme: CultivationScheme, rulesVersion: string | null, on: string): boolean {
  const definition: SchemeDefinition | undefined = rulesVersion ? definitionFor(scheme, rulesVersion) : undefined;
  if (definition) return definition.passMark !== null;
  if (scheme === 'innovative-sme') return true;
  return scheme === 'specialised-sme' && on < RULES_2026_FROM;
}

/** The margin a run applied, in the words of its unit. */
export function closeWithinKey(score: boolean): 'closeWithinPoints' | 'closeWithinConditions' {
  return score ? 'closeWithinPoints' : 'closeWithinConditions';
}
