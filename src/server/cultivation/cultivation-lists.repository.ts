import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { cultivationListEntries, cultivationLists, cultivationReminders, enterpriseQualifications, enterprises } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import { CULTIVATION_SCHEMES } from '../../domain/cultivation/cultivation-evaluation.js';

export type ListRow = typeof cultivationLists.$inferSelect;
export type ListInsert = typeof cultivationLists.$inferInsert;
export type ListSummaryRow = ListRow & { entryCount: number };
export type QualificationInsert = typeof enterpriseQualifications.$inferInsert;

const entryCount = sql<number>`(select count(*)::int from cultivation_list_entries le where le.zone_id = ${cultivationLists.zoneId} and le.list_id = ${cultivationLists.id})`;

export async function insertList(tx: Tx, row: ListInsert): Promise<void> {
  await tx.insert(cultivationLists).values(row);
}

export async function findListRow(db: Queryable, zoneId: string, id: string, forUpdate = false): Promise<ListSummaryRow | undefined> {
  const q = db.select({ list: cultivationLists, entryCount }).from(cultivationLists).where(and(eq(cultivationLists.zoneId, zoneId), eq(cultivationLists.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ? { ...row.list, entryCount: Number(row.entryCount) } : undefined;
}

/** Whether another list of the zone has this name (names are unique in a zone). */
export async function isListNameTaken(db: Queryable, zoneId: string, name: string, exceptId: string | null): Promise<boolean> {
  const conds: SQL[] = [eq(cultivationLists.zoneId, zoneId), eq(cultivationLists.name, name)];
  if (exceptId) conds.push(ne(cultivationLists.id, exceptId));
  const [row] = await db.select({ id: cultivationLists.id }).from(cultivationLists).where(and(...conds)).limit(1);
  return row !== undefined;
}

/** The zone's lists, newest date first; `q` searches the name and the document number. */
export async function listListRows(db: Queryable, zoneId: string, f: { scheme?: string; q?: string; limit: number; offset: number }): Promise<{ rows: ListSummaryRow[]; total: number }> {
  const conds: SQL[] = [eq(cultivationLists.zoneId, zoneId)];
  if (f.scheme) conds.push(eq(cultivationLists.scheme, f.scheme));
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(cultivationLists.name, like), ilike(cultivationLists.documentNo, like)) as SQL);
  }
  const where = and(...conds);
  const rows = await db.select({ list: cultivationLists, entryCount }).from(cultivationLists).where(where)
    .orderBy(desc(cultivationLists.publishedOn), asc(cultivationLists.name)).limit(f.limit).offset(f.offset);
  const [total] = await db.select({ n: count() }).from(cultivationLists).where(where);
  return { rows: rows.map((r) => ({ ...r.list, entryCount: Number(r.entryCount) })), total: Number(total?.n ?? 0) };
}

export async function updateList(tx: Tx, zoneId: string, id: string, patch: Partial<Pick<ListRow, 'name' | 'issuer' | 'documentNo' | 'note'>>, at: Date): Promise<void> {
  await tx.update(cultivationLists).set({ ...patch, updatedAt: at }).where(and(eq(cultivationLists.zoneId, zoneId), eq(cultivationLists.id, id)));
}

export type EntryRow = { enterpriseId: string; enterpriseName: string; uscc: string; qualificationId: string; validFrom: string; validUntil: string | null };

/** A list's entries with the enterprise and the qualification each created, by enterprise name. */
export async function listEntryRows(db: Queryable, zoneId: string, listId: string): Promise<EntryRow[]> {
  return db.select({
    enterpriseId: cultivationListEntries.enterpriseId, enterpriseName: enterprises.name, uscc: enterprises.uscc, qualificationId: cultivationListEntries.qualificationId,
    validFrom: enterpriseQualifications.validFrom, validUntil: enterpriseQualifications.validUntil,
  })
    .from(cultivationListEntries)
    .innerJoin(enterprises, and(eq(enterprises.zoneId, cultivationListEntries.zoneId), eq(enterprises.id, cultivationListEntries.enterpriseId)))
    .innerJoin(enterpriseQualifications, and(eq(enterpriseQualifications.zoneId, cultivationListEntries.zoneId), eq(enterpriseQualifications.id, cultivationListEntries.qualificationId)))
    .where(and(eq(cultivationListEntries.zoneId, zoneId), eq(cultivationListEntries.listId, listId)))
    .orderBy(asc(enterprises.name), asc(cultivationListEntries.enterpriseId));
}

/** Of the given ids, the enterprises of the zone (id → name). */
export async function findZoneEnterprises(db: Queryable, zoneId: string, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises)
      .where(and(eq(enterprises.zoneId, zoneId), inArray(enterprises.id, ids.slice(i, i + 1000))));
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** Of the given enterprises, those already on the list. */
export async function findListedEnterpriseIds(db: Queryable, zoneId: string, listId: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.select({ id: cultivationListEntries.enterpriseId }).from(cultivationListEntries)
      .where(and(eq(cultivationListEntries.zoneId, zoneId), eq(cultivationListEntries.listId, listId), inArray(cultivationListEntries.enterpriseId, ids.slice(i, i + 1000))));
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Writes the qualifications, then the entries that point at them, in multi-row batches. */
export async function insertEntries(tx: Tx, zoneId: string, listId: string, items: { enterpriseId: string; qualification: Omit<QualificationInsert, 'zoneId' | 'enterpriseId'> }[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    await tx.insert(enterpriseQualifications).values(chunk.map((e) => ({ ...e.qualification, zoneId, enterpriseId: e.enterpriseId })));
    await tx.insert(cultivationListEntries).values(chunk.map((e) => ({ zoneId, listId, enterpriseId: e.enterpriseId, qualificationId: e.qualification.id })));
  }
}

/** Entries pointing at qualifications that exist already (the demo's lists take the titles its enterprises hold). */
export async function insertEntryRows(tx: Tx, rows: (typeof cultivationListEntries.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(cultivationListEntries).values(rows.slice(i, i + 1000));
}

/** How many demo lists the zone has (the demo loads its lists once). */
export async function countDemoLists(db: Queryable, zoneId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cultivationLists).where(and(eq(cultivationLists.zoneId, zoneId), eq(cultivationLists.isDemo, true)));
  return Number(row?.n ?? 0);
}

/** Makes the qualifications a list created say what the list says (its name, its document number). */
export async function updateListQualifications(tx: Tx, zoneId: string, listId: string, patch: { name?: string; certificateNo?: string | null }): Promise<void> {
  await tx.update(enterpriseQualifications).set(patch).where(and(
    eq(enterpriseQualifications.zoneId, zoneId),
    inArray(enterpriseQualifications.id, tx.select({ id: cultivationListEntries.qualificationId }).from(cultivationListEntries)
      .where(and(eq(cultivationListEntries.zoneId, zoneId), eq(cultivationListEntries.listId, listId)))),
  ));
}

/** Removes entries of a list (all, or the enterprises given) and the qualifications they created; returns what was removed. */
export async function deleteEntries(tx: Tx, zoneId: string, listId: string, enterpriseIds: string[] | null): Promise<{ enterpriseId: string; qualificationId: string }[]> {
  const conds: SQL[] = [eq(cultivationListEntries.zoneId, zoneId), eq(cultivationListEntries.listId, listId)];
  if (enterpriseIds) conds.push(inArray(cultivationListEntries.enterpriseId, enterpriseIds));
  const removed = await tx.delete(cultivationListEntries).where(and(...conds))
    .returning({ enterpriseId: cultivationListEntries.enterpriseId, qualificationId: cultivationListEntries.qualificationId });
  const ids = removed.map((r) => r.qualificationId);
  for (let i = 0; i < ids.length; i += 1000) {
    await tx.delete(enterpriseQualifications).where(and(eq(enterpriseQualifications.zoneId, zoneId), inArray(enterpriseQualifications.id, ids.slice(i, i + 1000))));
  }
  return removed;
}

export async function deleteList(tx: Tx, zoneId: string, id: string): Promise<void> {
  await tx.delete(cultivationLists).where(and(eq(cultivationLists.zoneId, zoneId), eq(cultivationLists.id, id)));
}

// ─── Titles of the three tiers (counts, reminders) ───────────────────────────

export type TierTitleRow = { id: string; enterpriseId: string; kind: string; validFrom: string; validUntil: string | null };

/** Every qualification of the three tiers in the zone, or those still valid on or after `from`. */
export async function listTierTitleRows(db: Queryable, zoneId: string, from?: string): Promise<TierTitleRow[]> {
  const conds: SQL[] = [eq(enterpriseQualifications.zoneId, zoneId), inArray(enterpriseQualifications.kind, [...CULTIVATION_SCHEMES])];
  if (from) conds.push(or(isNull(enterpriseQualifications.validUntil), gte(enterpriseQualifications.validUntil, from)) as SQL);
  return db.select({
    id: enterpriseQualifications.id, enterpriseId: enterpriseQualifications.enterpriseId, kind: enterpriseQualifications.kind,
    validFrom: enterpriseQualifications.validFrom, validUntil: enterpriseQualifications.validUntil,
  }).from(enterpriseQualifications).where(and(...conds));
}

/** The reminders already recorded for the given qualifications (qualificationId → kinds). */
export async function listSentReminders(db: Queryable, zoneId: string, qualificationIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < qualificationIds.length; i += 1000) {
    const rows = await db.select({ id: cultivationReminders.qualificationId, kind: cultivationReminders.kind }).from(cultivationReminders)
      .where(and(eq(cultivationReminders.zoneId, zoneId), inArray(cultivationReminders.qualificationId, qualificationIds.slice(i, i + 1000))));
    for (const r of rows) {
      const set = out.get(r.id);
      if (set) set.add(r.kind);
      else out.set(r.id, new Set([r.kind]));
    }
  }
  return out;
}

/** Records reminders as sent; one already recorded stays as it was. */
export async function insertReminders(tx: Tx, rows: { zoneId: string; qualificationId: string; kind: string; sentAt: Date }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(cultivationReminders).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  }
}

/** Enterprise names by id. */
export async function enterpriseNames(db: Queryable, zoneId: string, ids: string[]): Promise<Map<string, string>> {
  return findZoneEnterprises(db, zoneId, [...new Set(ids)]);
}
