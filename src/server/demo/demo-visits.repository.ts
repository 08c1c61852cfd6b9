import { and, asc, count, eq, sql } from 'drizzle-orm';
import {
  demandEvents, demands, enterpriseThemes, enterprises, themes, visitCadres, visitDepartments, visitEnterprises, visitIssues, visits, zoneCounters,
} from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

/** The rows of the demo zone's year of visits, written in bulk by `insertDemoVisitRows`. */
export type DemoVisitRow = typeof visits.$inferInsert;
export type DemoVisitEnterpriseRow = typeof visitEnterprises.$inferInsert;
export type DemoVisitDepartmentRow = typeof visitDepartments.$inferInsert;
export type DemoVisitCadreRow = typeof visitCadres.$inferInsert;
export type DemoVisitIssueRow = typeof visitIssues.$inferInsert;

/** A demand raised on a visit, linked to it: demands.visit_id, and the leader who owns its escalation. */
export type DemoDemandLink = { demandId: string; visitId: string; ownerLeaderId: string };
/**
 * A demand the demo demands file on a visit on a day without work (a duplicate reported a few days
 * after the first): no visit is planned on such a day, so the liaison cadre is taken to have passed
 * it on instead.
 */
export type DemoDemandRechannel = { demandId: string; channel: 'cadre'; submittedBy: string | null; submitterName: string; ownerLeaderId: string | null };

export type DemoVisitRows = {
  /** In number order. */
  visits: DemoVisitRow[];
  enterprises: DemoVisitEnterpriseRow[];
  departments: DemoVisitDepartmentRow[];
  cadres: DemoVisitCadreRow[];
  /** In the order they were raised: the identity column `seq` follows it. */
  issues: DemoVisitIssueRow[];
  demandLinks: DemoDemandLink[];
  rechannelled: DemoDemandRechannel[];
  /** zone_counters rows (visit:<year>) and the highest number used in each. */
  counters: { name: string; value: number }[];
};

export async function countZoneVisits(db: Queryable, zoneId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(visits).where(eq(visits.zoneId, zoneId));
  return Number(row?.n ?? 0);
}

export type DemoVisitDemandFacts = {
  id: string;
  enterpriseId: string;
  submittedAt: Date;
  submittedBy: string | null;
  ownerLeaderId: string | null;
  categoryCode: string;
  title: string;
  leadDepartmentId: string | null;
};

/** The zone's demands filed on visits (channel 'visit'), oldest first. */
export async function listVisitDemandsForDemo(db: Queryable, zoneId: string): Promise<DemoVisitDemandFacts[]> {
  return db
    .select({
      id: demands.id, enterpriseId: demands.enterpriseId, submittedAt: demands.submittedAt, submittedBy: demands.submittedBy, ownerLeaderId: demands.ownerLeaderId,
      categoryCode: demands.categoryCode, title: demands.title, leadDepartmentId: demands.leadDepartmentId,
    })
    .from(demands)
    .where(and(eq(demands.zoneId, zoneId), eq(demands.channel, 'visit')))
    .orderBy(asc(demands.submittedAt), asc(demands.number));
}

export type DemoVisitEnterpriseFacts = { id: string; name: string; cadreId: string | null; leaderId: string | null; themeIds: string[] };

/** The zone's enterprises with their themes, in a stable order (by USCC). */
export async function listEnterprisesForDemoVisits(db: Queryable, zoneId: string): Promise<DemoVisitEnterpriseFacts[]> {
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name, cadreId: enterprises.cadreId, leaderId: enterprises.leaderId })
    .from(enterprises)
    .where(eq(enterprises.zoneId, zoneId))
    .orderBy(asc(enterprises.uscc));
  const links = await db
    .select({ enterpriseId: enterpriseThemes.enterpriseId, themeId: enterpriseThemes.themeId })
    .from(enterpriseThemes)
    .where(eq(enterpriseThemes.zoneId, zoneId))
    .orderBy(asc(enterpriseThemes.enterpriseId), asc(enterpriseThemes.themeId));
  const byEnterprise = new Map<string, string[]>();
  for (const l of links) byEnterprise.set(l.enterpriseId, [...(byEnterprise.get(l.enterpriseId) ?? []), l.themeId]);
  return rows.map((r) => ({ ...r, themeIds: byEnterprise.get(r.id) ?? [] }));
}

/** Gives the named themes their guiding questions where they have none yet; returns how many changed. */
export async function setUnsetThemeQuestions(tx: Tx, zoneId: string, questions: Readonly<Record<string, readonly string[]>>): Promise<number> {
  let changed = 0;
  for (const [name, list] of Object.entries(questions)) {
    const rows = await tx
      .update(themes)
      .set({ guidingQuestions: [...list] })
      .where(and(eq(themes.zoneId, zoneId), eq(themes.name, name), sql`${themes.guidingQuestions} = '[]'::jsonb`))
      .returning({ id: themes.id });
    changed += rows.length;
  }
  return changed;
}

async function inChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Writes the demo visits with multi-row inserts, links the demands raised on them (one UPDATE … FROM
 * VALUES), then the problems of the on-site offices (which point at those demands) and the counters.
 */
export async function insertDemoVisitRows(tx: Tx, zoneId: string, rows: DemoVisitRows): Promise<void> {
  await inChunks(rows.visits, 300, (chunk) => tx.insert(visits).values(chunk));
  await inChunks(rows.enterprises, 1000, (chunk) => tx.insert(visitEnterprises).values(chunk));
  await inChunks(rows.departments, 1000, (chunk) => tx.insert(visitDepartments).values(chunk));
  await inChunks(rows.cadres, 1000, (chunk) => tx.insert(visitCadres).values(chunk));
  await inChunks(rows.demandLinks, 500, (chunk) =>
    tx.execute(sql`
      update demands d set visit_id = v.visit_id, owner_leader_id = v.owner_leader_id
      from (values ${sql.join(chunk.map((l) => sql`(${l.demandId}::uuid, ${l.visitId}::uuid, ${l.ownerLeaderId}::uuid)`), sql`, `)})
        as v(id, visit_id, owner_leader_id)
      where d.zone_id = ${zoneId} and d.id = v.id`),
  );
  for (const r of rows.rechannelled) {
    await tx
      .update(demands)
      .set({ channel: r.channel, submittedBy: r.submittedBy, ownerLeaderId: r.ownerLeaderId })
      .where(and(eq(demands.zoneId, zoneId), eq(demands.id, r.demandId)));
    await tx
      .update(demandEvents)
      .set({ actorId: r.submittedBy, actorName: r.submitterName, data: sql`jsonb_set(${demandEvents.data}, '{channel}', ${JSON.stringify(r.channel)}::jsonb)` })
      .where(and(eq(demandEvents.zoneId, zoneId), eq(demandEvents.demandId, r.demandId), eq(demandEvents.kind, 'submitted')));
  }
  await inChunks(rows.issues, 500, (chunk) => tx.insert(visitIssues).values(chunk));
  for (const c of rows.counters) {
    await tx
      .insert(zoneCounters)
      .values({ zoneId, name: c.name, value: c.value })
      .onConflictDoUpdate({ target: [zoneCounters.zoneId, zoneCounters.name], set: { value: sql`greatest(${zoneCounters.value}, ${c.value})` } });
  }
}
