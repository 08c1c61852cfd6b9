import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import type { Db, Tx } from '../../db/client.js';
import type { Static } from 'typebox';
import type { AuditQuery } from '../../contracts/audit.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { insertAuditEntries, listAuditEntries } from './audit.repository.js';
import { canReadAudit } from './audit.policy.js';
import { forbidden } from '../platform/errors.js';
import { pageWindow } from '../platform/paging.js';

export type AuditChange = { action: string; entity: string; entityId: string | null; before?: unknown; after?: unknown };

/** Records changes made by `actor`, inside the transaction that made them. */
export async function recordAudit(tx: Tx, actor: Actor | SystemActor, changes: AuditChange | AuditChange[]): Promise<void> {
  const list = Array.isArray(changes) ? changes : [changes];
  await insertAuditEntries(
    tx,
    list.map((c) => ({ zoneId: actor.zoneId, actorId: actor.userId, actorName: actor.displayName, ...c })),
  );
}

export async function listAudit(db: Db, actor: Actor, timeZone: string, q: Static<typeof AuditQuery>) {
  if (!canReadAudit(actor)) throw forbidden();
  const { limit, offset } = pageWindow(q);
  const { rows, total } = await listAuditEntries(db, actor.zoneId, {
    entity: q.entity,
    entityId: q.entityId,
    action: q.action,
    actorId: q.actorId,
    fromUtc: q.from ? startOfDayInZone(q.from, timeZone) : undefined,
    toUtc: q.to ? new Date(startOfDayInZone(q.to, timeZone).getTime() + 86_400_000) : undefined,
    limit,
    offset,
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
  };
}
