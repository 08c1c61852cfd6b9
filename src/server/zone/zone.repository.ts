import { asc, eq } from 'drizzle-orm';
import { zones } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

export type ZoneRow = typeof zones.$inferSelect;

export async function findZone(db: Queryable, id: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(zones).where(eq(zones.id, id));
  return row;
}

export async function findZoneByCode(db: Queryable, code: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(zones).where(eq(zones.code, code));
  return row;
}

/** The deployment's first zone: the one sign-in uses when no zone code is given. */
export async function findDefaultZone(db: Queryable): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(zones).orderBy(asc(zones.createdAt), asc(zones.code)).limit(1);
  return row;
}

export async function listZones(db: Queryable): Promise<ZoneRow[]> {
  return db.select().from(zones).orderBy(asc(zones.createdAt));
}

export async function insertZone(tx: Tx, row: typeof zones.$inferInsert): Promise<void> {
  await tx.insert(zones).values(row);
}

export async function updateZone(tx: Tx, id: string, patch: Partial<Pick<ZoneRow, 'name' | 'timeZone' | 'defaultDeadlineDays' | 'visitMinWeeks' | 'visitBackdateDays' | 'bulletinMinRanked'>>) {
  await tx.update(zones).set({ ...patch, updatedAt: new Date() }).where(eq(zones.id, id));
}
