import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import { CalendarRangeError, addDays, type WorkingCalendar } from '../../domain/calendar/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import {
  computeDeadline, decideDemandAction, demandParties, reminderDay, type ActionOptions, type DeadlineBasis, type DemandAction,
  type DemandFacts, type DemandParty, type DemandStatus,
} from '../../domain/demands/index.js';
import { DomainError, notFound } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { scheduleJob } from '../platform/jobs.js';
import { notify, type NotificationSpec } from '../notifications/notifications.service.js';
import { insertEvents, listAssisting, findDemandListRow, updateDemand, type DemandInsert, type DemandListRow } from './demands.repository.js';

/**
 * What a change needs besides its transaction: now, the zone's today and time zone, and its calendar.
 * Read through `tx` (PGlite has one connection: ctx.db would wait for the transaction).
 */
export async function envOf(ctx: AppContext, tx: Tx, zoneId: string): Promise<Env> {
  const { today, timeZone } = await zoneToday(ctx, zoneId, tx);
  return { tx, now: ctx.clock.now(), today, timeZone, calendar: await zoneCalendar(ctx, zoneId, tx) };
}

/** One entry of a demand's timeline. `internal` entries are hidden from the enterprise. */
export type EventSpec = { kind: string; note?: string | null; internal?: boolean; data?: Record<string, unknown>; demandId?: string };

export type Env = { tx: Tx; now: Date; today: string; timeZone: string; calendar: WorkingCalendar };

export function factsOf(row: DemandListRow, assistingDepartmentIds: string[]): DemandFacts {
  return {
    status: row.status as DemandStatus,
    enterpriseId: row.enterpriseId,
    enterpriseCadreId: row.enterpriseCadreId,
    submittedBy: row.submittedBy,
    leadDepartmentId: row.leadDepartmentId,
    assistingDepartmentIds,
    hasPendingExtension: row.hasPendingExtension,
  };
}

/** Loads a demand for a change, locked for the transaction; what the actor may not read is "not found". */
export async function loadForChange(tx: Tx, by: Actor | SystemActor, id: string): Promise<{ row: DemandListRow; parties: Set<DemandParty>; assisting: string[] }> {
  const row = await findDemandListRow(tx, by.zoneId, id, true);
  if (!row) throw notFound();
  const assisting = ((await listAssisting(tx, by.zoneId, [id])).get(id) ?? []).map((d) => d.id);
  const parties = demandParties(isSystem(by) ? 'system' : by, factsOf(row, assisting));
  if (parties.size === 0) throw notFound();
  return { row, parties, assisting };
}

export function isSystem(by: Actor | SystemActor): by is SystemActor {
  return by.userId === null;
}

/** Refuses an action the state machine does not allow, with its code; returns the next status. */
export function decideOrThrow(row: DemandListRow, parties: Set<DemandParty>, action: DemandAction, options?: ActionOptions): DemandStatus {
  const decision = decideDemandAction({ status: row.status as DemandStatus, hasPendingExtension: row.hasPendingExtension }, parties, action, options);
  if (!decision.ok) throw new DomainError(decision.refusal, { status: row.status, action });
  return decision.next;
}

/** The deadline for a basis, as a domain error when the calendar does not reach that far. */
export function deadlineOf(calendar: WorkingCalendar, basis: DeadlineBasis) {
  try {
    return computeDeadline(calendar, basis);
  } catch (e) {
    if (e instanceof CalendarRangeError) {
      throw new DomainError('CALENDAR_OUT_OF_RANGE', [{ field: 'dueOn', reason: 'out-of-range', message: e.messages.zh, messages: e.messages }]);
    }
    throw e;
  }
}

/** Runs calendar arithmetic, answering a day outside the calendar's years as CALENDAR_OUT_OF_RANGE (400), not a crash. */
export function withinCalendar<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof CalendarRangeError) {
      throw new DomainError('CALENDAR_OUT_OF_RANGE', [{ field: 'date', reason: 'out-of-range', message: e.messages.zh, messages: e.messages }]);
    }
    throw e;
  }
}

/** For a job: the demand locked for the change, or undefined when it no longer exists (the job is then stale). */
export async function loadForJob(tx: Tx, system: SystemActor, id: string): Promise<{ row: DemandListRow; parties: Set<DemandParty>; assisting: string[] } | undefined> {
  if (!(await findDemandListRow(tx, system.zoneId, id))) return undefined;
  return loadForChange(tx, system, id);
}

/**
 * Writes one change of a demand: the row, its timeline entries, the audit entry and the
 * notifications — all in the caller's transaction.
 */
export async function writeChange(
  env: Env,
  by: Actor | SystemActor,
  row: DemandListRow,
  change: { action: string; patch: Partial<DemandInsert>; events: EventSpec[]; notifications?: NotificationSpec[] },
): Promise<void> {
  const { tx, now } = env;
  if (Object.keys(change.patch).length > 0) await updateDemand(tx, row.zoneId, row.id, change.patch);
  await insertEvents(tx, change.events.map((e) => ({
    zoneId: row.zoneId,
    id: randomUUID(),
    demandId: e.demandId ?? row.id,
    at: now,
    actorId: by.userId,
    actorName: by.displayName,
    kind: e.kind,
    internal: e.internal ?? false,
    note: e.note ?? null,
    data: e.data ?? {},
  })));
  const before = Object.fromEntries(Object.keys(change.patch).map((k) => [k, (row as Record<string, unknown>)[k]]));
  await recordAudit(tx, by, { action: `demand.${change.action}`, entity: 'demand', entityId: row.id, before, after: change.patch });
  if (change.notifications?.length) {
    await notify(tx, row.zoneId, now, change.notifications.map((n) => ({ ...n, to: { ...n.to, exceptUserId: by.userId } })));
  }
}

/**
 * Schedules the reminder (one working day before) and the escalation (end of the deadline day)
 * for a deadline. Keys carry the deadline, so a moved deadline gets new jobs and the old ones
 * find the demand changed and do nothing.
 */
export async function scheduleDeadlineJobs(env: Env, zoneId: string, demandId: string, dueOn: string): Promise<void> {
  const remindOn = reminderDay(env.calendar, dueOn, env.today);
  const nineAm = new Date(startOfDayInZone(remindOn, env.timeZone).getTime() + 9 * 3_600_000);
  await scheduleJob(env.tx, { zoneId, kind: 'demand.remind', key: `${demandId}:${dueOn}`, runAt: nineAm, payload: { demandId, dueOn } });
  await scheduleJob(env.tx, {
    zoneId, kind: 'demand.escalate', key: `${demandId}:${dueOn}`, runAt: startOfDayInZone(addDays(dueOn, 1), env.timeZone), payload: { demandId, dueOn },
  });
}

export async function scheduleAutoClose(env: Env, zoneId: string, demandId: string, settledAt: Date, closeAfter: string): Promise<void> {
  await scheduleJob(env.tx, {
    zoneId, kind: 'demand.auto_close', key: `${demandId}:${settledAt.toISOString()}`,
    runAt: startOfDayInZone(addDays(closeAfter, 1), env.timeZone), payload: { demandId, settledAt: settledAt.toISOString() },
  });
}
