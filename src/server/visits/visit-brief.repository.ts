import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { demands, enterpriseThemes, themes, users, visitEnterprises, visits } from '../../db/schema/index.js';
import type { Queryable } from '../../db/client.js';
import { UNSETTLED_STATUSES } from '../../domain/demands/index.js';

/** Reads of the visit brief (走访简报). The enterprise's own rows come from enterprises.repository.ts. */

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
        inArray(demands.status, [...UNSETTLED_STATUSES]),
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
