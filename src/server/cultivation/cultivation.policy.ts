import { hasRole, type Actor } from '../../domain/identity/actor.js';
import { STAFF_ROLES } from '../../domain/identity/roles.js';
import type { AssessmentAction, AssessmentStatus } from '../../contracts/cultivation.js';

/** How a user stands to one self-assessment (自评): the facts the per-assessment rules look at. */
export type AssessmentFacts = { enterpriseId: string; status: AssessmentStatus };

/** 工信/科创 officers run cultivation; the administrator may do all they may. */
const isOfficer = (a: Actor) => hasRole(a, 'industry', 'admin');
/** Leaders and the coordinator follow the pipeline and the counts without changing anything. */
const isOverseer = (a: Actor) => hasRole(a, 'leader', 'coordinator');
const isStaff = (a: Actor) => a.roles.some((r) => STAFF_ROLES.includes(r));
const isOwnEnterprise = (a: Actor, enterpriseId: string) => hasRole(a, 'enterprise') && !!a.enterpriseId && a.enterpriseId === enterpriseId;
const isEditable = (s: AssessmentStatus) => s === 'draft' || s === 'returned';

/**
 * Who may do what with tiered cultivation (梯度培育). The industry officer (and the administrator)
 * manage all of it: settings, reviews, batch runs, lists. Leaders and the coordinator read the
 * assessments, runs, pipeline, lists and counts. An enterprise user fills in, edits and submits
 * its own enterprise's self-assessments and never sees another's; it cannot review them.
 * Other staff (departments, cadres, approval) have no part in it.
 */
export const cultivationPolicy = {
  /** The zone's settings: every staff role and enterprise users (the browser's live score needs them). */
  readSettings: (a: Actor) => isStaff(a) || hasRole(a, 'enterprise'),
  manageSettings: (a: Actor) => isOfficer(a),
  /** Evaluate a profile without saving anything: any signed-in user. */
  evaluate: (a: Actor) => a.roles.length > 0,

  listAssessments: (a: Actor) => isOfficer(a) || isOverseer(a) || (hasRole(a, 'enterprise') && !!a.enterpriseId),
  readAssessment: (a: Actor, f: Pick<AssessmentFacts, 'enterpriseId'>) => isOfficer(a) || isOverseer(a) || isOwnEnterprise(a, f.enterpriseId),
  /** Start one (and read the profile pre-filled for it): the enterprise for itself; officers for any enterprise. */
  createAssessment: (a: Actor, enterpriseId: string) => isOfficer(a) || isOwnEnterprise(a, enterpriseId),
  /** Start one for an enterprise of one's choosing (the officers). */
  createForAnyEnterprise: (a: Actor) => isOfficer(a),
  /** Change the profile: while a draft or returned, by the enterprise or an officer. */
  edit: (a: Actor, f: AssessmentFacts) => isEditable(f.status) && (isOfficer(a) || isOwnEnterprise(a, f.enterpriseId)),
  /** Submit with the declaration of truthfulness: same as editing. */
  submit: (a: Actor, f: AssessmentFacts) => isEditable(f.status) && (isOfficer(a) || isOwnEnterprise(a, f.enterpriseId)),
  /** Review (accept / return with a reason): officers, a submitted one only. */
  accept: (a: Actor, f: AssessmentFacts) => f.status === 'submitted' && isOfficer(a),
  return: (a: Actor, f: AssessmentFacts) => f.status === 'submitted' && isOfficer(a),

  /** Batch runs, the candidate pipeline, the official lists, the running counts. */
  readRuns: (a: Actor) => isOfficer(a) || isOverseer(a),
  manageRuns: (a: Actor) => isOfficer(a),
  readLists: (a: Actor) => isOfficer(a) || isOverseer(a),
  manageLists: (a: Actor) => isOfficer(a),
  readCounts: (a: Actor) => isOfficer(a) || isOverseer(a),
};

/** The per-assessment actions in the order the UI shows them, each with its rule. */
const ASSESSMENT_RULES: Record<AssessmentAction, (a: Actor, f: AssessmentFacts) => boolean> = {
  edit: cultivationPolicy.edit,
  submit: cultivationPolicy.submit,
  accept: cultivationPolicy.accept,
  return: cultivationPolicy.return,
};

/** What the actor may do with the assessment now (AssessmentDetail.can). */
export function assessmentActions(a: Actor, f: AssessmentFacts): AssessmentAction[] {
  return (Object.keys(ASSESSMENT_RULES) as AssessmentAction[]).filter((action) => ASSESSMENT_RULES[action](a, f));
}

export function assessmentRule(action: AssessmentAction): (a: Actor, f: AssessmentFacts) => boolean {
  return ASSESSMENT_RULES[action];
}

/** The SQL scope of the assessment list, from the same rules as `readAssessment`. */
export type AssessmentScope = { kind: 'all' } | { kind: 'one'; enterpriseId: string } | { kind: 'none' };

export function assessmentListScope(a: Actor): AssessmentScope {
  if (isOfficer(a) || isOverseer(a)) return { kind: 'all' };
  if (hasRole(a, 'enterprise') && a.enterpriseId) return { kind: 'one', enterpriseId: a.enterpriseId };
  return { kind: 'none' };
}
