import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { hasRole } from '../../domain/identity/actor.js';
import type { Queryable, Tx } from '../../db/client.js';
import { addDays } from '../../domain/calendar/index.js';
import { coverageWarning, findSlotConflicts, type HalfDay, type VisitStatus } from '../../domain/visits/index.js';
import { demandParties, UNSETTLED_STATUSES, type DemandStatus } from '../../domain/demands/index.js';
import {
  VISIT_LABELS,
  type VisitCheckResult, type VisitCreate, type VisitDetail, type VisitIssueCreate, type VisitMove, type VisitPatch, type VisitQuery, type VisitRecord, type VisitSummary,
} from '../../contracts/visits.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { checkQueryDays, queryDayErrors } from '../platform/query-days.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, type NotificationSpec } from '../notifications/notifications.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { findZone } from '../zone/zone.repository.js';
import { findDepartment, findUserById } from '../identity/identity.repository.js';
import { findEnterpriseRow, listThemes } from '../enterprises/enterprises.repository.js';
import { presentSummary } from '../demands/demand-presenter.js';
import { envOf, factsOf, writeChange, type Env } from '../demands/demand-change.js';
import { insertNewDemand } from '../demands/demands.service.js';
import { assignIn } from '../demands/demand-actions.service.js';
import { findCategory, findDemandsByIds, listAssisting, lockDemands, nextCounter, type DemandListRow } from '../demands/demands.repository.js';
import { visitPolicy, type VisitFacts } from './visits.policy.js';
import { presentVisitSummaries, presentVisitSummary, visitFactsOf } from './visit-presenter.js';
import {
  findVisitRow, lockLeader, insertIssue, insertVisit, isSlotTaken, issueDemandIds, issueEnterpriseIds, listIssues, listLeaderDayVisits, listPhotos, listVisitRows,
  loadVisitChildren, nearestVisitDates, replaceVisitCadres, replaceVisitDepartments, replaceVisitEnterprises, setRaised, themeRows, updateVisit, userNames,
  visitDemandIds, type VisitChildren, type VisitRow, type VisitScope,
} from './visits.repository.js';

// ─── Reading ────────────────────────────────────────────────────────────────

function scopeOf(actor: Actor): VisitScope {
  if (visitPolicy.listAll(actor)) return { kind: 'all' };
  return { kind: 'participant', userId: actor.userId, departmentId: hasRole(actor, 'department') ? actor.departmentId : null, cadre: hasRole(actor, 'cadre') };
}

export async function listVisits(ctx: AppContext, actor: Actor, q: VisitQuery): Promise<{ items: VisitSummary[]; total: number }> {
  if (!visitPolicy.listAll(actor) && !hasRole(actor, 'cadre', 'department')) throw forbidden();
  checkQueryDays({ from: q.from, to: q.to });
  const { rows, total } = await listVisitRows(ctx.db, actor.zoneId, {
    scope: scopeOf(actor), from: q.from, to: q.to, leaderId: q.leaderId, themeId: q.themeId, enterpriseId: q.enterpriseId, status: q.status, ...pageWindow(q),
  });
  return { items: await presentVisitSummaries(ctx.db, actor.zoneId, rows), total };
}

/** The visit and how the actor stands to it; "not found" for those who may not read it. */
export async function loadReadable(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<{ row: VisitRow; children: VisitChildren; facts: VisitFacts }> {
  const row = await findVisitRow(db, actor.zoneId, id, forUpdate);
  if (!row) throw notFound();
  const children = (await loadVisitChildren(db, actor.zoneId, [id])).get(id)!;
  const facts = visitFactsOf(row, children);
  if (!visitPolicy.read(actor, facts)) throw notFound();
  return { row, children, facts };
}

/** Refuses a change the actor may not make: 409 when only the visit's state stands in the way, else 403. */
export function allowOrThrow(actor: Actor, facts: VisitFacts, rule: (a: Actor, v: VisitFacts) => boolean): void {
  if (rule(actor, facts)) return;
  if (facts.status !== 'planned' && rule(actor, { ...facts, status: 'planned' })) throw new DomainError('VISIT_STATE_CONFLICT');
  throw forbidden();
}

/**
 * The visit, for its on-site office record (the record, its problems, its photos): readable,
 * recordable by the actor, and its day come. Locked when `forUpdate`.
 */
export async function loadForRecord(ctx: AppContext, db: Queryable, actor: Actor, id: string, forUpdate = false) {
  const loaded = await loadReadable(db, actor, id, forUpdate);
  allowOrThrow(actor, loaded.facts, visitPolicy.record);
  const { today } = await zoneToday(ctx, actor.zoneId, db);
  if (loaded.row.visitOn > today) throw new DomainError('VALIDATION_FAILED', [fieldError('visitOn', 'visit-record-not-yet', { value: loaded.row.visitOn })]);
  return loaded;
}

/**
 * Of a visit's (or its enterprises') demands, those the actor may read: every one for those who
 * oversee the programme, otherwise those the actor is a party to (their department's, their
 * enterprises' as liaison cadre).
 */
export async function readableDemands(db: Queryable, actor: Actor, rows: DemandListRow[]): Promise<DemandListRow[]> {
  if (visitPolicy.listAll(actor)) return rows;
  const assisting = await listAssisting(db, actor.zoneId, rows.map((d) => d.id));
  return rows.filter((d) => demandParties(actor, factsOf(d, (assisting.get(d.id) ?? []).map((a) => a.id))).size > 0);
}

export async function getVisit(ctx: AppContext, actor: Actor, id: string, db: Queryable = ctx.db): Promise<VisitDetail> {
  const { row, children, facts } = await loadReadable(db, actor, id);
  const [names, themes, issues, photos, demandIds, calendar, { today }] = await Promise.all([
    userNames(db, actor.zoneId, [row.leaderId, row.createdBy, row.signedOffBy]),
    themeRows(db, actor.zoneId, [row.themeId]),
    listIssues(db, actor.zoneId, id),
    listPhotos(db, actor.zoneId, id),
    visitDemandIds(db, actor.zoneId, id),
    zoneCalendar(ctx, actor.zoneId, db),
    zoneToday(ctx, actor.zoneId, db),
  ]);
  const theme = row.themeId ? themes.get(row.themeId) : undefined;
  const readable = (await readableDemands(db, actor, await findDemandsByIds(db, actor.zoneId, demandIds)))
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  return {
    ...presentVisitSummary(row, children, names, theme?.name ?? null),
    departments: children.departments.map((d) => ({ id: d.id, name: d.name })),
    cancelReason: row.cancelReason,
    createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    signedOffByName: row.signedOffBy ? (names.get(row.signedOffBy) ?? null) : null,
    guideAnswers: mergeGuideAnswers(theme?.guidingQuestions ?? [], row.guideAnswers as { question: string; answer: string }[]),
    record: {
      attendedDepartmentIds: children.departments.filter((d) => d.attended === true).map((d) => d.id),
      enterprises: children.enterprises.map((e) => ({ enterpriseId: e.id, name: e.name, raised: e.raised })),
      decisions: row.decisions,
      followUps: row.followUps,
    },
    issues: issues.map((i) => ({
      id: i.issue.id,
      enterprise: { id: i.issue.enterpriseId, name: i.enterpriseName },
      text: i.issue.text,
      categoryCode: i.issue.categoryCode,
      categoryName: i.categoryName,
      resolution: i.issue.resolution as 'answered' | 'demand',
      answer: i.issue.answer,
      demandId: i.issue.demandId,
      createdAt: i.issue.createdAt.toISOString(),
      createdByName: i.createdByName,
    })),
    demands: readable.map((d) => presentSummary(d, calendar, today)),
    photos: photos.map((p) => ({
      id: p.photo.id, fileName: p.photo.fileName, contentType: p.photo.contentType, size: p.photo.size,
      uploadedAt: p.photo.uploadedAt.toISOString(), uploadedByName: p.uploadedByName,
    })),
    can: {
      edit: visitPolicy.edit(actor, facts),
      // The record and the sign-off from the visit's day on (earlier they are refused); gathering before it.
      record: visitPolicy.record(actor, facts) && row.visitOn <= today,
      gather: visitPolicy.gather(actor, facts),
      signOff: visitPolicy.signOff(actor, facts) && row.visitOn <= today,
      // A visit with problems recorded happened: it cannot be cancelled.
      cancel: visitPolicy.edit(actor, facts) && issues.length === 0,
    },
  };
}

/** The theme's questions in their order with the answers given, then answers to questions the theme no longer asks. */
export function mergeGuideAnswers(questions: readonly string[], answers: readonly { question: string; answer: string }[]) {
  const byQuestion = new Map(answers.map((a) => [a.question, a.answer]));
  const asked = questions.map((question) => ({ question, answer: byQuestion.get(question) ?? '' }));
  const extra = answers.filter((a) => !questions.includes(a.question) && a.answer.trim() !== '');
  return [...asked, ...extra];
}

// ─── Planning ───────────────────────────────────────────────────────────────

type Plan = {
  visitOn: string; halfDay: HalfDay; leaderId: string; themeId: string | null; purpose: string | null;
  enterpriseIds: string[]; departmentIds: string[]; cadreIds: string[];
};

/** The visit being changed, as checkPlan compares with it. */
type Existing = { plan: Plan; issueEnterpriseIds: ReadonlySet<string> };

/**
 * Every field of a plan checked against the zone; the errors, all at once. A value the visit already
 * has is kept even when it has been deactivated since (its theme, a department, a cadre, its leader),
 * and a visit already further back than back-dating allows may keep its date.
 */
async function checkPlan(db: Queryable, actor: Actor, plan: Plan, today: string, backdateDays: number, existing: Existing | null): Promise<KeyedFieldError[]> {
  const errors: KeyedFieldError[] = [];
  const kept = existing?.plan;
  const earliest = addDays(today, -backdateDays);
  const badDay = queryDayErrors({ visitOn: plan.visitOn }, '');
  if (badDay.length > 0) errors.push(...badDay);
  else if (plan.visitOn < earliest && plan.visitOn !== kept?.visitOn) errors.push(fieldError('visitOn', 'visit-too-far-back', { value: earliest, days: backdateDays }));
  if (plan.leaderId !== kept?.leaderId) {
    const leader = await findUserById(db, actor.zoneId, plan.leaderId);
    if (!leader || !leader.active || !leader.roles.includes('leader')) errors.push(fieldError('leaderId', 'leader-not-found'));
  }
  if (!errors.some((e) => e.field === 'leaderId') && !visitPolicy.plan(actor, plan.leaderId)) errors.push(fieldError('leaderId', 'visit-leader-self-only'));
  if (plan.enterpriseIds.length === 0) errors.push(fieldError('enterpriseIds', 'visit-enterprise-required'));
  const seen = new Set<string>();
  for (const [i, id] of plan.enterpriseIds.entries()) {
    if (seen.has(id)) errors.push(fieldError(`enterpriseIds.${i}`, 'visit-enterprise-duplicate'));
    else if (!(await findEnterpriseRow(db, actor.zoneId, id))) errors.push(fieldError(`enterpriseIds.${i}`, 'enterprise-not-found'));
    seen.add(id);
  }
  // An enterprise whose problems were recorded at the on-site office stays: its problems belong to this visit.
  const staying = [...(existing?.issueEnterpriseIds ?? [])].filter((id) => !plan.enterpriseIds.includes(id));
  if (staying.length > 0) {
    const names = await Promise.all(staying.map(async (id) => (await findEnterpriseRow(db, actor.zoneId, id))?.name ?? id));
    errors.push(fieldError('enterpriseIds', 'visit-enterprise-has-issues', { value: names.join(VISIT_LABELS.zh.listSeparator) }));
  }
  if (plan.themeId && plan.themeId !== kept?.themeId) {
    const theme = (await listThemes(db, actor.zoneId)).find((t) => t.id === plan.themeId);
    if (!theme || !theme.active) errors.push(fieldError('themeId', 'theme-not-found'));
  }
  for (const [i, id] of plan.departmentIds.entries()) {
    if (kept?.departmentIds.includes(id)) continue;
    const d = await findDepartment(db, actor.zoneId, id);
    if (!d || !d.active) errors.push(fieldError(`departmentIds.${i}`, 'department-inactive'));
  }
  for (const [i, id] of plan.cadreIds.entries()) {
    if (kept?.cadreIds.includes(id)) continue;
    const c = await findUserById(db, actor.zoneId, id);
    if (!c || !c.active || !c.roles.includes('cadre')) errors.push(fieldError(`cadreIds.${i}`, 'cadre-not-found'));
  }
  return errors;
}

/** The leader's other visits in the same half-day. */
async function slotConflicts(db: Queryable, zoneId: string, plan: Pick<Plan, 'leaderId' | 'visitOn' | 'halfDay'>, id: string | undefined) {
  const sameDay = await listLeaderDayVisits(db, zoneId, plan.leaderId, plan.visitOn);
  const clashes = findSlotConflicts(
    sameDay.map((v) => ({ id: v.id, leaderId: v.leaderId, date: v.date, halfDay: v.halfDay as HalfDay, status: v.status as VisitStatus })),
    { id, leaderId: plan.leaderId, date: plan.visitOn, halfDay: plan.halfDay },
  );
  return sameDay.filter((v) => clashes.some((c) => c.id === v.id));
}

async function coverageWarnings(db: Queryable, zoneId: string, enterpriseIds: string[], visitOn: string, minWeeks: number, excludeId: string | null) {
  const nearest = await nearestVisitDates(db, zoneId, enterpriseIds, visitOn, excludeId);
  const out: VisitCheckResult['coverageWarnings'] = [];
  for (const enterpriseId of enterpriseIds) {
    const warning = coverageWarning({ lastVisitOn: nearest.get(enterpriseId) ?? null, plannedOn: visitOn, minWeeks });
    if (!warning) continue;
    const enterprise = await findEnterpriseRow(db, zoneId, enterpriseId);
    out.push({ enterpriseId, enterpriseName: enterprise?.name ?? '', lastVisitOn: warning.lastVisitOn, weeksSince: warning.weeksSince });
  }
  return out;
}

/** Checked live while a plan is filled in: slot conflicts (refused on save) and 无事不扰 warnings (not refused). */
export async function checkVisit(ctx: AppContext, actor: Actor, body: { id?: string; visitOn: string; halfDay: HalfDay; leaderId: string; enterpriseIds: string[] }): Promise<VisitCheckResult> {
  if (!visitPolicy.plan(actor)) throw forbidden();
  checkQueryDays({ visitOn: body.visitOn }, '');
  const zone = await findZone(ctx.db, actor.zoneId);
  const minWeeks = zone?.visitMinWeeks ?? 8;
  const conflicts = await slotConflicts(ctx.db, actor.zoneId, body, body.id);
  return {
    conflicts: conflicts.map((c) => ({ id: c.id, number: c.number, visitOn: c.date, halfDay: c.halfDay as HalfDay })),
    coverageWarnings: await coverageWarnings(ctx.db, actor.zoneId, [...new Set(body.enterpriseIds)], body.visitOn, minWeeks, body.id ?? null),
    minWeeks,
  };
}

const slotTaken = (value: string) => new DomainError('VISIT_SLOT_TAKEN', [fieldError('halfDay', 'visit-slot-taken', { value })]);

/** Writes a plan (new or changed) inside the caller's transaction, after checking it and the leader's half-day. */
async function writePlan(ctx: AppContext, tx: Tx, actor: Actor, plan: Plan, existing: VisitRow | null): Promise<string> {
  const { today } = await zoneToday(ctx, actor.zoneId, tx);
  const zone = await findZone(tx, actor.zoneId);
  const before = existing ? (await loadVisitChildren(tx, actor.zoneId, [existing.id])).get(existing.id)! : null;
  const kept = existing && before ? { plan: planOf(existing, before), issueEnterpriseIds: await issueEnterpriseIds(tx, actor.zoneId, existing.id) } : null;
  const errors = await checkPlan(tx, actor, plan, today, zone?.visitBackdateDays ?? 14, kept);
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
  // One planner at a time per leader: two plans for the same half-day cannot both pass the check.
  await lockLeader(tx, actor.zoneId, plan.leaderId);
  const conflicts = await slotConflicts(tx, actor.zoneId, plan, existing?.id);
  if (conflicts.length > 0) throw slotTaken(conflicts.map((c) => c.number).join(VISIT_LABELS.zh.listSeparator));
  const id = existing?.id ?? randomUUID();
  const now = ctx.clock.now();
  const fields = { visitOn: plan.visitOn, halfDay: plan.halfDay, leaderId: plan.leaderId, themeId: plan.themeId, purpose: plan.purpose };
  try {
    if (existing) {
      await updateVisit(tx, actor.zoneId, id, { ...fields, updatedAt: now });
    } else {
      const year = plan.visitOn.slice(0, 4);
      const number = `ZF${year}-${String(await nextCounter(tx, actor.zoneId, `visit:${year}`)).padStart(4, '0')}`;
      await insertVisit(tx, { zoneId: actor.zoneId, id, number, ...fields, status: 'planned', createdBy: actor.userId, createdAt: now, updatedAt: now });
    }
  } catch (e) {
    // The unique index caught what the lock should have: answered as the check would have.
    if (isSlotTaken(e)) throw slotTaken(`${plan.visitOn} ${VISIT_LABELS.zh.halfDay[plan.halfDay]}`);
    throw e;
  }
  const attended = new Map(before?.departments.map((d) => [d.id, d.attended]) ?? []);
  await replaceVisitEnterprises(tx, actor.zoneId, id, plan.enterpriseIds);
  await replaceVisitDepartments(tx, actor.zoneId, id, [...new Set(plan.departmentIds)].map((departmentId) => ({ departmentId, attended: attended.get(departmentId) ?? null })));
  await replaceVisitCadres(tx, actor.zoneId, id, [...new Set(plan.cadreIds)]);
  const after = (await loadVisitChildren(tx, actor.zoneId, [id])).get(id)!;
  await notify(tx, actor.zoneId, now, await planNotices(tx, actor, id, plan, after, existing, before));
  await recordAudit(tx, actor, {
    action: existing ? 'visit.updated' : 'visit.created',
    entity: 'visit',
    entityId: id,
    before: kept?.plan ?? null,
    after: plan,
  });
  return id;
}

type Recipients = { userIds: string[]; departmentIds: string[] };
const recipientsOf = (leaderId: string, children: VisitChildren): Recipients => ({
  userIds: [...new Set([leaderId, ...children.cadres.map((c) => c.id)])], departmentIds: children.departments.map((d) => d.id),
});
const isEmpty = (r: Recipients) => r.userIds.length === 0 && r.departmentIds.length === 0;

/**
 * Those who go are told (not the planner): everyone of a new visit; of a changed one, those who join
 * it (a new leader, departments or cadres added) that it is planned, and the others that it moved
 * when its day or half-day changed.
 */
async function planNotices(
  tx: Tx, actor: Actor, id: string, plan: Plan, after: VisitChildren, existing: VisitRow | null, before: VisitChildren | null,
): Promise<NotificationSpec[]> {
  const everyone = recipientsOf(plan.leaderId, after);
  const newcomers: Recipients = existing && before
    ? {
      userIds: everyone.userIds.filter((u) => (u === plan.leaderId ? u !== existing.leaderId : !before.cadres.some((c) => c.id === u))),
      departmentIds: everyone.departmentIds.filter((d) => !before.departments.some((b) => b.id === d)),
    }
    : everyone;
  const others: Recipients = {
    userIds: everyone.userIds.filter((u) => !newcomers.userIds.includes(u)),
    departmentIds: everyone.departmentIds.filter((d) => !newcomers.departmentIds.includes(d)),
  };
  const moved = !!existing && (existing.visitOn !== plan.visitOn || existing.halfDay !== plan.halfDay);
  const number = existing?.number ?? (await findVisitRow(tx, actor.zoneId, id))!.number;
  const leader = (await userNames(tx, actor.zoneId, [plan.leaderId])).get(plan.leaderId) ?? '';
  const v = { number, date: plan.visitOn, halfDay: plan.halfDay, leader };
  const out: NotificationSpec[] = [];
  if (!isEmpty(newcomers)) out.push(visitNotice('visit.planned', id, newcomers, after, actor, v));
  if (moved && !isEmpty(others)) out.push(visitNotice('visit.changed', id, others, after, actor, v));
  return out;
}

function visitNotice(
  kind: 'visit.planned' | 'visit.changed' | 'visit.cancelled', visitId: string, to: Recipients, children: VisitChildren, actor: Actor,
  v: { number: string; date: string; halfDay: HalfDay; leader?: string; reason?: string },
): NotificationSpec {
  return {
    to: { ...to, exceptUserId: actor.userId },
    kind,
    entity: 'visit',
    entityId: visitId,
    params: {
      number: v.number, date: v.date, halfDayZh: VISIT_LABELS.zh.halfDay[v.halfDay], halfDayEn: VISIT_LABELS.en.halfDay[v.halfDay],
      leader: v.leader ?? '', enterprises: children.enterprises.map((e) => e.name).join(VISIT_LABELS.zh.listSeparator), reason: v.reason ?? '',
    },
  };
}

function planOf(row: VisitRow, children: VisitChildren): Plan {
  return {
    visitOn: row.visitOn, halfDay: row.halfDay as HalfDay, leaderId: row.leaderId, themeId: row.themeId, purpose: row.purpose,
    enterpriseIds: children.enterprises.map((e) => e.id), departmentIds: children.departments.map((d) => d.id), cadreIds: children.cadres.map((c) => c.id),
  };
}

/** Takes a gathered demand out of the visit, back to its enterprise and ready for another visit. */
async function ungatherIn(env: Env, actor: Actor, demand: DemandListRow, visit: VisitRow): Promise<void> {
  await writeChange(env, actor, demand, { action: 'ungathered', patch: { visitId: null }, events: [{ kind: 'ungathered', internal: true, data: { visitNumber: visit.number } }] });
}

export async function createVisit(ctx: AppContext, actor: Actor, body: VisitCreate): Promise<VisitDetail> {
  if (!visitPolicy.plan(actor)) throw forbidden();
  const plan: Plan = {
    visitOn: body.visitOn, halfDay: body.halfDay, leaderId: body.leaderId, themeId: body.themeId ?? null, purpose: body.purpose?.trim() || null,
    enterpriseIds: body.enterpriseIds, departmentIds: body.departmentIds ?? [], cadreIds: body.cadreIds ?? [],
  };
  const id = await inTransaction(ctx.db, (tx) => writePlan(ctx, tx, actor, plan, null));
  return getVisit(ctx, actor, id);
}

export async function patchVisit(ctx: AppContext, actor: Actor, id: string, patch: VisitPatch): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, children, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, visitPolicy.edit);
    const current = planOf(row, children);
    const plan: Plan = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      themeId: patch.themeId === undefined ? current.themeId : patch.themeId,
      purpose: patch.purpose === undefined ? current.purpose : (patch.purpose?.trim() || null),
    } as Plan;
    await writePlan(ctx, tx, actor, plan, row);
    // Gathered demands belong to their enterprises: an enterprise leaving the visit takes its demands
    // out of it; those raised at the on-site office stay (their enterprise cannot leave anyway).
    const onSite = await issueDemandIds(tx, actor.zoneId, id);
    const leaving = (await findDemandsByIds(tx, actor.zoneId, await visitDemandIds(tx, actor.zoneId, id)))
      .filter((d) => !plan.enterpriseIds.includes(d.enterpriseId) && !onSite.has(d.id));
    if (leaving.length > 0) {
      const env = await envOf(ctx, tx, actor.zoneId);
      for (const d of leaving) await ungatherIn(env, actor, d, row);
    }
  });
  return getVisit(ctx, actor, id);
}

/** Drag to another slot: the same checks as any plan change. */
export function moveVisit(ctx: AppContext, actor: Actor, id: string, body: VisitMove): Promise<VisitDetail> {
  return patchVisit(ctx, actor, id, { visitOn: body.visitOn, halfDay: body.halfDay });
}

export async function cancelVisit(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, visitPolicy.edit);
    if ((await issueEnterpriseIds(tx, actor.zoneId, id)).size > 0) throw new DomainError('VISIT_HAS_RECORD');
    const env = await envOf(ctx, tx, actor.zoneId);
    // The demands gathered for it go back to their enterprises, ready for another visit.
    const gathered = await findDemandsByIds(tx, actor.zoneId, await visitDemandIds(tx, actor.zoneId, id));
    for (const d of gathered) await ungatherIn(env, actor, d, row);
    await updateVisit(tx, actor.zoneId, id, { status: 'cancelled', cancelReason: reason.trim(), updatedAt: env.now });
    const children = (await loadVisitChildren(tx, actor.zoneId, [id])).get(id)!;
    await notify(tx, actor.zoneId, env.now, [visitNotice('visit.cancelled', id, recipientsOf(row.leaderId, children), children, actor, {
      number: row.number, date: row.visitOn, halfDay: row.halfDay as HalfDay, reason: reason.trim(),
    })]);
    await recordAudit(tx, actor, { action: 'visit.cancelled', entity: 'visit', entityId: id, before: { status: row.status }, after: { status: 'cancelled', cancelReason: reason.trim() } });
  });
  return getVisit(ctx, actor, id);
}

// ─── Before the visit: 问需于企 ────────────────────────────────────────────────

export async function gatherDemands(ctx: AppContext, actor: Actor, id: string, demandIds: string[]): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, children, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, visitPolicy.gather);
    const ids = [...new Set(demandIds)];
    await lockDemands(tx, actor.zoneId, ids);
    const found = new Map((await findDemandsByIds(tx, actor.zoneId, ids)).map((d) => [d.id, d]));
    const enterpriseIds = new Set(children.enterprises.map((e) => e.id));
    const errors: KeyedFieldError[] = [];
    for (const [i, demandId] of ids.entries()) {
      const d = found.get(demandId);
      if (!d || !enterpriseIds.has(d.enterpriseId) || !UNSETTLED_STATUSES.includes(d.status as DemandStatus)) {
        errors.push(fieldError(`demandIds.${i}`, 'gather-demand-not-eligible', { value: d?.number ?? demandId }));
      } else if (d.visitId && d.visitId !== id) {
        errors.push(fieldError(`demandIds.${i}`, 'gather-demand-other-visit', { value: d.number }));
      }
    }
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const env = await envOf(ctx, tx, actor.zoneId);
    for (const demandId of ids) {
      const d = found.get(demandId)!;
      if (d.visitId === id) continue;
      await writeChange(env, actor, d, { action: 'gathered', patch: { visitId: id }, events: [{ kind: 'gathered', internal: true, data: { visitNumber: row.number, visitOn: row.visitOn } }] });
    }
    await recordAudit(tx, actor, { action: 'visit.demands-gathered', entity: 'visit', entityId: id, after: { demandIds: ids } });
  });
  return getVisit(ctx, actor, id);
}

/** Takes a gathered demand out of the visit (one raised at the on-site office stays). */
export async function ungatherDemand(ctx: AppContext, actor: Actor, id: string, demandId: string): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, visitPolicy.gather);
    await lockDemands(tx, actor.zoneId, [demandId]);
    const [d] = await findDemandsByIds(tx, actor.zoneId, [demandId]);
    if (!d || d.visitId !== id || (await issueDemandIds(tx, actor.zoneId, id)).has(demandId)) throw notFound();
    await ungatherIn(await envOf(ctx, tx, actor.zoneId), actor, d, row);
  });
  return getVisit(ctx, actor, id);
}

// ─── The on-site office (现场办公) ────────────────────────────────────────────

export async function saveRecord(ctx: AppContext, actor: Actor, id: string, body: VisitRecord): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, children } = await loadForRecord(ctx, tx, actor, id, true);
    const errors: KeyedFieldError[] = [];
    const attended = [...new Set(body.attendedDepartmentIds)];
    for (const [i, depId] of attended.entries()) {
      const d = await findDepartment(tx, actor.zoneId, depId);
      if (!d || !d.active) errors.push(fieldError(`attendedDepartmentIds.${i}`, 'department-inactive'));
    }
    const inVisit = new Set(children.enterprises.map((e) => e.id));
    for (const [i, e] of body.enterprises.entries()) {
      if (!inVisit.has(e.enterpriseId)) errors.push(fieldError(`enterprises.${i}.enterpriseId`, 'issue-enterprise-not-in-visit'));
    }
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const planned = children.departments.map((d) => d.id);
    await replaceVisitDepartments(tx, actor.zoneId, id, [
      ...planned.map((departmentId) => ({ departmentId, attended: attended.includes(departmentId) })),
      ...attended.filter((d) => !planned.includes(d)).map((departmentId) => ({ departmentId, attended: true })),
    ]);
    for (const e of body.enterprises) await setRaised(tx, actor.zoneId, id, e.enterpriseId, e.raised?.trim() || null);
    const guideAnswers = body.guideAnswers.map((a) => ({ question: a.question.trim(), answer: a.answer.trim() }));
    const patch = { decisions: body.decisions?.trim() || null, followUps: body.followUps?.trim() || null, guideAnswers, updatedAt: ctx.clock.now() };
    await updateVisit(tx, actor.zoneId, id, patch);
    await recordAudit(tx, actor, {
      action: 'visit.recorded', entity: 'visit', entityId: id,
      before: { decisions: row.decisions, followUps: row.followUps, guideAnswers: row.guideAnswers, attended: children.departments.filter((d) => d.attended).map((d) => d.id) },
      after: { decisions: patch.decisions, followUps: patch.followUps, guideAnswers, attended, enterprises: body.enterprises },
    });
  });
  return getVisit(ctx, actor, id);
}

/**
 * A problem raised at the on-site office: answered there, or turned into a demand that is filed and
 * assigned in the same transaction (channel 走访, linked to the visit, its escalation owned by the
 * visit's leader; the deadline runs from today on the demands' rules).
 */
export async function addIssue(ctx: AppContext, actor: Actor, id: string, body: VisitIssueCreate): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, children } = await loadForRecord(ctx, tx, actor, id, true);
    const errors: KeyedFieldError[] = [];
    const enterprise = children.enterprises.find((e) => e.id === body.enterpriseId);
    if (!enterprise) errors.push(fieldError('enterpriseId', 'issue-enterprise-not-in-visit'));
    const category = await findCategory(tx, actor.zoneId, body.categoryCode);
    if (!category || !category.active) errors.push(fieldError('categoryCode', 'category-not-found'));
    const text = body.text.trim();
    const answer = body.answer?.trim() || null;
    if (body.resolution === 'answered' && !answer) errors.push(fieldError('answer', 'issue-answer-required'));
    if (body.resolution === 'demand' && !body.leadDepartmentId) errors.push(fieldError('leadDepartmentId', 'issue-lead-required'));
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const env = await envOf(ctx, tx, actor.zoneId);
    let demandId: string | null = null;
    if (body.resolution === 'demand') {
      const title = body.title?.trim() || (text.length > 30 ? `${text.slice(0, 30)}…` : text);
      const demand = await insertNewDemand(env, actor, {
        enterprise: { id: enterprise!.id, name: enterprise!.name },
        title,
        description: text.length >= 5 ? text : `${title}（现场办公）`,
        category: category!,
        channel: 'visit',
        confidentiality: 'public',
        ownerLeaderId: row.leaderId,
        visitId: id,
      }, { notifyCoordinator: false });
      // Assigned at the on-site office (errors on the departments abort the whole problem).
      await assignIn(env, actor, demand, new Set(['onsite']), {
        leadDepartmentId: body.leadDepartmentId!, assistingDepartmentIds: body.assistingDepartmentIds ?? [],
      });
      demandId = demand.id;
    }
    const issueId = randomUUID();
    await insertIssue(tx, {
      zoneId: actor.zoneId, id: issueId, visitId: id, enterpriseId: body.enterpriseId, text, categoryCode: body.categoryCode,
      resolution: body.resolution, answer: body.resolution === 'answered' ? answer : null, demandId, createdBy: actor.userId, createdAt: env.now,
    });
    await recordAudit(tx, actor, { action: 'visit.issue-added', entity: 'visit', entityId: id, after: { issueId, enterpriseId: body.enterpriseId, text, resolution: body.resolution, demandId } });
  });
  return getVisit(ctx, actor, id);
}

/** Completes the visit: the record is frozen; its demands are followed on its page until settled. */
export async function signOffVisit(ctx: AppContext, actor: Actor, id: string): Promise<VisitDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, facts } = await loadReadable(tx, actor, id, true);
    allowOrThrow(actor, facts, visitPolicy.signOff);
    const { today } = await zoneToday(ctx, actor.zoneId, tx);
    if (row.visitOn > today) throw new DomainError('VALIDATION_FAILED', [fieldError('visitOn', 'visit-not-yet', { value: row.visitOn })]);
    const now = ctx.clock.now();
    await updateVisit(tx, actor.zoneId, id, { status: 'done', signedOffBy: actor.userId, signedOffAt: now, updatedAt: now });
    await recordAudit(tx, actor, { action: 'visit.signed-off', entity: 'visit', entityId: id, before: { status: row.status }, after: { status: 'done' } });
  });
  return getVisit(ctx, actor, id);
}
