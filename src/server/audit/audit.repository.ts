import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditEntries } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

export type AuditInput = {
  zoneId: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes audit rows inside the caller's transaction (the change and its record commit together). */
export async function insertAuditEntries(tx: Tx, entries: AuditInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    // Between batches, let the event loop serve other requests (a large import writes thousands of rows).
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    await tx.insert(auditEntries).values(
      entries.slice(i, i + 500).map((e) => ({
        zoneId: e.zoneId,
        id: randomUUID(),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    );
  }
}

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  fromUtc?: Date;
  toUtc?: Date;
  limit: number;
  offset: number;
};

export async function listAuditEntries(db: Queryable, zoneId: string, f: AuditFilter) {
  const conds: SQL[] = [eq(auditEntries.zoneId, zoneId)];
  if (f.entity) conds.push(eq(auditEntries.entity, f.entity));
  if (f.entityId) conds.push(eq(auditEntries.entityId, f.entityId));
  if (f.action) conds.push(eq(auditEntries.action, f.action));
  if (f.actorId) conds.push(eq(auditEntries.actorId, f.actorId));
  if (f.fromUtc) conds.push(gte(auditEntries.at, f.fromUtc));
  if (f.toUtc) conds.push(lt(auditEntries.at, f.toUtc));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.at), desc(auditEntries.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(auditEntries).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
