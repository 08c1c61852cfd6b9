import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import type { Tx } from '../../db/client.js';
import {
  BOUNCE_FLAG_THRESHOLD, CONFIRMATION_WORKING_DAYS, OPEN_STATUSES, pausedWorkingDays, settledOnTime, type DemandStatus,
} from '../../domain/demands/index.js';
import { addWorkingDays, isWorkingDay } from '../../domain/calendar/index.js';
import type { AssignBody, BulkAssignBody, ConfirmBody } from '../../contracts/demands.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { findZone } from '../zone/zone.repository.js';
import { findDepartment } from '../identity/identity.repository.js';
import { demandPolicy } from './demands.policy.js';
import { getDemand } from './demands.service.js';
import {
  deadlineOf, decideOrThrow, loadForChange, loadForJob, scheduleAutoClose, scheduleDeadlineJobs, withinCalendar, writeChange, type Env,
  envOf,
} from './demand-change.js';
import { closePendingExtensions, lockDemands, findCategory, insertEscalation, insertExtension, listExtensions, replaceAssisting, resolveEscalations, updateExtension, type DemandListRow } from './demands.repository.js';
import type { DemandDetail, DemandSummary } from '../../contracts/demands.js';
import type { NotificationSpec } from '../notifications/notifications.service.js';

/** Runs one action on one demand in a transaction, then answers with the demand as the actor now sees it. */
async function act(
  ctx: AppContext,
  actor: Actor,
  id: string,
  run: (env: Env, loaded: Awaited<ReturnType<typeof loadForChange>>) => Promise<void>,
  /** Other demands the action changes: locked with this one, in id order, before anything is read. */
  alsoLocks: string[] = [],
): Promise<DemandDetail> {
  const parties = await inTransaction(ctx.db, async (tx) => {
    if (alsoLocks.length > 0) await lockDemands(tx, actor.zoneId, [id, ...alsoLocks]);
    const env = await envOf(ctx, tx, actor.zoneId);
    const loaded = await loadForChange(tx, actor, id);
    await run(env, loaded);
    return loaded.parties;
  });
  // An actor whose part the action ended (a department returning the demand) sees it as it left it.
  return getDemand(ctx, actor, id, ctx.db, parties);
}

/** A pending extension belongs to the department that asked and the deadline it had: it ends when the demand leaves them. */
const withdrawPendingExtension = (env: Env, row: DemandListRow, why: string) =>
  row.hasPendingExtension ? closePendingExtensions(env.tx, row.zoneId, row.id, env.now, why) : Promise.resolve();

const toEnterprise = (row: DemandListRow) => ({ enterpriseId: row.enterpriseId });
const note = (kind: NotificationSpec['kind'], row: DemandListRow, to: NotificationSpec['to'], params: NotificationSpec['params'] = {}): NotificationSpec => ({
  to, kind, entity: 'demand', entityId: row.id, params: { number: row.number, title: row.title, ...params },
});

export function acceptDemand(ctx: AppContext, actor: Actor, id: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'accept');
    await writeChange(env, actor, row, {
      action: 'accepted',
      patch: { status: next, acceptedAt: env.now },
      events: [{ kind: 'accepted' }],
      notifications: [note('demand.accepted', row, toEnterprise(row))],
    });
  });
}

export function declineDemand(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'decline');
    await writeChange(env, actor, row, {
      action: 'declined',
      patch: { status: next, declineReason: reason.trim(), closedAt: env.now },
      events: [{ kind: 'declined', note: reason.trim() }],
      notifications: [note('demand.declined', row, toEnterprise(row), { reason: reason.trim() })],
    });
  });
}

/** Checks the departments of an assignment; returns the field errors. */
async function checkAssignment(tx: Tx, zoneId: string, body: Pick<AssignBody, 'leadDepartmentId' | 'assistingDepartmentIds'>): Promise<KeyedFieldError[]> {
  const errors: KeyedFieldError[] = [];
  const lead = await findDepartment(tx, zoneId, body.leadDepartmentId);
  if (!lead || !lead.active) errors.push(fieldError('leadDepartmentId', 'department-inactive'));
  for (const [i, depId] of (body.assistingDepartmentIds ?? []).entries()) {
    if (depId === body.leadDepartmentId) errors.push(fieldError(`assistingDepartmentIds.${i}`, 'lead-also-assisting'));
    const d = await findDepartment(tx, zoneId, depId);
    if (!d || !d.active) errors.push(fieldError(`assistingDepartmentIds.${i}`, 'department-inactive'));
  }
  return errors;
}

/** Assigns (or reassigns) inside an open transaction; the deadline runs from today. */
export async function assignIn(env: Env, actor: Actor, row: DemandListRow, parties: Set<import('../../domain/demands/index.js').DemandParty>, body: AssignBody): Promise<void> {
  const next = decideOrThrow(row, parties, 'assign');
  const errors = await checkAssignment(env.tx, actor.zoneId, body);
  const categoryCode = body.categoryCode ?? row.categoryCode;
  const category = await findCategory(env.tx, actor.zoneId, categoryCode);
  if (!category || (body.categoryCode && !category.active)) errors.push(fieldError('categoryCode', 'category-not-found'));
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
  const zone = await findZone(env.tx, actor.zoneId);
  const days = category!.deadlineWorkingDays ?? zone?.defaultDeadlineDays ?? 5;
  const deadline = deadlineOf(env.calendar, { baseOn: env.today, days, pausedDays: 0 });
  const assisting = [...new Set(body.assistingDepartmentIds ?? [])];
  await replaceAssisting(env.tx, actor.zoneId, row.id, assisting);
  await withdrawPendingExtension(env, row, '诉求已重新分派，延期申请自动撤销');
  // A second assignment (directly, or after a department returned it) is a reassignment.
  const reassigned = row.status === 'assigned' || row.bounceCount > 0;
  const lead = await findDepartment(env.tx, actor.zoneId, body.leadDepartmentId);
  const assistingNames: string[] = [];
  for (const depId of assisting) assistingNames.push((await findDepartment(env.tx, actor.zoneId, depId))?.name ?? '');
  await writeChange(env, actor, row, {
    action: reassigned ? 'reassigned' : 'assigned',
    patch: {
      status: next,
      categoryCode,
      leadDepartmentId: body.leadDepartmentId,
      acceptedAt: row.acceptedAt ?? env.now,
      assignedAt: env.now,
      acknowledgedAt: null,
      deadlineBaseOn: env.today,
      deadlineDays: days,
      pausedDays: 0,
      dueOn: deadline.dueOn,
      dueProvisional: deadline.provisional,
      waitingSince: null,
    },
    events: [{
      kind: reassigned ? 'reassigned' : 'assigned',
      data: { leadDepartmentName: lead!.name, assistingDepartmentIds: assisting, assistingDepartmentNames: assistingNames, days, dueOn: deadline.dueOn, provisional: deadline.provisional, categoryName: category!.name },
    }],
    notifications: [
      note('demand.assigned', row, { departmentIds: [body.leadDepartmentId] }, { dueOn: deadline.dueOn }),
      ...(assisting.length ? [note('demand.assisting', row, { departmentIds: assisting })] : []),
      ...(row.status === 'submitted' ? [note('demand.accepted', row, toEnterprise(row))] : []),
    ],
  });
  await scheduleDeadlineJobs(env, actor.zoneId, row.id, deadline.dueOn);
}

export function assignDemand(ctx: AppContext, actor: Actor, id: string, body: AssignBody) {
  return act(ctx, actor, id, (env, { row, parties }) => assignIn(env, actor, row, parties, body));
}

/** Assigns many demands in one transaction: all or none. */
export async function bulkAssignDemands(ctx: AppContext, actor: Actor, body: BulkAssignBody): Promise<{ updated: number; items: DemandSummary[] }> {
  if (!demandPolicy.bulkAssign(actor)) throw forbidden();
  const ids = [...new Set(body.ids)];
  await inTransaction(ctx.db, async (tx) => {
    const env = await envOf(ctx, tx, actor.zoneId);
    await lockDemands(tx, actor.zoneId, ids);
    const loaded = [];
    for (const id of ids) loaded.push(await loadForChange(tx, actor, id));
    for (const { row, parties } of loaded) {
      try {
        await assignIn(env, actor, row, parties, { leadDepartmentId: body.leadDepartmentId, assistingDepartmentIds: body.assistingDepartmentIds });
      } catch (e) {
        if (e instanceof DomainError && e.code === 'DEMAND_STATE_CONFLICT') throw new DomainError(e.code, { ...(e.details as object), number: row.number, id: row.id });
        throw e;
      }
    }
  });
  const items = [];
  for (const id of ids) items.push(await getDemand(ctx, actor, id));
  return { updated: ids.length, items };
}

export function acknowledgeDemand(ctx: AppContext, actor: Actor, id: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'acknowledge');
    await writeChange(env, actor, row, { action: 'acknowledged', patch: { status: next, acknowledgedAt: env.now }, events: [{ kind: 'acknowledged' }] });
  });
}

export function recordProgress(ctx: AppContext, actor: Actor, id: string, body: { note: string; internal?: boolean }) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    decideOrThrow(row, parties, 'progress');
    const kind = parties.has('lead') || parties.has('coordinator') ? 'progress' : 'input';
    await writeChange(env, actor, row, {
      action: 'progress',
      patch: {},
      events: [{ kind, note: body.note.trim(), internal: body.internal ?? kind === 'input' }],
    });
  });
}

export function requestInput(ctx: AppContext, actor: Actor, id: string, body: { question: string; departmentIds?: string[] }) {
  return act(ctx, actor, id, async (env, { row, parties, assisting }) => {
    decideOrThrow(row, parties, 'request_input');
    const asked = body.departmentIds?.length ? [...new Set(body.departmentIds)] : assisting;
    const errors = asked.length === 0
      ? [fieldError('departmentIds', 'no-assisting-departments')]
      : asked.flatMap((d, i) => (assisting.includes(d) ? [] : [fieldError(`departmentIds.${i}`, 'not-assisting-department')]));
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    await writeChange(env, actor, row, {
      action: 'input_requested',
      patch: {},
      events: [{ kind: 'input_requested', note: body.question.trim(), internal: true, data: { departmentIds: asked } }],
      notifications: [note('demand.input_requested', row, { departmentIds: asked }, { question: body.question.trim() })],
    });
  });
}

/** 退回: not this department's business. Counted; the third return flags the demand to the coordinator. */
export function returnDemand(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'return');
    const bounces = row.bounceCount + 1;
    const flagged = bounces > BOUNCE_FLAG_THRESHOLD;
    const department = row.leadDepartmentName ?? '';
    await replaceAssisting(env.tx, actor.zoneId, row.id, []);
    await withdrawPendingExtension(env, row, '诉求已退回，延期申请自动撤销');
    await writeChange(env, actor, row, {
      action: 'returned',
      patch: {
        status: next, bounceCount: bounces, leadDepartmentId: null, dueOn: null, dueProvisional: false, acknowledgedAt: null, waitingSince: null,
        deadlineBaseOn: null, deadlineDays: null, pausedDays: 0,
      },
      events: [
        { kind: 'returned', note: reason.trim(), internal: true, data: { departmentName: department, bounceCount: bounces } },
        ...(flagged ? [{ kind: 'flagged', internal: true, data: { bounceCount: bounces } }] : []),
      ],
      notifications: [
        note('demand.returned', row, { roles: ['coordinator'] }, { department, reason: reason.trim() }),
        ...(flagged ? [note('demand.flagged', row, { roles: ['coordinator'] }, { count: bounces })] : []),
      ],
    });
  });
}

export function requestExtension(ctx: AppContext, actor: Actor, id: string, body: { newDueOn: string; reason: string }) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    decideOrThrow(row, parties, 'request_extension');
    const errors: KeyedFieldError[] = [];
    if (row.dueOn && body.newDueOn <= row.dueOn) errors.push(fieldError('newDueOn', 'extension-not-later', { value: row.dueOn }));
    else if (!workingDay(env, body.newDueOn)) errors.push(fieldError('newDueOn', 'not-a-working-day', { value: body.newDueOn }));
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const extensionId = randomUUID();
    await insertExtension(env.tx, {
      zoneId: actor.zoneId, id: extensionId, demandId: row.id, requestedDueOn: body.newDueOn, previousDueOn: row.dueOn!, reason: body.reason.trim(),
      status: 'pending', requestedBy: actor.userId, requestedAt: env.now,
    });
    await writeChange(env, actor, row, {
      action: 'extension_requested',
      patch: {},
      events: [{ kind: 'extension_requested', note: body.reason.trim(), internal: true, data: { extensionId, newDueOn: body.newDueOn, previousDueOn: row.dueOn } }],
      notifications: [note('demand.extension_requested', row, { roles: ['coordinator'] }, { newDueOn: body.newDueOn, reason: body.reason.trim() })],
    });
  });
}

function workingDay(env: Env, date: string): boolean {
  try {
    return isWorkingDay(env.calendar, date).workingDay;
  } catch {
    return false;
  }
}

/** The coordinator approves (the new deadline replaces the old, and the enterprise sees it with the reason) or refuses. */
export function decideExtension(ctx: AppContext, actor: Actor, id: string, extensionId: string, body: { approve: boolean; note?: string }) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const pending = (await listExtensions(env.tx, actor.zoneId, row.id)).find((x) => x.id === extensionId);
    if (!pending) throw notFound();
    if (pending.status !== 'pending') throw new DomainError('DEMAND_NO_PENDING_EXTENSION');
    decideOrThrow(row, parties, 'decide_extension');
    const decisionNote = body.note?.trim() || null;
    await updateExtension(env.tx, actor.zoneId, extensionId, {
      status: body.approve ? 'approved' : 'refused', decidedBy: actor.userId, decidedAt: env.now, decisionNote,
    });
    if (!body.approve) {
      await writeChange(env, actor, row, {
        action: 'extension_refused',
        patch: {},
        events: [{ kind: 'extension_refused', note: decisionNote, internal: true, data: { extensionId, requestedDueOn: pending.requestedDueOn } }],
        notifications: [note('demand.extension_refused', row, { departmentIds: row.leadDepartmentId ? [row.leadDepartmentId] : [] }, { dueOn: row.dueOn })],
      });
      return;
    }
    // From now on the deadline is the approved day; time waiting afterwards is added to it.
    // Time waited since the request may already have moved the deadline past the day asked for: approval never shortens it.
    const approvedOn = row.dueOn && row.dueOn > pending.requestedDueOn ? row.dueOn : pending.requestedDueOn;
    const deadline = deadlineOf(env.calendar, { baseOn: approvedOn, days: 0, pausedDays: 0 });
    await writeChange(env, actor, row, {
      action: 'extension_approved',
      patch: { deadlineBaseOn: approvedOn, deadlineDays: 0, pausedDays: 0, dueOn: deadline.dueOn, dueProvisional: deadline.provisional, extended: true },
      events: [{ kind: 'extension_approved', note: pending.reason, data: { extensionId, previousDueOn: pending.previousDueOn, newDueOn: deadline.dueOn, decisionNote } }],
      notifications: [
        note('demand.extension_approved', row, { departmentIds: row.leadDepartmentId ? [row.leadDepartmentId] : [], enterpriseId: row.enterpriseId }, { newDueOn: deadline.dueOn }),
      ],
    });
    if (row.status !== 'waiting') await scheduleDeadlineJobs(env, actor.zoneId, row.id, deadline.dueOn);
  });
}

/** 待企业补充: the clock stops until resumed; the working days stopped are added to the deadline. */
export function waitForEnterprise(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'wait');
    await writeChange(env, actor, row, {
      action: 'waiting',
      patch: { status: next, waitingSince: env.today, acknowledgedAt: row.acknowledgedAt ?? env.now },
      events: [{ kind: 'waiting', note: reason.trim() }],
      notifications: [note('demand.waiting', row, toEnterprise(row), { reason: reason.trim() })],
    });
  });
}

export function resumeDemand(ctx: AppContext, actor: Actor, id: string, body: { note?: string }) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'resume');
    const paused = withinCalendar(() => pausedWorkingDays(env.calendar, row.waitingSince ?? env.today, env.today));
    const pausedDays = row.pausedDays + paused;
    const deadline = deadlineOf(env.calendar, { baseOn: row.deadlineBaseOn ?? env.today, days: row.deadlineDays ?? 0, pausedDays });
    await writeChange(env, actor, row, {
      action: 'resumed',
      patch: { status: next, waitingSince: null, pausedDays, dueOn: deadline.dueOn, dueProvisional: deadline.provisional },
      events: [{ kind: 'resumed', note: body.note?.trim() || null, data: { pausedDays: paused, dueOn: deadline.dueOn } }],
    });
    await scheduleDeadlineJobs(env, actor.zoneId, row.id, deadline.dueOn);
  });
}

export function settleDemand(ctx: AppContext, actor: Actor, id: string, answer: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'settle');
    const onTime = row.dueOn ? settledOnTime(env.today, row.dueOn) : true;
    const confirmBy = withinCalendar(() => addWorkingDays(env.calendar, env.today, CONFIRMATION_WORKING_DAYS).due);
    await resolveEscalations(env.tx, actor.zoneId, row.id, env.now);
    await withdrawPendingExtension(env, row, '诉求已办结，延期申请自动撤销');
    await writeChange(env, actor, row, {
      action: 'settled',
      // A new settlement waits for a new answer: an earlier "not resolved" rating stays in the timeline only.
      patch: {
        status: next, answer: answer.trim(), settledAt: env.now, settledOnTime: onTime, acknowledgedAt: row.acknowledgedAt ?? env.now,
        resolved: null, satisfaction: null, confirmComment: null,
      },
      events: [{ kind: 'settled', note: answer.trim(), data: { onTime, dueOn: row.dueOn, confirmBy } }],
      notifications: [note('demand.settled', row, toEnterprise(row))],
    });
    await scheduleAutoClose(env, actor.zoneId, row.id, env.now, confirmBy);
  });
}

/**
 * 回访: resolved closes the demand; not resolved reopens it to the same department with a new
 * deadline and escalates one level (the first reopen to the coordinator, the second to the leader).
 */
export function confirmDemand(ctx: AppContext, actor: Actor, id: string, body: ConfirmBody) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'confirm', { resolved: body.resolved });
    const comment = body.comment?.trim() || null;
    if (body.resolved) {
      await writeChange(env, actor, row, {
        action: 'confirmed',
        patch: { status: next, closedAt: env.now, resolved: true, satisfaction: body.satisfaction, confirmComment: comment },
        events: [{ kind: 'confirmed', note: comment, data: { resolved: true, satisfaction: body.satisfaction } }],
      });
      return;
    }
    const reopenCount = row.reopenCount + 1;
    const level = Math.max(row.escalationLevel, reopenCount >= 2 ? 2 : 1);
    const zone = await findZone(env.tx, actor.zoneId);
    const category = await findCategory(env.tx, actor.zoneId, row.categoryCode);
    const days = category?.deadlineWorkingDays ?? zone?.defaultDeadlineDays ?? 5;
    const deadline = deadlineOf(env.calendar, { baseOn: env.today, days, pausedDays: 0 });
    await insertEscalation(env.tx, { zoneId: actor.zoneId, id: randomUUID(), demandId: row.id, level, reason: 'reopened', at: env.now });
    await writeChange(env, actor, row, {
      action: 'reopened',
      patch: {
        status: next, reopenCount, escalationLevel: level, escalatedAt: env.now, resolved: false, satisfaction: body.satisfaction, confirmComment: comment,
        settledAt: null, settledOnTime: null, acknowledgedAt: null, deadlineBaseOn: env.today, deadlineDays: days, pausedDays: 0,
        dueOn: deadline.dueOn, dueProvisional: deadline.provisional,
      },
      events: [
        { kind: 'confirmed', note: comment, data: { resolved: false, satisfaction: body.satisfaction } },
        { kind: 'reopened', data: { reopenCount, dueOn: deadline.dueOn, escalationLevel: level } },
      ],
      notifications: [
        note('demand.reopened', row, {
          departmentIds: row.leadDepartmentId ? [row.leadDepartmentId] : [],
          roles: level >= 1 ? ['coordinator'] : [],
          ...(level >= 2 ? (row.ownerLeaderId ? { userIds: [row.ownerLeaderId] } : { roles: ['coordinator', 'leader'] }) : {}),
        }, { dueOn: deadline.dueOn }),
      ],
    });
    await scheduleDeadlineJobs(env, actor.zoneId, row.id, deadline.dueOn);
  });
}

/** Merges a duplicate into another open demand of the same enterprise; both keep their timelines and point at each other. */
export function mergeDemand(ctx: AppContext, actor: Actor, id: string, intoId: string) {
  return act(ctx, actor, id, async (env, { row, parties }) => {
    const next = decideOrThrow(row, parties, 'merge');
    if (intoId === id) throw new DomainError('DEMAND_MERGE_INVALID', [fieldError('intoId', 'merge-self')]);
    const target = await loadForChange(env.tx, actor, intoId);
    if (target.row.enterpriseId !== row.enterpriseId) throw new DomainError('DEMAND_MERGE_INVALID', [fieldError('intoId', 'merge-other-enterprise')]);
    if (!OPEN_STATUSES.includes(target.row.status as DemandStatus)) throw new DomainError('DEMAND_MERGE_INVALID', [fieldError('intoId', 'merge-target-closed')]);
    await withdrawPendingExtension(env, row, '诉求已合并，延期申请自动撤销');
    await writeChange(env, actor, row, {
      action: 'merged',
      patch: { status: next, mergedIntoId: intoId, closedAt: env.now },
      events: [{ kind: 'merged_into', data: { id: intoId, number: target.row.number } }],
      notifications: [note('demand.merged', row, toEnterprise(row), { into: target.row.number })],
    });
    // A duplicate gathered for or raised in a visit keeps counting there through the demand it joins.
    await writeChange(env, actor, target.row, {
      action: 'merged_from',
      patch: row.visitId && !target.row.visitId ? { visitId: row.visitId } : {},
      events: [{ kind: 'merged_from', data: { id: row.id, number: row.number } }],
    });
  }, [intoId]);
}

/** Job: the enterprise did not answer within 5 working days; the demand closes as confirmed by default. */
export async function autoCloseDemand(ctx: AppContext, tx: Tx, system: SystemActor, demandId: string, settledAt: string): Promise<void> {
  const loaded = await loadForJob(tx, system, demandId);
  if (!loaded) return;
  const { row, parties } = loaded;
  if (row.status !== 'settled' || row.settledAt?.toISOString() !== settledAt) return;
  const next = decideOrThrow(row, parties, 'auto_close');
  const env = await envOf(ctx, tx, system.zoneId);
  await writeChange(env, system, row, {
    action: 'auto_closed',
    patch: { status: next, closedAt: env.now, confirmedByDefault: true },
    events: [{ kind: 'auto_closed' }],
  });
}

export type { DemandStatus };
