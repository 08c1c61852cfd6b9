/**
 * Where an enterprise stands on the ladder of 优质中小企业梯度培育 and what it lacks for the next
 * rung: 创新型中小企业 → 专精特新中小企业 → 专精特新“小巨人” (official-rules.md §0, §1; the seed:
 * "an enterprise must pass the innovative-SME evaluation before it can apply for 专精特新").
 *
 * Every tier is evaluated with the rules in force on the date (evaluateCultivation). A tier counts
 * as held when the profile declares its title or a higher one (a 小巨人 need not become 创新型
 * again). The next tier is the first one neither held nor qualified for; with it come its unmet
 * conditions and gaps. Each tier's prerequisite is the title of the tier below, so when the
 * enterprise qualifies for the lower tier by evaluation but does not hold it, that is said
 * (lowerTierToApplyFor: apply for the lower tier first), and the next tier is evaluated once more
 * as if the lower title were held: if it then qualifies, the lower title is the only thing missing.
 *
 * purpose 'review' re-reviews (复核) the titles the enterprise holds; the tiers it does not hold
 * are always evaluated as new recognitions.
 */
import type { CultivationProfile, HonourKey } from './cultivation-profile.js';
import type { ConditionResult, CultivationScheme, Evaluation, EvaluationPurpose, Gap } from './cultivation-evaluation.js';
import { DEFAULT_CULTIVATION_CONFIG, type CultivationConfig } from './cultivation-config.js';
import { evaluateCultivation } from './evaluate-cultivation.js';

/** The tiers, lowest first; a scheme's key is also the honour key of its title. */
export const LADDER: readonly CultivationScheme[] = ['innovative-sme', 'specialised-sme', 'little-giant'];

export interface LadderStep {
  scheme: CultivationScheme;
  /** the profile declares this title or a higher one */
  held: boolean;
  evaluation: Evaluation;
}

export interface NextTier {
  scheme: CultivationScheme;
  evaluation: Evaluation;
  /** the conditions that must change (those the evaluation's condition gaps name) */
  unmet: ConditionResult[];
  /** conditions that depend on a missing input */
  undecided: ConditionResult[];
  /** the evaluation's gaps: unmet conditions and, for a score, the smallest indicator changes */
  gaps: Gap[];
  /** the tier below, when the enterprise qualifies for it by evaluation but does not hold it: apply for it first */
  lowerTierToApplyFor: CultivationScheme | null;
  /** with the lower tier's title held, this tier would qualify: that title is the only thing missing */
  onlyLowerTierMissing: boolean;
}

export interface Ladder {
  on: string;
  steps: LadderStep[];
  /** null when the enterprise holds or qualifies for every tier */
  nextTier: NextTier | null;
}

/**
 * The ladder of a profile on a date. Pure; throws CultivationRulesError for a date the rules do not
 * cover (before 2022-06-01, or malformed), like evaluateCultivation.
 */
export function evaluateLadder(
  profile: CultivationProfile,
  opts: { on: string; purpose?: EvaluationPurpose; config?: CultivationConfig },
): Ladder {
  const config = opts.config ?? DEFAULT_CULTIVATION_CONFIG;
  const honours = profile.honours ?? [];
  const steps: LadderStep[] = [];
  let next: NextTier | null = null;

  for (let i = 0; i < LADDER.length; i++) {
    const scheme = LADDER[i]!;
    let held = false;
    for (let j = i; j < LADDER.length; j++) if (honours.includes(LADDER[j]!)) held = true;
    const purpose: EvaluationPurpose = opts.purpose === 'review' && honours.includes(scheme) ? 'review' : 'new';
    const evaluation = evaluateCultivation(scheme, profile, { on: opts.on, purpose, config });
    steps.push({ scheme, held, evaluation });
    if (next !== null || held || evaluation.qualified) continue;

    const lower = i > 0 ? steps[i - 1]! : null;
    const lowerTierToApplyFor = lower !== null && !lower.held && lower.evaluation.qualified ? lower.scheme : null;
    let onlyLowerTierMissing = false;
    if (lower !== null && !lower.held) {
      const withLower: CultivationProfile = { ...profile, honours: [...honours, ...prerequisiteHonours(scheme, config)] };
      onlyLowerTierMissing = evaluateCultivation(scheme, withLower, { on: opts.on, purpose, config }).qualified;
    }
    next = {
      scheme,
      evaluation,
      unmet: unmetConditions(evaluation),
      undecided: evaluation.conditions.filter((c) => c.met === null),
      gaps: evaluation.gaps,
      lowerTierToApplyFor,
      onlyLowerTierMissing,
    };
  }
  return { on: opts.on, steps, nextTier: next };
}

/** The honours that satisfy a tier's prerequisite: the title below (2号: the configured 科技和创新型 titles too). */
function prerequisiteHonours(scheme: CultivationScheme, config: CultivationConfig): HonourKey[] {
  if (scheme === 'little-giant') return ['specialised-sme'];
  if (scheme === 'specialised-sme') return ['innovative-sme', ...config.specialised2026PrerequisiteTitles];
  return [];
}

function unmetConditions(evaluation: Evaluation): ConditionResult[] {
  const out: ConditionResult[] = [];
  for (const g of evaluation.gaps) {
    if (g.kind !== 'condition') continue;
    const c = evaluation.conditions.find((x) => x.key === g.key);
    if (c !== undefined) out.push(c);
  }
  return out;
}
