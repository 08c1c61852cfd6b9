import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import {
  demands, departments, enterpriseThemes, enterprises, themes, users, visitCadres, visitDepartments, visitEnterprises, visits,
} from '../../db/schema/index.js';
import type { Queryable } from '../../db/client.js';

/** Reads of the visit brief (走访简报). The enterprise's own rows come from enterprises.repository.ts. */

export type BriefVisitRow = {
  id: string;
  number: string;
  visitOn: string;
  halfDay: string;
  status: string;
  purpose: string | null;
  leaderId: string;
  leaderName: string;
  themeId: string | null;
  themeName: string | null;
  guidingQuestions: string[] | null;
};

export async function findBriefVisit(db: Queryable, zoneId: string, visitId: string): Promise<BriefVisitRow | undefined> {
  const [row] = await db
    .select({
      id: visits.id,
      number: visits.number,
      visitOn: visits.visitOn,
      halfDay: visits.halfDay,
      status: visits.status,
      purpose: visits.purpose,
      leaderId: visits.leaderId,
      leaderName: users.displayName,
      themeId: visits.themeId,
      themeName: themes.name,
      guidingQuestions: themes.guidingQuestions,
    })
    .from(visits)
    .innerJoin(users, and(eq(users.zoneId, visits.zoneId), eq(users.id, visits.leaderId)))
    .leftJoin(themes, and(eq(themes.zoneId, visits.zoneId), eq(themes.id, visits.themeId)))
    .where(and(eq(visits.zoneId, zoneId), eq(visits.id, visitId)));
  return row;
}

/** The visit's enterprises in the visit's order, with their liaison cadre (the policy needs it). */
export async function listBriefEnterprises(db: Queryable, zoneId: string, visitId: string) {
  return db
    .select({ enterpriseId: visitEnterprises.enterpriseId, cadreId: enterprises.cadreId })
    .from(visitEnterprises)
    .innerJoin(enterprises, and(eq(enterprises.zoneId, visitEnterprises.zoneId), eq(enterprises.id, visitEnterprises.enterpriseId)))
    .where(and(eq(visitEnterprises.zoneId, zoneId), eq(visitEnterprises.visitId, visitId)))
    .orderBy(asc(visitEnterprises.position), asc(enterprises.name));
}

export async function listBriefDepartments(db: Queryable, zoneId: string, visitId: string) {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(visitDepartments)
    .innerJoin(departments, and(eq(departments.zoneId, visitDepartments.zoneId), eq(departments.id, visitDepartments.departmentId)))
    .where(and(eq(visitDepartments.zoneId, zoneId), eq(visitDepartments.visitId, visitId)))
    .orderBy(asc(departments.name));
}

export async function listBriefCadres(db: Queryable, zoneId: string, visitId: string) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(visitCadres)
    .innerJoin(users, and(eq(users.zoneId, visitCadres.zoneId), eq(users.id, visitCadres.userId)))
    .where(and(eq(visitCadres.zoneId, zoneId), eq(visitCadres.visitId, visitId)))
    .orderBy(asc(users.displayName));
}

export async function userNames(db: Queryable, zoneId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.zoneId, zoneId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Theme names of each enterprise, by name. */
export async function enterpriseThemeNames(db: Queryable, zoneId: string, enterpriseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (enterpriseIds.length === 0) return out;
  const rows = await db
    .select({ enterpriseId: enterpriseThemes.enterpriseId, name: themes.name })
    .from(enterpriseThemes)
    .innerJoin(themes, and(eq(themes.zoneId, enterpriseThemes.zoneId), eq(themes.id, enterpriseThemes.themeId)))
    .where(and(eq(enterpriseThemes.zoneId, zoneId), inArray(enterpriseThemes.enterpriseId, enterpriseIds)))
    .orderBy(asc(themes.name));
  for (const r of rows) out.set(r.enterpriseId, [...(out.get(r.enterpriseId) ?? []), r.name]);
  return out;
}

/**
 * Ids of the enterprises' demands the brief shows: those not yet settled, those settled since
 * `settledSince`, and every demand linked to this visit. At most `cap` per kind, most urgent first.
 */
export async function briefDemandIds(
  db: Queryable, zoneId: string, enterpriseIds: string[], visitId: string, settledSince: Date, cap = 500,
): Promise<string[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .select({ id: demands.id })
    .from(demands)
    .where(and(
      eq(demands.zoneId, zoneId),
      inArray(demands.enterpriseId, enterpriseIds),
      or(
        inArray(demands.status, ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting']),
        and(inArray(demands.status, ['settled', 'closed']), gte(demands.settledAt, settledSince)),
        eq(demands.visitId, visitId),
      ),
    ))
    .orderBy(sql`${demands.dueOn} asc nulls last`, desc(demands.submittedAt))
    .limit(cap);
  return rows.map((r) => r.id);
}

export type PreviousVisitRow = {
  enterpriseId: string;
  id: string;
  number: string;
  visitOn: string;
  halfDay: string;
  leaderName: string;
  themeName: string | null;
  problemCount: number;
};

/** Done visits to the enterprises on or before `onOrBefore`, other than `visitId`, newest first. */
export async function listPreviousVisits(
  db: Queryable, zoneId: string, enterpriseIds: string[], visitId: string, onOrBefore: string,
): Promise<PreviousVisitRow[]> {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({
      enterpriseId: visitEnterprises.enterpriseId,
      id: visits.id,
      number: visits.number,
      visitOn: visits.visitOn,
      halfDay: visits.halfDay,
      leaderName: users.displayName,
      themeName: themes.name,
      problemCount: sql<number>`(select count(*) from visit_issues i where i.zone_id = ${visits.zoneId} and i.visit_id = ${visits.id} and i.enterprise_id = ${visitEnterprises.enterpriseId})`.mapWith(Number),
    })
    .from(visitEnterprises)
    .innerJoin(visits, and(eq(visits.zoneId, visitEnterprises.zoneId), eq(visits.id, visitEnterprises.visitId)))
    .innerJoin(users, and(eq(users.zoneId, visits.zoneId), eq(users.id, visits.leaderId)))
    .leftJoin(themes, and(eq(themes.zoneId, visits.zoneId), eq(themes.id, visits.themeId)))
    .where(and(
      eq(visitEnterprises.zoneId, zoneId),
      inArray(visitEnterprises.enterpriseId, enterpriseIds),
      eq(visits.status, 'done'),
      ne(visits.id, visitId),
      lte(visits.visitOn, onOrBefore),
    ))
    .orderBy(desc(visits.visitOn), desc(visits.halfDay), desc(visits.number))
    .limit(1000);
}
