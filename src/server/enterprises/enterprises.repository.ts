import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import {
  cultivationListEntries, enterpriseContacts, enterpriseFigures, enterpriseImports, enterpriseQualifications, enterpriseThemes, enterprises, themes, users,
} from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseInsert = typeof enterprises.$inferInsert;
export type FigureRow = typeof enterpriseFigures.$inferSelect;
export type QualificationRow = typeof enterpriseQualifications.$inferSelect;
export type ContactRow = typeof enterpriseContacts.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;

export type EnterpriseFilter = {
  onlyId?: string;
  none?: boolean;
  q?: string;
  themeId?: string;
  industrySection?: string;
  industryDivision?: string;
  sizeSector?: string;
  qualification?: string;
  cadreId?: string;
  leaderId?: string;
  aboveScale?: boolean;
  /** Qualifications count as held when valid on this date. */
  today: string;
  sort?: 'name' | 'updatedAt' | 'latestRevenue' | 'latestEmployees' | 'foundedOn';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const latest = (column: string) =>
  sql.raw(`(select f.${column} from enterprise_figures f where f.zone_id = enterprises.zone_id and f.enterprise_id = enterprises.id order by f.year desc limit 1)`);

function whereOf(zoneId: string, f: EnterpriseFilter): SQL | undefined {
  const conds: SQL[] = [eq(enterprises.zoneId, zoneId)];
  if (f.none) conds.push(sql`false`);
  if (f.onlyId) conds.push(eq(enterprises.id, f.onlyId));
  if (f.q) {
    const like = `%${escapeLike(f.q.trim())}%`;
    conds.push(
      or(
        ilike(enterprises.name, like),
        ilike(enterprises.uscc, like),
        ilike(enterprises.legalRepresentative, like),
        ilike(enterprises.address, like),
        ilike(enterprises.description, like),
      ) as SQL,
    );
  }
  if (f.industrySection) conds.push(eq(enterprises.industrySection, f.industrySection));
  if (f.industryDivision) conds.push(eq(enterprises.industryDivision, f.industryDivision));
  if (f.sizeSector) conds.push(eq(enterprises.sizeSector, f.sizeSector));
  if (f.cadreId) conds.push(eq(enterprises.cadreId, f.cadreId));
  if (f.leaderId) conds.push(eq(enterprises.leaderId, f.leaderId));
  if (f.aboveScale !== undefined) conds.push(eq(enterprises.aboveScale, f.aboveScale));
  if (f.themeId) {
    conds.push(sql`exists (select 1 from enterprise_themes t where t.zone_id = enterprises.zone_id and t.enterprise_id = enterprises.id and t.theme_id = ${f.themeId})`);
  }
  if (f.qualification) {
    conds.push(
      sql`exists (select 1 from enterprise_qualifications q where q.zone_id = enterprises.zone_id and q.enterprise_id = enterprises.id and q.kind = ${f.qualification} and q.valid_from <= ${f.today} and (q.valid_until is null or q.valid_until >= ${f.today}))`,
    );
  }
  return and(...conds);
}

export async function listEnterpriseRows(db: Queryable, zoneId: string, f: EnterpriseFilter) {
  const where = whereOf(zoneId, f);
  const dir = f.order === 'desc' ? desc : asc;
  const sortColumn: Record<NonNullable<EnterpriseFilter['sort']>, SQL | AnyPgColumn> = {
    name: enterprises.name,
    updatedAt: enterprises.updatedAt,
    foundedOn: enterprises.foundedOn,
    latestRevenue: latest('revenue'),
    latestEmployees: latest('employees'),
  };
  const orderBy = f.sort
    ? [sql`${dir(sortColumn[f.sort])} nulls last`, asc(enterprises.id)]
    : [asc(enterprises.name), asc(enterprises.id)];
  const [rows, totals] = await Promise.all([
    db.select().from(enterprises).where(where).orderBy(...orderBy).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** The related rows a list page shows, fetched for a page of enterprises at once. */
export async function loadSummaryParts(db: Queryable, zoneId: string, ids: string[], today: string) {
  if (ids.length === 0) return { themesBy: new Map(), qualsBy: new Map(), latestBy: new Map(), cadreNames: new Map(), leaderNames: new Map() };
  const [themeRows, qualRows, figureRows, cadreRows, leaderRows] = await Promise.all([
    db
      .select({ enterpriseId: enterpriseThemes.enterpriseId, id: themes.id, name: themes.name })
      .from(enterpriseThemes)
      .innerJoin(themes, and(eq(themes.zoneId, enterpriseThemes.zoneId), eq(themes.id, enterpriseThemes.themeId)))
      .where(and(eq(enterpriseThemes.zoneId, zoneId), inArray(enterpriseThemes.enterpriseId, ids)))
      .orderBy(asc(themes.name)),
    db
      .select({ enterpriseId: enterpriseQualifications.enterpriseId, kind: enterpriseQualifications.kind })
      .from(enterpriseQualifications)
      .where(
        and(
          eq(enterpriseQualifications.zoneId, zoneId),
          inArray(enterpriseQualifications.enterpriseId, ids),
          sql`${enterpriseQualifications.validFrom} <= ${today} and (${enterpriseQualifications.validUntil} is null or ${enterpriseQualifications.validUntil} >= ${today})`,
        ),
      ),
    db
      .selectDistinctOn([enterpriseFigures.enterpriseId])
      .from(enterpriseFigures)
      .where(and(eq(enterpriseFigures.zoneId, zoneId), inArray(enterpriseFigures.enterpriseId, ids)))
      .orderBy(enterpriseFigures.enterpriseId, desc(enterpriseFigures.year)),
    db
      .select({ enterpriseId: enterprises.id, name: users.displayName })
      .from(enterprises)
      .innerJoin(users, and(eq(users.zoneId, enterprises.zoneId), eq(users.id, enterprises.cadreId)))
      .where(and(eq(enterprises.zoneId, zoneId), inArray(enterprises.id, ids))),
    db
      .select({ enterpriseId: enterprises.id, name: users.displayName })
      .from(enterprises)
      .innerJoin(users, and(eq(users.zoneId, enterprises.zoneId), eq(users.id, enterprises.leaderId)))
      .where(and(eq(enterprises.zoneId, zoneId), inArray(enterprises.id, ids))),
  ]);
  const group = <T extends { enterpriseId: string }, V>(rows: T[], pick: (r: T) => V) => {
    const m = new Map<string, V[]>();
    for (const r of rows) m.set(r.enterpriseId, [...(m.get(r.enterpriseId) ?? []), pick(r)]);
    return m;
  };
  return {
    themesBy: group(themeRows, (r) => ({ id: r.id, name: r.name })),
    qualsBy: group(qualRows, (r) => r.kind),
    latestBy: new Map(figureRows.map((r) => [r.enterpriseId, r])),
    cadreNames: new Map(cadreRows.map((r) => [r.enterpriseId, r.name])),
    leaderNames: new Map(leaderRows.map((r) => [r.enterpriseId, r.name])),
  };
}

export async function findEnterpriseRow(db: Queryable, zoneId: string, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db.select().from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.id, id)));
  return row;
}

export async function findEnterpriseByUscc(db: Queryable, zoneId: string, uscc: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db.select().from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.uscc, uscc)));
  return row;
}

export async function mapUsccToIds(db: Queryable, zoneId: string, usccs: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < usccs.length; i += 1000) {
    const rows = await db
      .select({ id: enterprises.id, uscc: enterprises.uscc })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, zoneId), inArray(enterprises.uscc, usccs.slice(i, i + 1000))));
    for (const r of rows) map.set(r.uscc, r.id);
  }
  return map;
}

export async function loadEnterpriseChildren(db: Queryable, zoneId: string, id: string) {
  const [figures, qualifications, contacts, themeRows] = await Promise.all([
    db.select().from(enterpriseFigures).where(and(eq(enterpriseFigures.zoneId, zoneId), eq(enterpriseFigures.enterpriseId, id))).orderBy(desc(enterpriseFigures.year)),
    db.select().from(enterpriseQualifications).where(and(eq(enterpriseQualifications.zoneId, zoneId), eq(enterpriseQualifications.enterpriseId, id))).orderBy(asc(enterpriseQualifications.validFrom)),
    db.select().from(enterpriseContacts).where(and(eq(enterpriseContacts.zoneId, zoneId), eq(enterpriseContacts.enterpriseId, id))).orderBy(asc(enterpriseContacts.position)),
    db.select({ themeId: enterpriseThemes.themeId }).from(enterpriseThemes).where(and(eq(enterpriseThemes.zoneId, zoneId), eq(enterpriseThemes.enterpriseId, id))),
  ]);
  return { figures, qualifications, contacts, themeIds: themeRows.map((r) => r.themeId) };
}

export async function insertEnterprises(tx: Tx, rows: EnterpriseInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    await tx.insert(enterprises).values(rows.slice(i, i + 500));
  }
}

export async function updateEnterpriseRow(tx: Tx, zoneId: string, id: string, patch: Partial<EnterpriseInsert>): Promise<void> {
  await tx.update(enterprises).set({ ...patch, updatedAt: new Date() }).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.id, id)));
}

type QualificationInsert = Omit<typeof enterpriseQualifications.$inferInsert, 'zoneId' | 'enterpriseId'>;
type ContactInsert = Omit<typeof enterpriseContacts.$inferInsert, 'zoneId' | 'enterpriseId'>;
type FigureInsert = Omit<typeof enterpriseFigures.$inferInsert, 'zoneId' | 'enterpriseId'>;

export type Children = {
  themeIds?: string[];
  qualifications?: QualificationInsert[];
  contacts?: ContactInsert[];
  figures?: FigureInsert[];
};

/** Replaces the given child lists of an enterprise (a list left undefined is kept as it is). */
export async function replaceChildren(tx: Tx, zoneId: string, enterpriseId: string, c: Children): Promise<void> {
  if (c.themeIds) {
    await tx.delete(enterpriseThemes).where(and(eq(enterpriseThemes.zoneId, zoneId), eq(enterpriseThemes.enterpriseId, enterpriseId)));
    if (c.themeIds.length) await tx.insert(enterpriseThemes).values(c.themeIds.map((themeId) => ({ zoneId, enterpriseId, themeId })));
  }
  if (c.qualifications) {
    // A title granted by an official list (梯度培育 名单) belongs to the list: it stays until the
    // list removes it, and the form's copy of it is not inserted twice.
    const fromLists = await tx
      .select({ id: enterpriseQualifications.id, kind: enterpriseQualifications.kind, validFrom: enterpriseQualifications.validFrom, validUntil: enterpriseQualifications.validUntil })
      .from(enterpriseQualifications)
      .innerJoin(cultivationListEntries, and(eq(cultivationListEntries.zoneId, enterpriseQualifications.zoneId), eq(cultivationListEntries.qualificationId, enterpriseQualifications.id)))
      .where(and(eq(enterpriseQualifications.zoneId, zoneId), eq(enterpriseQualifications.enterpriseId, enterpriseId)));
    const kept = fromLists.map((q) => q.id);
    await tx
      .delete(enterpriseQualifications)
      .where(and(
        eq(enterpriseQualifications.zoneId, zoneId),
        eq(enterpriseQualifications.enterpriseId, enterpriseId),
        kept.length ? notInArray(enterpriseQualifications.id, kept) : undefined,
      ));
    const isListCopy = (q: { kind: string; validFrom: string; validUntil?: string | null }) =>
      fromLists.some((l) => l.kind === q.kind && l.validFrom === q.validFrom && (l.validUntil ?? null) === (q.validUntil ?? null));
    const fresh = c.qualifications.filter((q) => !isListCopy(q));
    if (fresh.length) await tx.insert(enterpriseQualifications).values(fresh.map((q) => ({ ...q, zoneId, enterpriseId })));
  }
  if (c.contacts) {
    await tx.delete(enterpriseContacts).where(and(eq(enterpriseContacts.zoneId, zoneId), eq(enterpriseContacts.enterpriseId, enterpriseId)));
    if (c.contacts.length) await tx.insert(enterpriseContacts).values(c.contacts.map((q) => ({ ...q, zoneId, enterpriseId })));
  }
  if (c.figures) {
    await tx.delete(enterpriseFigures).where(and(eq(enterpriseFigures.zoneId, zoneId), eq(enterpriseFigures.enterpriseId, enterpriseId)));
    if (c.figures.length) await tx.insert(enterpriseFigures).values(c.figures.map((q) => ({ ...q, zoneId, enterpriseId })));
  }
}

/**
 * Inserts the child rows of enterprises just created (nothing to delete first), in
 * multi-row batches. Refreshes the planner's statistics of `enterprises` first: after
 * thousands of new rows in one transaction the foreign-key checks otherwise plan as if
 * the table were empty (PGlite has no autovacuum), and the inserts slow down tenfold.
 */
export async function insertChildrenOfNew(tx: Tx, zoneId: string, items: { enterpriseId: string; children: Children }[], onBatch?: () => Promise<void>) {
  await tx.execute(sql`analyze enterprises`);
  const batches = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) {
      await insert(rows.slice(i, i + 500));
      await onBatch?.();
    }
  };
  const rowsOf = <T extends object>(pick: (c: Children) => T[] | undefined) =>
    items.flatMap(({ enterpriseId, children }) => (pick(children) ?? []).map((row) => ({ ...row, zoneId, enterpriseId })));
  const themeRows = items.flatMap(({ enterpriseId, children }) => (children.themeIds ?? []).map((themeId) => ({ zoneId, enterpriseId, themeId })));
  await batches(themeRows, (chunk) => tx.insert(enterpriseThemes).values(chunk));
  await batches(rowsOf((c) => c.qualifications), (chunk) => tx.insert(enterpriseQualifications).values(chunk));
  await batches(rowsOf((c) => c.contacts), (chunk) => tx.insert(enterpriseContacts).values(chunk));
  await batches(rowsOf((c) => c.figures), (chunk) => tx.insert(enterpriseFigures).values(chunk));
}

export async function listThemes(db: Queryable, zoneId: string): Promise<ThemeRow[]> {
  return db.select().from(themes).where(eq(themes.zoneId, zoneId)).orderBy(asc(themes.name));
}

export async function insertTheme(tx: Tx, row: typeof themes.$inferInsert) {
  await tx.insert(themes).values(row);
}

export async function updateTheme(tx: Tx, zoneId: string, id: string, patch: Partial<typeof themes.$inferInsert>) {
  await tx.update(themes).set(patch).where(and(eq(themes.zoneId, zoneId), eq(themes.id, id)));
}

export async function countEnterprises(db: Queryable, zoneId: string, realOnly = false): Promise<number> {
  const conds = [eq(enterprises.zoneId, zoneId)];
  if (realOnly) conds.push(eq(enterprises.isDemo, false));
  const [row] = await db.select({ n: count() }).from(enterprises).where(and(...conds));
  return row?.n ?? 0;
}

export type ImportRow = typeof enterpriseImports.$inferSelect;

export async function insertImport(tx: Tx, row: typeof enterpriseImports.$inferInsert) {
  await tx.insert(enterpriseImports).values(row);
}

export async function updateImport(tx: Tx, zoneId: string, id: string, patch: Partial<typeof enterpriseImports.$inferInsert>) {
  await tx.update(enterpriseImports).set(patch).where(and(eq(enterpriseImports.zoneId, zoneId), eq(enterpriseImports.id, id)));
}

export async function findImport(db: Queryable, zoneId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(enterpriseImports).where(and(eq(enterpriseImports.zoneId, zoneId), eq(enterpriseImports.id, id)));
  return row;
}

/** Imports left running when the process stopped are marked failed at boot. */
export async function failInterruptedImports(tx: Tx): Promise<number> {
  const rows = await tx
    .update(enterpriseImports)
    .set({ status: 'failed', message: 'interrupted', finishedAt: new Date() })
    .where(inArray(enterpriseImports.status, ['queued', 'validating', 'writing']))
    .returning({ id: enterpriseImports.id, zoneId: enterpriseImports.zoneId });
  return rows.length;
}

/** Sets the figures of the given years, leaving other years as they are. */
export async function upsertFigures(tx: Tx, zoneId: string, enterpriseId: string, figures: Children['figures']): Promise<void> {
  for (const f of figures ?? []) {
    await tx
      .delete(enterpriseFigures)
      .where(and(eq(enterpriseFigures.zoneId, zoneId), eq(enterpriseFigures.enterpriseId, enterpriseId), eq(enterpriseFigures.year, f.year)));
    await tx.insert(enterpriseFigures).values({ ...f, zoneId, enterpriseId });
  }
}

/** The first (primary first) contact of each enterprise. */
export async function primaryContacts(db: Queryable, zoneId: string, ids: string[]): Promise<Map<string, ContactRow>> {
  const map = new Map<string, ContactRow>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectDistinctOn([enterpriseContacts.enterpriseId])
      .from(enterpriseContacts)
      .where(and(eq(enterpriseContacts.zoneId, zoneId), inArray(enterpriseContacts.enterpriseId, ids.slice(i, i + 1000))))
      .orderBy(enterpriseContacts.enterpriseId, desc(enterpriseContacts.isPrimary), asc(enterpriseContacts.position));
    for (const r of rows) map.set(r.enterpriseId, r);
  }
  return map;
}
