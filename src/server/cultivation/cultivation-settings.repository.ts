import { eq } from 'drizzle-orm';
import { zones } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

/** The zone's stored cultivation overrides ({} = the defaults); undefined for an unknown zone. */
export async function findStoredCultivationSettings(db: Queryable, zoneId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.select({ settings: zones.cultivationSettings }).from(zones).where(eq(zones.id, zoneId));
  return row?.settings;
}

/** Replaces the zone's stored overrides; the row is locked first by `lockStoredCultivationSettings`. */
export async function updateStoredCultivationSettings(tx: Tx, zoneId: string, settings: Record<string, unknown>): Promise<void> {
  await tx.update(zones).set({ cultivationSettings: settings, updatedAt: new Date() }).where(eq(zones.id, zoneId));
}

/** The stored overrides, the zone's row locked until the transaction ends (two PATCHes merge, not race). */
export async function lockStoredCultivationSettings(tx: Tx, zoneId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await tx.select({ settings: zones.cultivationSettings }).from(zones).where(eq(zones.id, zoneId)).for('no key update');
  return row?.settings;
}
