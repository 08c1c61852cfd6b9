import { useMemo } from 'react';
import type { CultivationSettings, EvaluationPurpose } from '../../contracts/cultivation.js';
import type { CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import { CultivationRulesError, evaluateCultivation } from '../../domain/cultivation/evaluate-cultivation.js';
import { explainEvaluation, type ExplainedEvaluation } from '../../domain/cultivation/explain-evaluation.js';
import { cultivationConfigOf } from '../../domain/cultivation/resolve-cultivation-settings.js';

export type { ExplainedEvaluation };

export type LiveEvaluation = { evaluation: ExplainedEvaluation | null; error: string | null };

/**
 * The evaluation of the profile being typed, computed in the browser by the same pure domain
 * functions the server runs on submission (evaluateCultivation, then explainEvaluation), with the
 * zone's settings and the date the server will evaluate on. A date without rules (before
 * 2022-06-01) gives the error's text instead of an evaluation.
 */
export function useLiveEvaluation(
  scheme: CultivationScheme,
  profile: CultivationProfile,
  opts: { on: string; purpose: EvaluationPurpose; settings: CultivationSettings },
): LiveEvaluation {
  const { on, purpose, settings } = opts;
  const config = useMemo(() => cultivationConfigOf(settings), [settings]);
  return useMemo(() => {
    try {
      const evaluation = evaluateCultivation(scheme, profile, { on, purpose, config });
      return { evaluation: explainEvaluation(evaluation, config), error: null };
    } catch (e) {
      if (e instanceof CultivationRulesError) return { evaluation: null, error: e.message };
      return { evaluation: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [scheme, profile, on, purpose, config]);
}
