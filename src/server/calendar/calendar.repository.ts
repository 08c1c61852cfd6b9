import { and, asc, eq } from 'drizzle-orm';
import { calendarArrangements, calendarOverrides } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

export async function listArrangements(db: Queryable, zoneId: string) {
  return db.select().from(calendarArrangements).where(eq(calendarArrangements.zoneId, zoneId)).orderBy(asc(calendarArrangements.year));
}

export async function upsertArrangement(tx: Tx, row: typeof calendarArrangements.$inferInsert) {
  await tx.delete(calendarArrangements).where(and(eq(calendarArrangements.zoneId, row.zoneId), eq(calendarArrangements.year, row.year)));
  await tx.insert(calendarArrangements).values(row);
}

export async function listOverrides(db: Queryable, zoneId: string) {
  return db.select().from(calendarOverrides).where(eq(calendarOverrides.zoneId, zoneId)).orderBy(asc(calendarOverrides.date));
}

export async function insertOverride(tx: Tx, row: typeof calendarOverrides.$inferInsert) {
  await tx.insert(calendarOverrides).values(row);
}

export async function deleteOverride(tx: Tx, zoneId: string, date: string) {
  const rows = await tx
    .delete(calendarOverrides)
    .where(and(eq(calendarOverrides.zoneId, zoneId), eq(calendarOverrides.date, date)))
    .returning();
  return rows[0];
}
