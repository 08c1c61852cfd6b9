import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import {
  demandCategories, demands, departments, enterprises, themes, users, visitCadres, visitDepartments, visitEnterprises, visitIssues, visitPhotos, visits,
} from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import { UNSETTLED_STATUSES } from '../../domain/demands/index.js';
import type { HalfDay, VisitStatus } from '../../domain/visits/index.js';

export type VisitRow = typeof visits.$inferSelect;
export type VisitInsert = typeof visits.$inferInsert;

/** Which visits a list may hold: all of the zone, or those the person takes part in. */
export type VisitScope =
  | { kind: 'all' }
  | { kind: 'participant'; userId: string; departmentId: string | null; cadre: boolean };

export type VisitFilter = {
  scope: VisitScope;
  from?: string;
  to?: string;
  leaderId?: string;
  themeId?: string;
  enterpriseId?: string;
  status?: VisitStatus;
  /** Leave cancelled visits out (they hold no slot and count nowhere). */
  withoutCancelled?: boolean;
  limit: number;
  offset: number;
};

function whereOf(zoneId: string, f: VisitFilter): SQL {
  const conds: SQL[] = [eq(visits.zoneId, zoneId)];
  if (f.scope.kind === 'participant') {
    const any: SQL[] = [];
    if (f.scope.cadre) {
      any.push(sql`exists (select 1 from visit_cadres c where c.zone_id = ${visits.zoneId} and c.visit_id = ${visits.id} and c.user_id = ${f.scope.userId})`);
      any.push(sql`exists (select 1 from visit_enterprises ve join enterprises e on e.zone_id = ve.zone_id and e.id = ve.enterprise_id
        where ve.zone_id = ${visits.zoneId} and ve.visit_id = ${visits.id} and e.cadre_id = ${f.scope.userId})`);
    }
    if (f.scope.departmentId) {
      any.push(sql`exists (select 1 from visit_departments d where d.zone_id = ${visits.zoneId} and d.visit_id = ${visits.id} and d.department_id = ${f.scope.departmentId})`);
    }
    conds.push(any.length ? sql`(${sql.join(any, sql` or `)})` : sql`false`);
  }
  if (f.from) conds.push(gte(visits.visitOn, f.from));
  if (f.to) conds.push(lte(visits.visitOn, f.to));
  if (f.leaderId) conds.push(eq(visits.leaderId, f.leaderId));
  if (f.themeId) conds.push(eq(visits.themeId, f.themeId));
  if (f.status) conds.push(eq(visits.status, f.status));
  if (f.withoutCancelled) conds.push(ne(visits.status, 'cancelled'));
  if (f.enterpriseId) {
    conds.push(sql`exists (select 1 from visit_enterprises ve where ve.zone_id = ${visits.zoneId} and ve.visit_id = ${visits.id} and ve.enterprise_id = ${f.enterpriseId})`);
  }
  return and(...conds) as SQL;
}

export async function listVisitRows(db: Queryable, zoneId: string, f: VisitFilter): Promise<{ rows: VisitRow[]; total: number }> {
  const where = whereOf(zoneId, f);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(visits).where(where)
      .orderBy(asc(visits.visitOn), sql`case ${visits.halfDay} when 'am' then 0 else 1 end`, asc(visits.number))
      .limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(visits).where(where),
  ]);
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function findVisitRow(db: Queryable, zoneId: string, id: string, forUpdate = false): Promise<VisitRow | undefined> {
  const q = db.select().from(visits).where(and(eq(visits.zoneId, zoneId), eq(visits.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The people, places and counts around a set of visits, for presenting them. */
export type VisitChildren = {
  enterprises: { id: string; name: string; cadreId: string | null; raised: string | null }[];
  departments: { id: string; name: string; attended: boolean | null }[];
  cadres: { id: string; name: string }[];
  demandCount: number;
  openDemandCount: number;
};

export async function loadVisitChildren(db: Queryable, zoneId: string, visitIds: string[]): Promise<Map<string, VisitChildren>> {
  const out = new Map<string, VisitChildren>(visitIds.map((id) => [id, { enterprises: [], departments: [], cadres: [], demandCount: 0, openDemandCount: 0 }]));
  if (visitIds.length === 0) return out;
  // One after the other: `db` may be a transaction's single connection.
  const ents = await db.select({ visitId: visitEnterprises.visitId, id: enterprises.id, name: enterprises.name, cadreId: enterprises.cadreId, raised: visitEnterprises.raised })
      .from(visitEnterprises)
      .innerJoin(enterprises, and(eq(enterprises.zoneId, visitEnterprises.zoneId), eq(enterprises.id, visitEnterprises.enterpriseId)))
      .where(and(eq(visitEnterprises.zoneId, zoneId), inArray(visitEnterprises.visitId, visitIds)))
      .orderBy(asc(visitEnterprises.position), asc(enterprises.name));
  const deps = await db.select({ visitId: visitDepartments.visitId, id: departments.id, name: departments.name, attended: visitDepartments.attended })
      .from(visitDepartments)
      .innerJoin(departments, and(eq(departments.zoneId, visitDepartments.zoneId), eq(departments.id, visitDepartments.departmentId)))
      .where(and(eq(visitDepartments.zoneId, zoneId), inArray(visitDepartments.visitId, visitIds)))
      .orderBy(asc(departments.name));
  const cads = await db.select({ visitId: visitCadres.visitId, id: users.id, name: users.displayName })
      .from(visitCadres)
      .innerJoin(users, and(eq(users.zoneId, visitCadres.zoneId), eq(users.id, visitCadres.userId)))
      .where(and(eq(visitCadres.zoneId, zoneId), inArray(visitCadres.visitId, visitIds)))
      .orderBy(asc(users.displayName));
  const dems = await db.select({
      visitId: demands.visitId,
      total: count(),
      open: sql<number>`count(*) filter (where ${inArray(demands.status, [...UNSETTLED_STATUSES])})`,
    })
      .from(demands)
      .where(and(eq(demands.zoneId, zoneId), inArray(demands.visitId, visitIds)))
      .groupBy(demands.visitId);
  for (const e of ents) out.get(e.visitId)!.enterprises.push({ id: e.id, name: e.name, cadreId: e.cadreId, raised: e.raised });
  for (const d of deps) out.get(d.visitId)!.departments.push({ id: d.id, name: d.name, attended: d.attended });
  for (const c of cads) out.get(c.visitId)!.cadres.push({ id: c.id, name: c.name });
  for (const d of dems) {
    const v = out.get(d.visitId!)!;
    v.demandCount = Number(d.total);
    v.openDemandCount = Number(d.open);
  }
  return out;
}

/** Names of users and themes by id, for presenting. */
export async function userNames(db: Queryable, zoneId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.zoneId, zoneId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function themeRows(db: Queryable, zoneId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map<string, typeof themes.$inferSelect>();
  const rows = await db.select().from(themes).where(and(eq(themes.zoneId, zoneId), inArray(themes.id, wanted)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The leader's visits on one day that still hold their slot (not cancelled). */
export async function listLeaderDayVisits(db: Queryable, zoneId: string, leaderId: string, day: string) {
  return db.select({ id: visits.id, number: visits.number, leaderId: visits.leaderId, date: visits.visitOn, halfDay: visits.halfDay, status: visits.status })
    .from(visits)
    .where(and(eq(visits.zoneId, zoneId), eq(visits.leaderId, leaderId), eq(visits.visitOn, day), ne(visits.status, 'cancelled')));
}

/**
 * For each enterprise, the date of its visit (not cancelled, other than `excludeVisitId`) nearest to
 * `day`: what the 无事不扰 warning compares with.
 */
export async function nearestVisitDates(db: Queryable, zoneId: string, enterpriseIds: string[], day: string, excludeVisitId: string | null) {
  if (enterpriseIds.length === 0) return new Map<string, string>();
  const result = await db.execute(sql`
    select distinct on (ve.enterprise_id) ve.enterprise_id, to_char(v.visit_on, 'YYYY-MM-DD') as visit_on
    from visit_enterprises ve
    join visits v on v.zone_id = ve.zone_id and v.id = ve.visit_id
    where ve.zone_id = ${zoneId} and ve.enterprise_id in ${sql`(${sql.join(enterpriseIds.map((id) => sql`${id}`), sql`, `)})`}
      and v.status <> 'cancelled' ${excludeVisitId ? sql`and v.id <> ${excludeVisitId}` : sql``}
    order by ve.enterprise_id, abs(v.visit_on - ${day}::date), v.visit_on desc`);
  const list = (result as unknown as { rows: { enterprise_id: string; visit_on: string }[] }).rows;
  return new Map(list.map((r) => [r.enterprise_id, r.visit_on]));
}

/**
 * Serialises planning for one leader: two plans for the same half-day cannot both pass the check.
 * FOR NO KEY UPDATE, not FOR UPDATE: it does not block the key-share locks that inserts referencing
 * the user take (notifications, sessions), so it cannot deadlock with them.
 */
export async function lockLeader(tx: Tx, zoneId: string, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(and(eq(users.zoneId, zoneId), eq(users.id, userId))).for('no key update');
}

/** The partial unique index that backs the slot check: one visit not cancelled per leader and half-day. */
export const VISIT_SLOT_KEY = 'visits_leader_slot_key';

/** Whether a failed write broke VISIT_SLOT_KEY (a concurrent plan took the half-day). */
export function isSlotTaken(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === VISIT_SLOT_KEY) return true;
  }
  return false;
}

export async function insertVisit(tx: Tx, row: VisitInsert): Promise<void> {
  await tx.insert(visits).values(row);
}

export async function updateVisit(tx: Tx, zoneId: string, id: string, patch: Partial<VisitInsert>): Promise<void> {
  await tx.update(visits).set(patch).where(and(eq(visits.zoneId, zoneId), eq(visits.id, id)));
}

/** Replaces the visit's enterprises, keeping what each one raised if it stays. */
export async function replaceVisitEnterprises(tx: Tx, zoneId: string, visitId: string, enterpriseIds: string[]): Promise<void> {
  const current = await tx.select().from(visitEnterprises).where(and(eq(visitEnterprises.zoneId, zoneId), eq(visitEnterprises.visitId, visitId)));
  const raised = new Map(current.map((c) => [c.enterpriseId, c.raised]));
  await tx.delete(visitEnterprises).where(and(eq(visitEnterprises.zoneId, zoneId), eq(visitEnterprises.visitId, visitId)));
  if (enterpriseIds.length) {
    await tx.insert(visitEnterprises).values(enterpriseIds.map((enterpriseId, position) => ({ zoneId, visitId, enterpriseId, position, raised: raised.get(enterpriseId) ?? null })));
  }
}

export async function setRaised(tx: Tx, zoneId: string, visitId: string, enterpriseId: string, raised: string | null): Promise<void> {
  await tx.update(visitEnterprises).set({ raised })
    .where(and(eq(visitEnterprises.zoneId, zoneId), eq(visitEnterprises.visitId, visitId), eq(visitEnterprises.enterpriseId, enterpriseId)));
}

export async function replaceVisitDepartments(tx: Tx, zoneId: string, visitId: string, rows: { departmentId: string; attended: boolean | null }[]): Promise<void> {
  await tx.delete(visitDepartments).where(and(eq(visitDepartments.zoneId, zoneId), eq(visitDepartments.visitId, visitId)));
  if (rows.length) await tx.insert(visitDepartments).values(rows.map((r) => ({ zoneId, visitId, ...r })));
}

export async function replaceVisitCadres(tx: Tx, zoneId: string, visitId: string, userIds: string[]): Promise<void> {
  await tx.delete(visitCadres).where(and(eq(visitCadres.zoneId, zoneId), eq(visitCadres.visitId, visitId)));
  if (userIds.length) await tx.insert(visitCadres).values(userIds.map((userId) => ({ zoneId, visitId, userId })));
}

export async function insertIssue(tx: Tx, row: typeof visitIssues.$inferInsert): Promise<void> {
  await tx.insert(visitIssues).values(row);
}

export async function listIssues(db: Queryable, zoneId: string, visitId: string) {
  return db.select({
    issue: visitIssues,
    enterpriseName: enterprises.name,
    categoryName: demandCategories.name,
    createdByName: users.displayName,
  })
    .from(visitIssues)
    .innerJoin(enterprises, and(eq(enterprises.zoneId, visitIssues.zoneId), eq(enterprises.id, visitIssues.enterpriseId)))
    .innerJoin(demandCategories, and(eq(demandCategories.zoneId, visitIssues.zoneId), eq(demandCategories.code, visitIssues.categoryCode)))
    .leftJoin(users, and(eq(users.zoneId, visitIssues.zoneId), eq(users.id, visitIssues.createdBy)))
    .where(and(eq(visitIssues.zoneId, zoneId), eq(visitIssues.visitId, visitId)))
    .orderBy(asc(visitIssues.seq));
}

/** The enterprises with problems recorded at the visit's on-site office (they cannot leave the visit). */
export async function issueEnterpriseIds(db: Queryable, zoneId: string, visitId: string): Promise<Set<string>> {
  const rows = await db.selectDistinct({ id: visitIssues.enterpriseId }).from(visitIssues)
    .where(and(eq(visitIssues.zoneId, zoneId), eq(visitIssues.visitId, visitId)));
  return new Set(rows.map((r) => r.id));
}

/** Demand ids created at the visit's on-site office (they stay linked; gathered ones may be unlinked). */
export async function issueDemandIds(db: Queryable, zoneId: string, visitId: string): Promise<Set<string>> {
  const rows = await db.select({ id: visitIssues.demandId }).from(visitIssues)
    .where(and(eq(visitIssues.zoneId, zoneId), eq(visitIssues.visitId, visitId)));
  return new Set(rows.map((r) => r.id).filter((id): id is string => !!id));
}

/** The visit's demands, newest first. */
export async function visitDemandIds(db: Queryable, zoneId: string, visitId: string): Promise<string[]> {
  const rows = await db.select({ id: demands.id }).from(demands)
    .where(and(eq(demands.zoneId, zoneId), eq(demands.visitId, visitId)))
    .orderBy(desc(demands.submittedAt));
  return rows.map((r) => r.id);
}

export async function insertPhoto(tx: Tx, row: typeof visitPhotos.$inferInsert): Promise<void> {
  await tx.insert(visitPhotos).values(row);
}

export async function listPhotos(db: Queryable, zoneId: string, visitId: string) {
  return db.select({ photo: visitPhotos, uploadedByName: users.displayName })
    .from(visitPhotos)
    .leftJoin(users, and(eq(users.zoneId, visitPhotos.zoneId), eq(users.id, visitPhotos.uploadedBy)))
    .where(and(eq(visitPhotos.zoneId, zoneId), eq(visitPhotos.visitId, visitId)))
    .orderBy(asc(visitPhotos.uploadedAt));
}

export type HalfDaySlot = { visitOn: string; halfDay: HalfDay };
