import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { bulletinPublications, bulletins, demandCategories, demands, departments, users, wechatAccounts } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import type { DemandFact } from '../../domain/bulletins/index.js';

export type BulletinRow = typeof bulletins.$inferSelect;
export type BulletinInsert = typeof bulletins.$inferInsert;

/** A zone day of a stored instant, in SQL. */
const day = (column: SQL | string, timeZone: string) =>
  sql`to_char((${typeof column === 'string' ? sql.raw(column) : column}) at time zone ${timeZone}, 'YYYY-MM-DD')`;

/**
 * The facts of every demand a bulletin for months up to `through` may count, back to the zone day
 * `since` (the first day of the previous month or of the year, whichever is earlier): anything
 * received, accepted, settled or closed since then, or due since then (overdue counts by due day).
 * About a month's and a year's demands of one zone: the zone_id-led indexes bound the scan.
 * Merged demands are received (as the demand statistics count them) but never settled.
 */
export async function loadDemandFacts(db: Queryable, zoneId: string, since: string, sinceInstant: Date, timeZone: string): Promise<DemandFact[]> {
  const s = sinceInstant.toISOString();
  const result = await db.execute(sql`
    select d.id, d.number, d.status, d.channel, d.category_code, c.name as category_name,
      d.lead_department_id, dep.name as lead_department_name,
      ${day('d.submitted_at', timeZone)} as submitted_on,
      ${day('d.accepted_at', timeZone)} as accepted_on,
      ${day('d.closed_at', timeZone)} as closed_on,
      ${day('d.settled_at', timeZone)} as settled_on,
      to_char(d.due_on, 'YYYY-MM-DD') as due_on, d.due_provisional, d.settled_on_time, d.extended, d.reopen_count,
      d.resolved, d.confirmed_by_default, d.satisfaction, d.confidentiality
    from demands d
    join demand_categories c on c.zone_id = d.zone_id and c.code = d.category_code
    left join departments dep on dep.zone_id = d.zone_id and dep.id = d.lead_department_id
    where d.zone_id = ${zoneId}
      and (d.submitted_at >= ${s} or d.accepted_at >= ${s} or d.settled_at >= ${s} or d.closed_at >= ${s} or d.due_on >= ${since})`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    status: r.status as DemandFact['status'],
    channel: r.channel as DemandFact['channel'],
    categoryCode: r.category_code as string,
    categoryName: r.category_name as string,
    leadDepartmentId: (r.lead_department_id as string | null) ?? null,
    leadDepartmentName: (r.lead_department_name as string | null) ?? null,
    submittedOn: r.submitted_on as string,
    acceptedOn: (r.accepted_on as string | null) ?? null,
    closedOn: (r.closed_on as string | null) ?? null,
    settledOn: (r.settled_on as string | null) ?? null,
    dueOn: (r.due_on as string | null) ?? null,
    dueProvisional: r.due_provisional as boolean,
    settledOnTime: (r.settled_on_time as boolean | null) ?? null,
    extended: r.extended as boolean,
    reopenCount: Number(r.reopen_count),
    resolved: (r.resolved as boolean | null) ?? null,
    confirmedByDefault: r.confirmed_by_default as boolean,
    satisfaction: (r.satisfaction as DemandFact['satisfaction']) ?? null,
    confidentiality: r.confidentiality as DemandFact['confidentiality'],
  }));
}

/** Demands for typical cases, with what a public text needs. */
export async function loadCaseDemands(db: Queryable, zoneId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({
    id: demands.id,
    number: demands.number,
    enterpriseId: demands.enterpriseId,
    title: demands.title,
    description: demands.description,
    anonymisedTitle: demands.anonymisedTitle,
    anonymisedDescription: demands.anonymisedDescription,
    answer: demands.answer,
    confidentiality: demands.confidentiality,
    status: demands.status,
    submittedAt: demands.submittedAt,
    settledAt: demands.settledAt,
    settledOnTime: demands.settledOnTime,
    satisfaction: demands.satisfaction,
    categoryName: demandCategories.name,
    departmentName: departments.name,
  })
    .from(demands)
    .innerJoin(demandCategories, and(eq(demandCategories.zoneId, demands.zoneId), eq(demandCategories.code, demands.categoryCode)))
    .leftJoin(departments, and(eq(departments.zoneId, demands.zoneId), eq(departments.id, demands.leadDepartmentId)))
    .where(and(eq(demands.zoneId, zoneId), inArray(demands.id, ids)));
}

/** Candidates for typical cases: settled within [from, before) and not private, most recent first. */
export async function listCaseCandidates(db: Queryable, zoneId: string, fromInstant: Date, beforeInstant: Date) {
  return db.select({
    id: demands.id,
    number: demands.number,
    title: demands.title,
    categoryName: demandCategories.name,
    departmentName: departments.name,
    confidentiality: demands.confidentiality,
    settledOnTime: demands.settledOnTime,
    satisfaction: demands.satisfaction,
  })
    .from(demands)
    .innerJoin(demandCategories, and(eq(demandCategories.zoneId, demands.zoneId), eq(demandCategories.code, demands.categoryCode)))
    .leftJoin(departments, and(eq(departments.zoneId, demands.zoneId), eq(departments.id, demands.leadDepartmentId)))
    .where(and(
      eq(demands.zoneId, zoneId),
      sql`${demands.settledAt} >= ${fromInstant.toISOString()} and ${demands.settledAt} < ${beforeInstant.toISOString()}`,
      sql`${demands.confidentiality} <> 'private'`,
    ))
    .orderBy(desc(demands.settledAt))
    .limit(300);
}

export async function findBulletinRow(db: Queryable, zoneId: string, id: string, forUpdate = false): Promise<BulletinRow | undefined> {
  const q = db.select().from(bulletins).where(and(eq(bulletins.zoneId, zoneId), eq(bulletins.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function listMonthVersions(db: Queryable, zoneId: string, month: string): Promise<BulletinRow[]> {
  return db.select().from(bulletins).where(and(eq(bulletins.zoneId, zoneId), eq(bulletins.month, month))).orderBy(desc(bulletins.version));
}

export async function listBulletinRows(db: Queryable, zoneId: string, f: { year?: number; status?: string; publicOnly?: boolean; limit: number; offset: number }) {
  const conds: SQL[] = [eq(bulletins.zoneId, zoneId)];
  if (f.year) conds.push(sql`${bulletins.month} like ${`${f.year}-%`}`);
  if (f.status) conds.push(eq(bulletins.status, f.status));
  if (f.publicOnly) conds.push(inArray(bulletins.status, ['published', 'superseded']));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    db.select().from(bulletins).where(where).orderBy(desc(bulletins.month), desc(bulletins.version)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(bulletins).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function insertBulletin(tx: Tx, row: BulletinInsert): Promise<void> {
  await tx.insert(bulletins).values(row);
}

export async function updateBulletin(tx: Tx, zoneId: string, id: string, patch: Partial<BulletinInsert>): Promise<void> {
  await tx.update(bulletins).set(patch).where(and(eq(bulletins.zoneId, zoneId), eq(bulletins.id, id)));
}

// ─── Publications to the WeChat official account ───────────────────────────
export type PublicationRow = typeof bulletinPublications.$inferSelect;

export async function latestPublication(db: Queryable, zoneId: string, bulletinId: string): Promise<PublicationRow | undefined> {
  const [row] = await db.select().from(bulletinPublications)
    .where(and(eq(bulletinPublications.zoneId, zoneId), eq(bulletinPublications.bulletinId, bulletinId)))
    .orderBy(desc(bulletinPublications.createdAt)).limit(1);
  return row;
}

export async function findPublicationByPublishId(db: Queryable, zoneId: string, publishId: string): Promise<PublicationRow | undefined> {
  const [row] = await db.select().from(bulletinPublications).where(and(eq(bulletinPublications.zoneId, zoneId), eq(bulletinPublications.publishId, publishId)));
  return row;
}

/** Publications still waiting for the platform's result, in every zone (the worker polls them). */
export async function listOpenPublications(db: Queryable): Promise<PublicationRow[]> {
  return db.select().from(bulletinPublications).where(inArray(bulletinPublications.status, ['submitted', 'publishing']));
}

export async function insertPublication(tx: Tx, row: PublicationRow): Promise<void> {
  await tx.insert(bulletinPublications).values(row);
}

/** Updates a publication; with `expected`, only if its status and updatedAt are still those (compare and set). */
export async function updatePublication(
  tx: Tx, zoneId: string, id: string, patch: Partial<PublicationRow>, expected?: { status: string; updatedAt: Date },
): Promise<boolean> {
  const conds = [eq(bulletinPublications.zoneId, zoneId), eq(bulletinPublications.id, id)];
  if (expected) conds.push(eq(bulletinPublications.status, expected.status), eq(bulletinPublications.updatedAt, expected.updatedAt));
  const rows = await tx.update(bulletinPublications).set(patch).where(and(...conds)).returning({ id: bulletinPublications.id });
  return rows.length > 0;
}

export async function wechatEnabled(db: Queryable, zoneId: string): Promise<boolean> {
  const [row] = await db.select({ enabled: wechatAccounts.enabled }).from(wechatAccounts).where(eq(wechatAccounts.zoneId, zoneId));
  return row?.enabled ?? false;
}

/** The names of the zone's people (staff and enterprise users), masked in public text wherever they appear. */
export async function listPeopleNames(db: Queryable, zoneId: string): Promise<string[]> {
  const rows = await db.select({ name: users.displayName }).from(users).where(eq(users.zoneId, zoneId));
  return [...new Set(rows.map((r) => r.name).filter((n) => n.length >= 2))];
}
