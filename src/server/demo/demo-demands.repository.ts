import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import {
  demandAssistingDepartments, demandCategories, demandEscalations, demandEvents, demandExtensions, demands, enterpriseContacts, enterprises,
  scheduledJobs, zoneCounters,
} from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

/** The rows of the demo zone's year of demands, written in bulk by `insertDemoDemandRows`. */
export type DemoDemandRow = typeof demands.$inferInsert;
export type DemoEventRow = typeof demandEvents.$inferInsert;
export type DemoExtensionRow = typeof demandExtensions.$inferInsert;
export type DemoEscalationRow = typeof demandEscalations.$inferInsert;
export type DemoAssistingRow = typeof demandAssistingDepartments.$inferInsert;
export type DemoJobRow = typeof scheduledJobs.$inferInsert;

export type DemoDemandRows = {
  demands: DemoDemandRow[];
  /** In the order they happened: the identity column `seq` orders a timeline. */
  events: DemoEventRow[];
  extensions: DemoExtensionRow[];
  escalations: DemoEscalationRow[];
  assisting: DemoAssistingRow[];
  jobs: DemoJobRow[];
  /** zone_counters rows (demand:<year>) and the highest number used in each. */
  counters: { name: string; value: number }[];
};

export async function countZoneDemands(db: Queryable, zoneId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(demands).where(eq(demands.zoneId, zoneId));
  return Number(row?.n ?? 0);
}

export type DemoEnterpriseFacts = {
  id: string;
  uscc: string;
  name: string;
  legalRepresentative: string | null;
  cadreId: string | null;
  leaderId: string | null;
  contacts: { name: string; phone: string | null }[];
};

/** The zone's enterprises with what a demand's text and anonymisation need (names of the enterprise and its people). */
export async function listEnterpriseFactsForDemo(db: Queryable, zoneId: string): Promise<DemoEnterpriseFacts[]> {
  const rows = await db
    .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name, legalRepresentative: enterprises.legalRepresentative, cadreId: enterprises.cadreId, leaderId: enterprises.leaderId })
    .from(enterprises)
    .where(eq(enterprises.zoneId, zoneId))
    .orderBy(asc(enterprises.uscc));
  const contacts = await db
    .select({ enterpriseId: enterpriseContacts.enterpriseId, name: enterpriseContacts.name, phone: enterpriseContacts.phone })
    .from(enterpriseContacts)
    .where(eq(enterpriseContacts.zoneId, zoneId))
    .orderBy(asc(enterpriseContacts.enterpriseId), sql`${enterpriseContacts.isPrimary} desc`, asc(enterpriseContacts.position));
  const byEnterprise = new Map<string, { name: string; phone: string | null }[]>();
  for (const c of contacts) byEnterprise.set(c.enterpriseId, [...(byEnterprise.get(c.enterpriseId) ?? []), { name: c.name, phone: c.phone }]);
  return rows.map((r) => ({ ...r, contacts: byEnterprise.get(r.id) ?? [] }));
}

/** Sets a category's default lead department where the zone has none set yet; returns how many changed. */
export async function setUnsetCategoryDepartments(tx: Tx, zoneId: string, departments: { code: string; departmentId: string }[]): Promise<number> {
  let changed = 0;
  for (const d of departments) {
    const rows = await tx
      .update(demandCategories)
      .set({ defaultDepartmentId: d.departmentId })
      .where(and(eq(demandCategories.zoneId, zoneId), eq(demandCategories.code, d.code), isNull(demandCategories.defaultDepartmentId)))
      .returning({ code: demandCategories.code });
    changed += rows.length;
  }
  return changed;
}

async function inChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Writes the demo demands with multi-row inserts. Demands go in the order given (a merged
 * duplicate after the demand it points at); events in the order given, so `seq` follows time.
 */
export async function insertDemoDemandRows(tx: Tx, zoneId: string, rows: DemoDemandRows): Promise<void> {
  await inChunks(rows.demands, 300, (chunk) => tx.insert(demands).values(chunk));
  await inChunks(rows.assisting, 1000, (chunk) => tx.insert(demandAssistingDepartments).values(chunk));
  await inChunks(rows.events, 1000, (chunk) => tx.insert(demandEvents).values(chunk));
  await inChunks(rows.extensions, 1000, (chunk) => tx.insert(demandExtensions).values(chunk));
  await inChunks(rows.escalations, 1000, (chunk) => tx.insert(demandEscalations).values(chunk));
  await inChunks(rows.jobs, 1000, (chunk) => tx.insert(scheduledJobs).values(chunk).onConflictDoNothing());
  for (const c of rows.counters) {
    await tx
      .insert(zoneCounters)
      .values({ zoneId, name: c.name, value: c.value })
      .onConflictDoUpdate({ target: [zoneCounters.zoneId, zoneCounters.name], set: { value: sql`greatest(${zoneCounters.value}, ${c.value})` } });
  }
}
