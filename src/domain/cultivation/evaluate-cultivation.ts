/**
 * Evaluates a profile against one tier of 优质中小企业梯度培育, with the rules in force on the
 * evaluation date (official-rules.md §0, §1):
 *
 * | scheme          | before 2026-04-01          | from 2026-04-01                                        |
 * |-----------------|----------------------------|--------------------------------------------------------|
 * | innovative-sme  | 63号 Annex 1               | 63号 Annex 1 still (2号 第三十条: until a merged standard) |
 * | specialised-sme | 63号 Annex 2               | 2号 Annex 1                                            |
 * | little-giant    | 63号 Annex 3               | new: 2号 Annex 2; re-review (复核): config, default 63号 (工信厅企业函〔2026〕117号) |
 *
 * 工信部企业〔2022〕63号 took effect on 2022-06-01; an earlier date has no rules here.
 */
import type { CultivationProfile } from './cultivation-profile.js';
import type { CultivationScheme, Evaluation, EvaluationPurpose, SchemeDefinition } from './cultivation-evaluation.js';
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig } from './cultivation-config.js';
import { INNOVATIVE_SME_2022 } from './score-innovative-sme.js';
import { SPECIALISED_SME_2022 } from './evaluate-specialised-sme-2022.js';
import { SPECIALISED_SME_2026 } from './evaluate-specialised-sme-2026.js';
import { LITTLE_GIANT_2022 } from './evaluate-little-giant-2022.js';
import { LITTLE_GIANT_2026 } from './evaluate-little-giant-2026.js';

export interface EvaluationContext {
  /** YYYY-MM-DD */
  on: string;
  purpose: EvaluationPurpose;
  config: CultivationConfig;
}

/** One rule version of one tier: its words, and its pure evaluation. */
export interface SchemeRules {
  definition: SchemeDefinition;
  evaluate(profile: CultivationProfile, ctx: EvaluationContext): Evaluation;
}

/** 工信部企业〔2022〕63号 in force. */
export const RULES_2022_FROM = '2022-06-01';
/** 工信部企业〔2026〕2号 in force; the 63号 recognition standards are repealed (official-rules.md §0). */
export const RULES_2026_FROM = '2026-04-01';

export class CultivationRulesError extends RangeError {}

/** The rule version for a scheme on a date. Throws CultivationRulesError before 2022-06-01 or for a malformed date. */
export function rulesFor(scheme: CultivationScheme, on: string, purpose: EvaluationPurpose = 'new', config: CultivationConfig = DEFAULT_CULTIVATION_CONFIG): SchemeRules {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) throw new CultivationRulesError(`evaluation date must be YYYY-MM-DD, got ${on}`);
  if (on < RULES_2022_FROM) throw new CultivationRulesError(`no cultivation rules before ${RULES_2022_FROM} (工信部企业〔2022〕63号)`);
  const from2026 = on >= RULES_2026_FROM;
  switch (scheme) {
    case 'innovative-sme':
      return INNOVATIVE_SME_2022;
    case 'specialised-sme':
      return from2026 ? SPECIALISED_SME_2026 : SPECIALISED_SME_2022;
    case 'little-giant':
      if (!from2026) return LITTLE_GIANT_2022;
      return purpose === 'review' && config.littleGiantReviewRules2026 === '2022' ? LITTLE_GIANT_2022 : LITTLE_GIANT_2026;
  }
}

/**
 * The evaluation of a profile for a scheme on a date. Pure: the same inputs always give the same
 * evaluation; nothing is read from the clock.
 */
export function evaluateCultivation(
  scheme: CultivationScheme,
  profile: CultivationProfile,
  opts: { on: string; purpose?: EvaluationPurpose; config?: CultivationConfig },
): Evaluation {
  const purpose = opts.purpose ?? 'new';
  const config = opts.config ?? DEFAULT_CULTIVATION_CONFIG;
  const rules = rulesFor(scheme, opts.on, purpose, config);
  const evaluation = rules.evaluate(profile, { on: opts.on, purpose, config });
  if (rules === INNOVATIVE_SME_2022 && opts.on >= RULES_2026_FROM) evaluation.unconfirmed.push('innovativeSme2026Continuation');
  if (rules === LITTLE_GIANT_2022 && opts.on >= RULES_2026_FROM && !evaluation.unconfirmed.includes('littleGiantReviewRules2026')) {
    evaluation.unconfirmed.push('littleGiantReviewRules2026');
  }
  return evaluation;
}

/** Every rule version, for explaining a stored evaluation by its rulesVersion. */
export const ALL_SCHEME_RULES: readonly SchemeRules[] = [INNOVATIVE_SME_2022, SPECIALISED_SME_2022, SPECIALISED_SME_2026, LITTLE_GIANT_2022, LITTLE_GIANT_2026];

/** The definition (words, bands, units) of a rule version; undefined for an unknown one. */
export function definitionFor(scheme: CultivationScheme, rulesVersion: string): SchemeDefinition | undefined {
  return ALL_SCHEME_RULES.find((r) => r.definition.scheme === scheme && r.definition.rulesVersion === rulesVersion)?.definition;
}
