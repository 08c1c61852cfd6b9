import type { Actor } from '../../domain/identity/actor.js';
import type { Evaluation } from '../../domain/cultivation/cultivation-evaluation.js';
import type { CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import { explainEvaluation } from '../../domain/cultivation/explain-evaluation.js';
import type {
  AssessmentDetail, AssessmentStatus, AssessmentSummary, CultivationScheme, EvaluationOutcome, EvaluationPurpose,
} from '../../contracts/cultivation.js';
import { assessmentActions, type AssessmentFacts } from './cultivation.policy.js';
import type { AssessmentListRow } from './cultivation-assessments.repository.js';

export function assessmentFactsOf(row: Pick<AssessmentListRow, 'enterpriseId' | 'status'>): AssessmentFacts {
  return { enterpriseId: row.enterpriseId, status: row.status as AssessmentStatus };
}

export function presentAssessmentSummary(row: AssessmentListRow): AssessmentSummary {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    scheme: row.scheme as CultivationScheme,
    purpose: row.purpose as EvaluationPurpose,
    evaluationOn: row.evaluationOn,
    status: row.status as AssessmentStatus,
    qualified: row.qualified,
    outcome: row.outcome as EvaluationOutcome | null,
    total: row.total,
    rulesVersion: row.rulesVersion,
    declaredAt: row.declaredAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The assessment as the actor sees it, with what they may do with it now. `evaluation` is the
 * one to show: the stored one once submitted, the live one of the profile before (computed by the
 * service); null when there is none (rules cannot be applied). Its words follow the zone's
 * configuration (a gap on a band edge reads "above" when edges take the lower band).
 */
export function presentAssessmentDetail(
  actor: Actor,
  row: AssessmentListRow,
  evaluation: Evaluation | null,
  config: CultivationConfig,
  names: ReadonlyMap<string, string>,
): AssessmentDetail {
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    ...presentAssessmentSummary(row),
    profile: row.profile,
    evaluation: evaluation ? explainEvaluation(evaluation, config) : null,
    returnReason: row.returnReason,
    declaredByName: name(row.declaredBy),
    reviewedByName: name(row.reviewedBy),
    can: assessmentActions(actor, assessmentFactsOf(row)),
  };
}
