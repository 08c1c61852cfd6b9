import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Queryable } from '../../db/client.js';
import { HONOURS, type CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import type { CultivationScheme, Evaluation, EvaluationPurpose } from '../../domain/cultivation/cultivation-evaluation.js';
import type { CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import { CultivationRulesError, evaluateCultivation } from '../../domain/cultivation/evaluate-cultivation.js';
import { checkCultivationProfile } from '../../domain/cultivation/check-cultivation-profile.js';
import { explainEvaluation, type ExplainedEvaluation } from '../../domain/cultivation/explain-evaluation.js';
import { cultivationConfigOf } from '../../domain/cultivation/resolve-cultivation-settings.js';
import type {
  AssessmentAction, AssessmentCreate, AssessmentDetail, AssessmentPrefill, AssessmentQuery, AssessmentStatus, AssessmentSummary, EvaluateRequest,
} from '../../contracts/cultivation.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { userNames } from '../visits/visits.repository.js';
import { assessmentListScope, assessmentRule, cultivationPolicy, type AssessmentFacts } from './cultivation.policy.js';
import { zoneCultivationConfig, zoneCultivationSettings } from './cultivation-settings.service.js';
import { assessmentFactsOf, presentAssessmentDetail, presentAssessmentSummary } from './cultivation-assessment-presenter.js';
import { loadProfileSources, profileFromSources, profileSourceOptions } from './cultivation-profile-source.repository.js';
import {
  findAssessableEnterprise, findAssessmentRow, findOpenSubmission, insertAssessment, listAssessmentRows, lockEnterpriseForSubmission, updateAssessment,
  type AssessmentListRow,
} from './cultivation-assessments.repository.js';

// ─── Checking and evaluating ────────────────────────────────────────────────

/** The tier's official Chinese name, for notifications (创新型中小企业, …). */
const schemeName = (scheme: string) => HONOURS.find((h) => h.key === scheme)?.zh ?? scheme;
const schemeNameEn = (scheme: string) => HONOURS.find((h) => h.key === scheme)?.en ?? scheme;

/**
 * The profile in a request, or VALIDATION_FAILED naming every bad field (`profile.<path>`) with
 * the domain's reason in Chinese and English (the error handler picks the request's language).
 */
export function checkedProfile(data: unknown, field = 'profile'): CultivationProfile {
  const checked = checkCultivationProfile(data);
  if ('profile' in checked) return checked.profile;
  throw new DomainError('VALIDATION_FAILED', checked.errors.map((e): KeyedFieldError => ({
    field: e.field === 'profile' ? field : `${field}.${e.field}`,
    reason: 'invalid',
    message: e.reason.zh,
    messages: { zh: e.reason.zh, en: e.reason.en },
  })));
}

/** evaluateCultivation, with a date that has no rules (before 2022-06-01) answered as a field error on `field`. */
function evaluateOrRefuse(
  scheme: CultivationScheme, profile: CultivationProfile, on: string, purpose: EvaluationPurpose, config: CultivationConfig, field: string,
): Evaluation {
  try {
    return evaluateCultivation(scheme, profile, { on, purpose, config });
  } catch (e) {
    if (e instanceof CultivationRulesError) throw new DomainError('VALIDATION_FAILED', [fieldError(field, 'cultivation-no-rules', { value: on })]);
    throw e;
  }
}

/** POST /api/cultivation/evaluate: the server's evaluation of a profile, nothing saved. */
export async function evaluateProfile(ctx: AppContext, actor: Actor, body: EvaluateRequest): Promise<ExplainedEvaluation> {
  if (!cultivationPolicy.evaluate(actor)) throw forbidden();
  const profile = checkedProfile(body.profile);
  const config = await zoneCultivationConfig(ctx.db, actor.zoneId);
  return explainEvaluation(evaluateOrRefuse(body.scheme, profile, body.on, body.purpose ?? 'new', config, 'on'), config);
}

// ─── Reading ────────────────────────────────────────────────────────────────

/**
 * The enterprise an actor starts an assessment for (or pre-fills one): an enterprise user's own
 * (naming another: not found when pre-filling, a field error when creating — neither tells
 * anything of the other enterprise); any enterprise of the zone for an officer, who must name one.
 * Leaders, the coordinator and other staff may not (403).
 */
async function enterpriseFor(db: Queryable, actor: Actor, enterpriseId: string | undefined, mode: 'read' | 'create'): Promise<{ id: string; name: string }> {
  const scope = assessmentListScope(actor);
  const id = enterpriseId ?? (scope.kind === 'one' ? scope.enterpriseId : undefined);
  if (id === undefined) {
    if (!cultivationPolicy.createForAnyEnterprise(actor)) throw forbidden();
    throw new DomainError('VALIDATION_FAILED', [fieldError(mode === 'read' ? 'querystring.enterpriseId' : 'enterpriseId', 'cultivation-enterprise-required')]);
  }
  if (!cultivationPolicy.createAssessment(actor, id)) {
    if (scope.kind === 'one' && mode === 'create') throw new DomainError('VALIDATION_FAILED', [fieldError('enterpriseId', 'cultivation-own-enterprise-only')]);
    if (scope.kind === 'one') throw notFound();
    throw forbidden();
  }
  const enterprise = await findAssessableEnterprise(db, actor.zoneId, id);
  if (enterprise) return enterprise;
  if (mode === 'create') throw new DomainError('VALIDATION_FAILED', [fieldError('enterpriseId', 'enterprise-not-found')]);
  throw notFound();
}

/** The profile of an enterprise on `on`, from its yearly figures, valid titles and last accepted declaration. */
async function builtProfile(db: Queryable, zoneId: string, enterpriseId: string, on: string): Promise<CultivationProfile> {
  const [sources] = await loadProfileSources(db, zoneId, [enterpriseId], profileSourceOptions(on));
  if (!sources) throw notFound();
  return profileFromSources(sources, on);
}

/** GET /api/cultivation/assessments/prefill: what a new self-assessment starts from, with the settings the live score needs. */
export async function prefillAssessment(ctx: AppContext, actor: Actor, q: { enterpriseId?: string; on?: string }): Promise<AssessmentPrefill> {
  const enterprise = await enterpriseFor(ctx.db, actor, q.enterpriseId, 'read');
  const on = q.on ?? (await zoneToday(ctx, actor.zoneId)).today;
  const profile = await builtProfile(ctx.db, actor.zoneId, enterprise.id, on);
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    on,
    profile,
    priorYear: Number(on.slice(0, 4)) - 1,
    settings: await zoneCultivationSettings(ctx.db, actor.zoneId),
  };
}

export async function listAssessments(ctx: AppContext, actor: Actor, q: AssessmentQuery): Promise<{ items: AssessmentSummary[]; total: number }> {
  if (!cultivationPolicy.listAssessments(actor)) throw forbidden();
  const { rows, total } = await listAssessmentRows(ctx.db, actor.zoneId, {
    scope: assessmentListScope(actor), scheme: q.scheme, status: q.status, enterpriseId: q.enterpriseId, q: q.q, ...pageWindow(q),
  });
  return { items: rows.map(presentAssessmentSummary), total };
}

/** The assessment, "not found" for those who may not read it. Locked when `forUpdate`. */
async function loadReadable(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<{ row: AssessmentListRow; facts: AssessmentFacts }> {
  const row = await findAssessmentRow(db, actor.zoneId, id, forUpdate);
  if (!row) throw notFound();
  const facts = assessmentFactsOf(row);
  if (!cultivationPolicy.readAssessment(actor, facts)) throw notFound();
  return { row, facts };
}

/** The status an action needs, for telling a state conflict (409) from a lack of permission (403). */
const STATUS_FOR: Record<AssessmentAction, AssessmentStatus> = { edit: 'draft', submit: 'draft', accept: 'submitted', return: 'submitted' };

function allowOrThrow(actor: Actor, facts: AssessmentFacts, action: AssessmentAction): void {
  const rule = assessmentRule(action);
  if (rule(actor, facts)) return;
  if (rule(actor, { ...facts, status: STATUS_FOR[action] })) throw new DomainError('ASSESSMENT_STATE_CONFLICT');
  throw forbidden();
}

/** The evaluation to show: the one stored at submission; for a draft or a returned one, the live one of its profile. */
function evaluationOf(row: AssessmentListRow, config: CultivationConfig): Evaluation | null {
  if (row.status === 'submitted' || row.status === 'accepted') return (row.evaluation as Evaluation | null) ?? null;
  const checked = checkCultivationProfile(row.profile);
  if (!('profile' in checked)) return null;
  try {
    return evaluateCultivation(row.scheme as CultivationScheme, checked.profile, { on: row.evaluationOn, purpose: row.purpose as EvaluationPurpose, config });
  } catch (e) {
    if (e instanceof CultivationRulesError) return null;
    throw e;
  }
}

export async function getAssessment(ctx: AppContext, actor: Actor, id: string, db: Queryable = ctx.db): Promise<AssessmentDetail> {
  const { row } = await loadReadable(db, actor, id);
  const config = await zoneCultivationConfig(db, actor.zoneId);
  const names = await userNames(db, actor.zoneId, [row.declaredBy, row.reviewedBy]);
  return presentAssessmentDetail(actor, row, evaluationOf(row, config), config, names);
}

// ─── Changing ───────────────────────────────────────────────────────────────

const auditView = (row: Pick<AssessmentListRow, 'enterpriseId' | 'scheme' | 'purpose' | 'evaluationOn' | 'status'>) => ({
  enterpriseId: row.enterpriseId, scheme: row.scheme, purpose: row.purpose, evaluationOn: row.evaluationOn, status: row.status,
});

/**
 * POST /api/cultivation/assessments: a draft for the actor's enterprise (officers: for the one
 * named). Without a profile it starts from the pre-filled one. Dated the zone's today.
 */
export async function createAssessment(ctx: AppContext, actor: Actor, body: AssessmentCreate): Promise<AssessmentDetail> {
  const enterprise = await enterpriseFor(ctx.db, actor, body.enterpriseId, 'create');
  const given = body.profile === undefined ? undefined : checkedProfile(body.profile);
  const { today } = await zoneToday(ctx, actor.zoneId);
  const profile = given ?? (await builtProfile(ctx.db, actor.zoneId, enterprise.id, today));
  const id = randomUUID();
  const now = ctx.clock.now();
  const row = {
    zoneId: actor.zoneId, id, enterpriseId: enterprise.id, scheme: body.scheme, purpose: body.purpose ?? 'new', evaluationOn: today,
    status: 'draft', profile: profile as Record<string, unknown>, createdBy: actor.userId, createdAt: now, updatedAt: now,
  };
  await inTransaction(ctx.db, async (tx) => {
    await insertAssessment(tx, row);
    await recordAudit(tx, actor, { action: 'cultivation_assessment.created', entity: 'cultivation_assessment', entityId: id, after: { ...auditView(row), profile } });
  });
  return getAssessment(ctx, actor, id);
}

/**
 * PUT (or PATCH) /api/cultivation/assessments/:id: replaces the profile of a draft or returned
 * assessment and dates it the zone's today (the rules in force when it is filled in).
 */
export async function saveAssessmentProfile(ctx: AppContext, actor: Actor, id: string, data: unknown): Promise<AssessmentDetail> {
  const profile = checkedProfile(data);
  const { today } = await zoneToday(ctx, actor.zoneId);
  await inTransaction(ctx.db, async (tx) => {
    const { row, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, 'edit');
    await updateAssessment(tx, actor.zoneId, id, { profile: profile as Record<string, unknown>, evaluationOn: today, updatedAt: ctx.clock.now() });
    await recordAudit(tx, actor, {
      action: 'cultivation_assessment.updated', entity: 'cultivation_assessment', entityId: id,
      before: { evaluationOn: row.evaluationOn, profile: row.profile }, after: { evaluationOn: today, profile },
    });
  });
  return getAssessment(ctx, actor, id);
}

/**
 * POST …/submit with the declaration of truthfulness. The server evaluates the profile again with
 * the zone's settings on the zone's today and keeps that evaluation. An incomplete evaluation may
 * be submitted (it says what is missing); a profile with bad values may not. One open submission
 * per enterprise and tier: a second one waits until the first is reviewed.
 */
export async function submitAssessment(ctx: AppContext, actor: Actor, id: string): Promise<AssessmentDetail> {
  const { today } = await zoneToday(ctx, actor.zoneId);
  const first = await loadReadable(ctx.db, actor, id);
  await inTransaction(ctx.db, async (tx) => {
    // The enterprise first, then the assessment: two submissions for one enterprise queue here.
    await lockEnterpriseForSubmission(tx, actor.zoneId, first.row.enterpriseId);
    const { row, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, 'submit');
    const profile = checkedProfile(row.profile);
    const open = await findOpenSubmission(tx, actor.zoneId, row.enterpriseId, row.scheme, id);
    if (open) throw new DomainError('ASSESSMENT_SUBMISSION_OPEN', { assessmentId: open });
    const config = cultivationConfigOf(await zoneCultivationSettings(tx, actor.zoneId));
    const evaluation = evaluateOrRefuse(row.scheme as CultivationScheme, profile, today, row.purpose as EvaluationPurpose, config, 'evaluationOn');
    const now = ctx.clock.now();
    const change = {
      status: 'submitted', evaluationOn: today, evaluation, qualified: evaluation.qualified, outcome: evaluation.outcome, total: evaluation.total,
      rulesVersion: evaluation.rulesVersion, declaredBy: actor.userId, declaredAt: now, reviewedBy: null, reviewedAt: null, returnReason: null, updatedAt: now,
    };
    await updateAssessment(tx, actor.zoneId, id, change);
    await recordAudit(tx, actor, {
      action: 'cultivation_assessment.submitted', entity: 'cultivation_assessment', entityId: id,
      before: auditView(row),
      after: { ...auditView({ ...row, ...change }), declaration: true, qualified: evaluation.qualified, outcome: evaluation.outcome, total: evaluation.total, rulesVersion: evaluation.rulesVersion },
    });
    await notify(tx, actor.zoneId, now, [{
      to: { roles: ['industry'], exceptUserId: actor.userId },
      kind: 'cultivation.submitted', entity: 'cultivation_assessment', entityId: id,
      params: { enterprise: row.enterpriseName, scheme: schemeName(row.scheme), scheme_en: schemeNameEn(row.scheme) },
    }]);
  });
  return getAssessment(ctx, actor, id);
}

/** POST …/accept and …/return {reason}: the officer's review of a submitted assessment; the enterprise's users are told. */
export async function reviewAssessment(ctx: AppContext, actor: Actor, id: string, decision: { action: 'accept' } | { action: 'return'; reason: string }): Promise<AssessmentDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, decision.action);
    const now = ctx.clock.now();
    const reason = decision.action === 'return' ? decision.reason.trim() : null;
    const status: AssessmentStatus = decision.action === 'accept' ? 'accepted' : 'returned';
    await updateAssessment(tx, actor.zoneId, id, { status, reviewedBy: actor.userId, reviewedAt: now, returnReason: reason, updatedAt: now });
    await recordAudit(tx, actor, {
      action: `cultivation_assessment.${status}`, entity: 'cultivation_assessment', entityId: id,
      before: auditView(row), after: { ...auditView({ ...row, status }), ...(reason ? { reason } : {}) },
    });
    await notify(tx, actor.zoneId, now, [{
      to: { enterpriseId: row.enterpriseId, exceptUserId: actor.userId },
      kind: decision.action === 'accept' ? 'cultivation.accepted' : 'cultivation.returned', entity: 'cultivation_assessment', entityId: id,
      params: { scheme: schemeName(row.scheme), scheme_en: schemeNameEn(row.scheme), ...(reason ? { reason } : {}) },
    }]);
  });
  return getAssessment(ctx, actor, id);
}
