import type { BriefCultivation } from '../../contracts/visit-brief.js';
import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import type { CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import { evaluateLadder } from '../../domain/cultivation/evaluate-ladder.js';
import { explainEvaluation, type ExplainedEvaluation } from '../../domain/cultivation/explain-evaluation.js';
import type { Words } from '../../domain/cultivation/cultivation-evaluation.js';

/**
 * 可申报资质 for the visit brief (pure): the tiers the enterprise holds, those it qualifies for
 * without holding them (worth applying for), and the next tier with its gaps in words.
 */
export function briefCultivation(profile: CultivationProfile, on: string, config: CultivationConfig): BriefCultivation {
  const ladder = evaluateLadder(profile, { on, config });
  const next = ladder.nextTier;
  const explained = next ? explainEvaluation(next.evaluation, config) : null;
  return {
    on,
    held: ladder.steps.filter((s) => s.held).map((s) => s.scheme),
    qualifiesFor: ladder.steps.filter((s) => !s.held && s.evaluation.qualified).map((s) => s.scheme),
    nextTier: next && explained
      ? {
        scheme: next.scheme,
        summary: briefSummary(explained),
        total: explained.total,
        passMark: explained.passMark,
        gaps: explained.gaps.map((g) => g.text),
        missing: explained.missingFields.map((f) => f.label),
        lowerTierToApplyFor: next.lowerTierToApplyFor,
        onlyLowerTierMissing: next.onlyLowerTierMissing,
      }
      : null,
  };
}

/** One line: the outcome and, for a score, the total against the pass mark; the gaps and missing data follow as lists. */
function briefSummary(e: ExplainedEvaluation): Words {
  const scored = e.total !== null && e.passMark !== null;
  return {
    zh: `${e.outcomeLabel.zh}${scored ? `（评分 ${e.total} 分，合格线 ${e.passMark} 分）` : ''}`,
    en: `${e.outcomeLabel.en}${scored ? ` (score ${e.total}, pass mark ${e.passMark})` : ''}`,
  };
}
