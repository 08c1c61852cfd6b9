import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  demandAssistingDepartments, demandAttachments, demandCategories, demandEscalations, demandEvents, demandExtensions, demands, departments, enterprises,
  users, zoneCounters,
} from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import { OPEN_STATUSES, HANDLING_STATUSES, BOUNCE_FLAG_THRESHOLD, type DemandStatus } from '../../domain/demands/index.js';

export type DemandRow = typeof demands.$inferSelect;
export type DemandInsert = typeof demands.$inferInsert;
export type DemandEventRow = typeof demandEvents.$inferSelect;
export type DemandExtensionRow = typeof demandExtensions.$inferSelect;
export type DemandAttachmentRow = typeof demandAttachments.$inferSelect;
export type DemandCategoryRow = typeof demandCategories.$inferSelect;

/** A demand with what the rules and the list need from its neighbours. */
export type DemandListRow = DemandRow & {
  enterpriseName: string;
  enterpriseCadreId: string | null;
  categoryName: string;
  leadDepartmentName: string | null;
  hasPendingExtension: boolean;
};

const pendingExtension = sql<boolean>`exists (select 1 from demand_extensions x where x.zone_id = demands.zone_id and x.demand_id = demands.id and x.status = 'pending')`;

const listColumns = {
  demand: demands,
  enterpriseName: enterprises.name,
  enterpriseCadreId: enterprises.cadreId,
  categoryName: demandCategories.name,
  leadDepartmentName: departments.name,
  hasPendingExtension: pendingExtension,
};

function flatten(r: { demand: DemandRow; enterpriseName: string; enterpriseCadreId: string | null; categoryName: string; leadDepartmentName: string | null; hasPendingExtension: boolean }): DemandListRow {
  return { ...r.demand, enterpriseName: r.enterpriseName, enterpriseCadreId: r.enterpriseCadreId, categoryName: r.categoryName, leadDepartmentName: r.leadDepartmentName, hasPendingExtension: r.hasPendingExtension };
}

function baseSelect(db: Queryable) {
  return db
    .select(listColumns)
    .from(demands)
    .innerJoin(enterprises, and(eq(enterprises.zoneId, demands.zoneId), eq(enterprises.id, demands.enterpriseId)))
    .innerJoin(demandCategories, and(eq(demandCategories.zoneId, demands.zoneId), eq(demandCategories.code, demands.categoryCode)))
    .leftJoin(departments, and(eq(departments.zoneId, demands.zoneId), eq(departments.id, demands.leadDepartmentId)));
}

/**
 * Which demands a list may contain (from demands.policy.ts `demandListScope`): the whole zone, or
 * those where the asker is a party — its department leads or assists, its own enterprise's, its
 * enterprises as liaison cadre, or what it filed. A person with several roles gets the union.
 */
export type DemandScope =
  | { kind: 'all' }
  | { kind: 'parties'; departmentId: string | null; enterpriseId: string | null; cadreUserId: string | null; submitterId: string };

export type DemandFilter = {
  scope: DemandScope;
  statuses?: DemandStatus[];
  categoryCode?: string;
  departmentId?: string;
  enterpriseId?: string;
  /** The demands gathered for or raised in one visit. */
  visitId?: string;
  channel?: string;
  overdue?: boolean;
  provisional?: boolean;
  escalated?: boolean;
  flagged?: boolean;
  pendingExtension?: boolean;
  submittedFrom?: Date;
  submittedBefore?: Date;
  /** to_tsquery('simple', …) text from search-tokens.ts; '' matches nothing (a search with no usable word). */
  tsquery?: string;
  today: string;
  sort?: 'urgency' | 'submitted' | 'due' | 'number';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const assistedBy = (departmentId: string) =>
  sql`exists (select 1 from demand_assisting_departments a where a.zone_id = demands.zone_id and a.demand_id = demands.id and a.department_id = ${departmentId})`;

function overdueCondition(today: string): SQL {
  return and(inArray(demands.status, ['assigned', 'in_progress']), lt(demands.dueOn, today)) as SQL;
}

function whereOf(zoneId: string, f: DemandFilter): SQL {
  const conds: SQL[] = [eq(demands.zoneId, zoneId)];
  const s = f.scope;
  if (s.kind === 'parties') {
    const any: SQL[] = [eq(demands.submittedBy, s.submitterId)];
    if (s.departmentId) any.push(sql`(${demands.leadDepartmentId} = ${s.departmentId} or ${assistedBy(s.departmentId)})`);
    if (s.enterpriseId) any.push(eq(demands.enterpriseId, s.enterpriseId));
    if (s.cadreUserId) {
      any.push(sql`exists (select 1 from enterprises e where e.zone_id = demands.zone_id and e.id = demands.enterprise_id and e.cadre_id = ${s.cadreUserId})`);
    }
    conds.push(or(...any) as SQL);
  }
  if (f.statuses?.length) conds.push(inArray(demands.status, f.statuses));
  if (f.categoryCode) conds.push(eq(demands.categoryCode, f.categoryCode));
  if (f.departmentId) conds.push(sql`(${demands.leadDepartmentId} = ${f.departmentId} or ${assistedBy(f.departmentId)})`);
  if (f.enterpriseId) conds.push(eq(demands.enterpriseId, f.enterpriseId));
  if (f.visitId) conds.push(eq(demands.visitId, f.visitId));
  if (f.channel) conds.push(eq(demands.channel, f.channel));
  if (f.overdue === true) conds.push(overdueCondition(f.today));
  if (f.overdue === false) conds.push(sql`not coalesce(${overdueCondition(f.today)}, false)`);
  if (f.provisional !== undefined) {
    conds.push(f.provisional ? and(eq(demands.dueProvisional, true), inArray(demands.status, [...HANDLING_STATUSES])) as SQL : eq(demands.dueProvisional, false));
  }
  // 督办 stays on the list until the demand is settled (settling resolves its escalations).
  if (f.escalated === true) conds.push(and(sql`${demands.escalationLevel} > 0`, inArray(demands.status, ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting'])) as SQL);
  if (f.escalated === false) conds.push(eq(demands.escalationLevel, 0));
  if (f.flagged !== undefined) conds.push(f.flagged ? sql`${demands.bounceCount} > ${BOUNCE_FLAG_THRESHOLD}` : sql`${demands.bounceCount} <= ${BOUNCE_FLAG_THRESHOLD}`);
  if (f.pendingExtension !== undefined) conds.push(f.pendingExtension ? pendingExtension : sql`not ${pendingExtension}`);
  if (f.submittedFrom) conds.push(gte(demands.submittedAt, f.submittedFrom));
  if (f.submittedBefore) conds.push(lt(demands.submittedAt, f.submittedBefore));
  if (f.tsquery !== undefined) conds.push(f.tsquery === '' ? sql`false` : sql`to_tsvector('simple', ${demands.searchTokens}) @@ to_tsquery('simple', ${f.tsquery})`);
  return and(...conds) as SQL;
}

function orderOf(f: DemandFilter): SQL[] {
  const dir = f.order === 'asc' ? asc : desc;
  switch (f.sort) {
    case 'submitted':
      return [dir(demands.submittedAt), desc(demands.number)];
    case 'number':
      return [dir(demands.number)];
    case 'due':
      return [f.order === 'desc' ? sql`${demands.dueOn} desc nulls last` : sql`${demands.dueOn} asc nulls last`, desc(demands.submittedAt)];
    case 'urgency':
    default:
      // Work still to do first, then by deadline (overdue first), then the newest.
      return [
        sql`case when ${demands.status} in ('assigned','in_progress') then 0 when ${demands.status} in ('submitted','accepted','waiting') then 1 when ${demands.status} = 'settled' then 2 else 3 end`,
        sql`${demands.dueOn} asc nulls last`,
        desc(demands.submittedAt),
      ];
  }
}

/**
 * One page of a filtered list and the filter's total. The page is chosen on `demands` alone (its
 * own indexes, no joins), then only those rows are joined to their enterprise, category and
 * department: with 20,000 demands in a zone the joins stay at one page's size.
 */
export async function listDemandRows(db: Queryable, zoneId: string, f: DemandFilter): Promise<{ rows: DemandListRow[]; total: number }> {
  const where = whereOf(zoneId, f);
  const [page, [totalRow]] = await Promise.all([
    db.select({ id: demands.id }).from(demands).where(where).orderBy(...orderOf(f)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(demands).where(where),
  ]);
  const ids = page.map((p) => p.id);
  const byId = new Map((await findDemandsByIds(db, zoneId, ids)).map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total: Number(totalRow?.n ?? 0) };
}

export async function findDemandListRow(db: Queryable, zoneId: string, id: string, forUpdate = false): Promise<DemandListRow | undefined> {
  if (forUpdate) await db.execute(sql`select 1 from demands where zone_id = ${zoneId} and id = ${id} for update`);
  const [row] = await baseSelect(db).where(and(eq(demands.zoneId, zoneId), eq(demands.id, id)));
  return row ? flatten(row) : undefined;
}

/** Locks several demands for the transaction, always in id order, so two changes touching the same pair cannot deadlock. */
export async function lockDemands(tx: Tx, zoneId: string, ids: string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await tx.select({ id: demands.id }).from(demands).where(and(eq(demands.zoneId, zoneId), inArray(demands.id, sorted))).orderBy(asc(demands.id)).for('update');
}

export async function findDemandsByIds(db: Queryable, zoneId: string, ids: string[]): Promise<DemandListRow[]> {
  if (ids.length === 0) return [];
  const rows = await baseSelect(db).where(and(eq(demands.zoneId, zoneId), inArray(demands.id, ids)));
  return rows.map(flatten);
}

export async function insertDemand(tx: Tx, row: DemandInsert): Promise<void> {
  await tx.insert(demands).values(row);
}

export async function updateDemand(tx: Tx, zoneId: string, id: string, patch: Partial<DemandInsert>): Promise<void> {
  await tx.update(demands).set({ ...patch, updatedAt: new Date() }).where(and(eq(demands.zoneId, zoneId), eq(demands.id, id)));
}

export async function listAssisting(db: Queryable, zoneId: string, demandIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (demandIds.length === 0) return out;
  const rows = await db
    .select({ demandId: demandAssistingDepartments.demandId, id: departments.id, name: departments.name })
    .from(demandAssistingDepartments)
    .innerJoin(departments, and(eq(departments.zoneId, demandAssistingDepartments.zoneId), eq(departments.id, demandAssistingDepartments.departmentId)))
    .where(and(eq(demandAssistingDepartments.zoneId, zoneId), inArray(demandAssistingDepartments.demandId, demandIds)))
    .orderBy(asc(departments.name));
  for (const r of rows) out.set(r.demandId, [...(out.get(r.demandId) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export async function replaceAssisting(tx: Tx, zoneId: string, demandId: string, departmentIds: string[]): Promise<void> {
  await tx.delete(demandAssistingDepartments).where(and(eq(demandAssistingDepartments.zoneId, zoneId), eq(demandAssistingDepartments.demandId, demandId)));
  if (departmentIds.length > 0) {
    await tx.insert(demandAssistingDepartments).values(departmentIds.map((departmentId) => ({ zoneId, demandId, departmentId })));
  }
}

export async function insertEvents(tx: Tx, rows: (typeof demandEvents.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(demandEvents).values(rows);
}

export async function listEvents(db: Queryable, zoneId: string, demandId: string): Promise<DemandEventRow[]> {
  return db.select().from(demandEvents).where(and(eq(demandEvents.zoneId, zoneId), eq(demandEvents.demandId, demandId))).orderBy(asc(demandEvents.seq));
}

export async function listExtensions(db: Queryable, zoneId: string, demandId: string): Promise<DemandExtensionRow[]> {
  return db.select().from(demandExtensions).where(and(eq(demandExtensions.zoneId, zoneId), eq(demandExtensions.demandId, demandId))).orderBy(asc(demandExtensions.requestedAt));
}

export async function insertExtension(tx: Tx, row: typeof demandExtensions.$inferInsert): Promise<void> {
  await tx.insert(demandExtensions).values(row);
}

export async function updateExtension(tx: Tx, zoneId: string, id: string, patch: Partial<typeof demandExtensions.$inferInsert>): Promise<void> {
  await tx.update(demandExtensions).set(patch).where(and(eq(demandExtensions.zoneId, zoneId), eq(demandExtensions.id, id)));
}

/**
 * Closes the extension request still waiting for a decision when the demand leaves the department
 * that asked (returned, reassigned, settled, merged): refused, with no decider and `note`.
 */
export async function closePendingExtensions(tx: Tx, zoneId: string, demandId: string, at: Date, note: string): Promise<void> {
  await tx.update(demandExtensions).set({ status: 'refused', decidedAt: at, decidedBy: null, decisionNote: note })
    .where(and(eq(demandExtensions.zoneId, zoneId), eq(demandExtensions.demandId, demandId), eq(demandExtensions.status, 'pending')));
}

export async function listAttachments(db: Queryable, zoneId: string, demandId: string) {
  return db
    .select({ attachment: demandAttachments, uploadedByName: users.displayName })
    .from(demandAttachments)
    .leftJoin(users, and(eq(users.zoneId, demandAttachments.zoneId), eq(users.id, demandAttachments.uploadedBy)))
    .where(and(eq(demandAttachments.zoneId, zoneId), eq(demandAttachments.demandId, demandId)))
    .orderBy(asc(demandAttachments.uploadedAt));
}

export async function findAttachment(db: Queryable, zoneId: string, demandId: string, id: string): Promise<DemandAttachmentRow | undefined> {
  const [row] = await db.select().from(demandAttachments).where(and(eq(demandAttachments.zoneId, zoneId), eq(demandAttachments.demandId, demandId), eq(demandAttachments.id, id)));
  return row;
}

export async function insertAttachment(tx: Tx, row: typeof demandAttachments.$inferInsert): Promise<void> {
  await tx.insert(demandAttachments).values(row);
}

/** Demands merged into `id` (the other direction of the link). */
export async function listMergedFrom(db: Queryable, zoneId: string, id: string) {
  return db
    .select({ id: demands.id, number: demands.number, title: demands.title, status: demands.status })
    .from(demands)
    .where(and(eq(demands.zoneId, zoneId), eq(demands.mergedIntoId, id)))
    .orderBy(asc(demands.number));
}

/** The enterprise's demands still open, for duplicate suggestions. */
export async function listOpenDemandsOfEnterprise(db: Queryable, zoneId: string, enterpriseId: string) {
  return db
    .select({
      id: demands.id, number: demands.number, title: demands.title, description: demands.description, status: demands.status,
      submittedBy: demands.submittedBy, leadDepartmentId: demands.leadDepartmentId,
    })
    .from(demands)
    .where(and(eq(demands.zoneId, zoneId), eq(demands.enterpriseId, enterpriseId), inArray(demands.status, [...OPEN_STATUSES])))
    .orderBy(desc(demands.submittedAt))
    .limit(500);
}

/** The next value of a per-zone counter, inside the caller's transaction (row lock serialises writers). */
export async function nextCounter(tx: Tx, zoneId: string, name: string): Promise<number> {
  const [row] = await tx
    .insert(zoneCounters)
    .values({ zoneId, name, value: 1 })
    .onConflictDoUpdate({ target: [zoneCounters.zoneId, zoneCounters.name], set: { value: sql`${zoneCounters.value} + 1` } })
    .returning({ value: zoneCounters.value });
  return row!.value;
}

// ─── Categories ────────────────────────────────────────────────────────────
export async function listCategoryRows(db: Queryable, zoneId: string) {
  return db
    .select({ category: demandCategories, departmentName: departments.name })
    .from(demandCategories)
    .leftJoin(departments, and(eq(departments.zoneId, demandCategories.zoneId), eq(departments.id, demandCategories.defaultDepartmentId)))
    .where(eq(demandCategories.zoneId, zoneId))
    .orderBy(asc(demandCategories.position), asc(demandCategories.code));
}

export async function findCategory(db: Queryable, zoneId: string, code: string): Promise<DemandCategoryRow | undefined> {
  const [row] = await db.select().from(demandCategories).where(and(eq(demandCategories.zoneId, zoneId), eq(demandCategories.code, code)));
  return row;
}

export async function insertCategories(tx: Tx, rows: (typeof demandCategories.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(demandCategories).values(rows).onConflictDoNothing();
}

export async function updateCategory(tx: Tx, zoneId: string, code: string, patch: Partial<typeof demandCategories.$inferInsert>): Promise<void> {
  await tx.update(demandCategories).set(patch).where(and(eq(demandCategories.zoneId, zoneId), eq(demandCategories.code, code)));
}

/** Open demands whose deadline was computed on a provisional year: recomputed when an official year is loaded. */
export async function listProvisionalDeadlines(db: Queryable, zoneId: string) {
  return db
    .select({ id: demands.id, baseOn: demands.deadlineBaseOn, days: demands.deadlineDays, pausedDays: demands.pausedDays, dueOn: demands.dueOn, status: demands.status })
    .from(demands)
    .where(and(eq(demands.zoneId, zoneId), eq(demands.dueProvisional, true), inArray(demands.status, [...HANDLING_STATUSES])));
}

// ─── Escalations ───────────────────────────────────────────────────────────
export async function insertEscalation(tx: Tx, row: typeof demandEscalations.$inferInsert): Promise<void> {
  await tx.insert(demandEscalations).values(row);
}

export async function resolveEscalations(tx: Tx, zoneId: string, demandId: string, at: Date): Promise<void> {
  await tx.update(demandEscalations).set({ resolvedAt: at })
    .where(and(eq(demandEscalations.zoneId, zoneId), eq(demandEscalations.demandId, demandId), sql`${demandEscalations.resolvedAt} is null`));
}

// ─── Counts ────────────────────────────────────────────────────────────────
export type CountGroup = 'category' | 'department' | 'channel' | null;
export type CountRow = {
  key: string | null; name: string | null; received: number; accepted: number; declined: number; settled: number; settledOnTime: number;
  overdue: number; extended: number; reopened: number; confirmedByDefault: number; rated: number; satisfiedOrBasically: number;
};

const GROUPS = {
  category: { key: sql`d.category_code`, name: sql`(select c.name from demand_categories c where c.zone_id = d.zone_id and c.code = d.category_code)` },
  department: { key: sql`d.lead_department_id::text`, name: sql`(select p.name from departments p where p.zone_id = d.zone_id and p.id = d.lead_department_id)` },
  channel: { key: sql`d.channel`, name: sql`d.channel` },
} as const;

/**
 * The seed's counts for a period [from, before) of instants and the zone's `today`:
 * received (submitted in the period), settled and settled on time (settled in the period),
 * overdue (deadline in the period and either settled late or still unsettled after it), and so on.
 */
export async function countDemands(db: Queryable, zoneId: string, from: Date, before: Date, fromDay: string, toDay: string, today: string, group: CountGroup): Promise<CountRow[]> {
  const g = group ? GROUPS[group] : null;
  const f = from.toISOString();
  const b = before.toISOString();
  const inPeriod = (col: string) => sql.raw(`d.${col} >= '${f}' and d.${col} < '${b}'`);
  const result = await db.execute(sql`
    select ${g ? g.key : sql`null`} as key, ${g ? g.name : sql`null`} as name,
      count(*) filter (where ${inPeriod('submitted_at')})::int as received,
      count(*) filter (where ${inPeriod('accepted_at')})::int as accepted,
      count(*) filter (where d.status = 'declined' and ${inPeriod('closed_at')})::int as declined,
      count(*) filter (where ${inPeriod('settled_at')})::int as settled,
      count(*) filter (where ${inPeriod('settled_at')} and d.settled_on_time)::int as settled_on_time,
      count(*) filter (where d.due_on >= ${fromDay} and d.due_on <= ${toDay} and (d.settled_on_time = false
        or (d.status in ('assigned', 'in_progress') and d.due_on < ${today})))::int as overdue,
      count(*) filter (where ${inPeriod('submitted_at')} and d.extended)::int as extended,
      count(*) filter (where ${inPeriod('submitted_at')} and d.reopen_count > 0)::int as reopened,
      count(*) filter (where ${inPeriod('closed_at')} and d.confirmed_by_default)::int as confirmed_by_default,
      count(*) filter (where ${inPeriod('closed_at')} and d.satisfaction is not null)::int as rated,
      count(*) filter (where ${inPeriod('closed_at')} and d.satisfaction in ('satisfied', 'basically-satisfied'))::int as satisfied_or_basically
    from demands d
    where d.zone_id = ${zoneId}
      and (${inPeriod('submitted_at')} or ${inPeriod('settled_at')} or ${inPeriod('closed_at')} or ${inPeriod('accepted_at')}
        or (d.due_on >= ${fromDay} and d.due_on <= ${toDay}))
    ${g ? sql`group by 1, 2 order by 3 desc` : sql``}`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    received: Number(r.received),
    accepted: Number(r.accepted),
    declined: Number(r.declined),
    settled: Number(r.settled),
    settledOnTime: Number(r.settled_on_time),
    overdue: Number(r.overdue),
    extended: Number(r.extended),
    reopened: Number(r.reopened),
    confirmedByDefault: Number(r.confirmed_by_default),
    rated: Number(r.rated),
    satisfiedOrBasically: Number(r.satisfied_or_basically),
  }));
}
