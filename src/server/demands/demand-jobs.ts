import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import { randomUUID } from 'node:crypto';
import type { JobHandlers } from '../platform/jobs.js';
import type { JobRow } from '../platform/jobs.repository.js';
import { autoCloseDemand } from './demand-actions.service.js';
import { envOf, loadForJob, writeChange } from './demand-change.js';
import { insertEscalation } from './demands.repository.js';

const systemOf = (zoneId: string): SystemActor => ({ zoneId, userId: null, username: 'system', displayName: '系统（督办）' });

type DeadlinePayload = { demandId: string; dueOn: string };

/** A deadline job still applies only while the demand is being handled against that same deadline. */
async function stillDue(tx: Tx, job: JobRow) {
  const { demandId, dueOn } = job.payload as DeadlinePayload;
  const loaded = await loadForJob(tx, systemOf(job.zoneId), demandId);
  if (!loaded) return null;
  const { row } = loaded;
  if (!['assigned', 'in_progress'].includes(row.status) || row.dueOn !== dueOn) return null;
  return loaded;
}

/** One working day before the deadline: the lead department is reminded. */
async function remind(ctx: AppContext, tx: Tx, job: JobRow): Promise<void> {
  const loaded = await stillDue(tx, job);
  if (!loaded) return;
  const { row } = loaded;
  const system = systemOf(job.zoneId);
  await writeChange(await envOf(ctx, tx, job.zoneId), system, row, {
    action: 'reminded',
    patch: {},
    events: [{ kind: 'reminded', internal: true, data: { dueOn: row.dueOn } }],
    notifications: [{
      to: { departmentIds: row.leadDepartmentId ? [row.leadDepartmentId] : [] }, kind: 'demand.reminder', entity: 'demand', entityId: row.id,
      params: { number: row.number, title: row.title, dueOn: row.dueOn },
    }],
  });
}

/** At the end of the deadline day an unsettled demand is escalated to the coordinator and the leader who owns it (督办). */
async function escalate(ctx: AppContext, tx: Tx, job: JobRow): Promise<void> {
  const loaded = await stillDue(tx, job);
  if (!loaded) return;
  const { row } = loaded;
  const env = await envOf(ctx, tx, job.zoneId);
  if (env.today <= row.dueOn!) return;
  const system = systemOf(job.zoneId);
  await insertEscalation(tx, { zoneId: job.zoneId, id: randomUUID(), demandId: row.id, level: 2, reason: 'overdue', at: env.now });
  await writeChange(env, system, row, {
    action: 'escalated',
    patch: { escalationLevel: Math.max(row.escalationLevel, 2), escalatedAt: env.now },
    events: [{ kind: 'escalated', internal: true, data: { reason: 'overdue', dueOn: row.dueOn, level: 2 } }],
    notifications: [{
      to: row.ownerLeaderId ? { roles: ['coordinator'], userIds: [row.ownerLeaderId] } : { roles: ['coordinator', 'leader'] },
      kind: 'demand.overdue', entity: 'demand', entityId: row.id,
      params: { number: row.number, title: row.title, dueOn: row.dueOn, department: row.leadDepartmentName },
    }],
  });
}

async function autoClose(ctx: AppContext, tx: Tx, job: JobRow): Promise<void> {
  const { demandId, settledAt } = job.payload as { demandId: string; settledAt: string };
  await autoCloseDemand(ctx, tx, systemOf(job.zoneId), demandId, settledAt);
}

export const demandJobHandlers: JobHandlers = {
  'demand.remind': remind,
  'demand.escalate': escalate,
  'demand.auto_close': autoClose,
};
