import { and, count, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { cultivationAssessments, enterprises } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import type { AssessmentStatus, CultivationScheme } from '../../contracts/cultivation.js';
import type { AssessmentScope } from './cultivation.policy.js';

export type AssessmentRow = typeof cultivationAssessments.$inferSelect;
export type AssessmentInsert = typeof cultivationAssessments.$inferInsert;
/** An assessment with its enterprise's name, as lists and details show it. */
export type AssessmentListRow = AssessmentRow & { enterpriseName: string };

export type AssessmentFilter = {
  scope: AssessmentScope;
  scheme?: CultivationScheme;
  status?: AssessmentStatus;
  enterpriseId?: string;
  /** part of the enterprise's name or USCC */
  q?: string;
  limit: number;
  offset: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(zoneId: string, f: AssessmentFilter): SQL {
  const conds: SQL[] = [eq(cultivationAssessments.zoneId, zoneId)];
  if (f.scope.kind === 'none') conds.push(sql`false`);
  if (f.scope.kind === 'one') conds.push(eq(cultivationAssessments.enterpriseId, f.scope.enterpriseId));
  if (f.scheme) conds.push(eq(cultivationAssessments.scheme, f.scheme));
  if (f.status) conds.push(eq(cultivationAssessments.status, f.status));
  if (f.enterpriseId) conds.push(eq(cultivationAssessments.enterpriseId, f.enterpriseId));
  const q = f.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    conds.push(or(ilike(enterprises.name, like), ilike(enterprises.uscc, like)) as SQL);
  }
  return and(...conds) as SQL;
}

const joinEnterprise = and(eq(enterprises.zoneId, cultivationAssessments.zoneId), eq(enterprises.id, cultivationAssessments.enterpriseId));

/** A page of the assessments the scope allows, latest change first, with the total. */
export async function listAssessmentRows(db: Queryable, zoneId: string, f: AssessmentFilter): Promise<{ rows: AssessmentListRow[]; total: number }> {
  const where = whereOf(zoneId, f);
  // One after the other: `db` may be a transaction's single connection.
  const rows = await db.select({ a: cultivationAssessments, enterpriseName: enterprises.name })
    .from(cultivationAssessments)
    .innerJoin(enterprises, joinEnterprise)
    .where(where)
    .orderBy(desc(cultivationAssessments.updatedAt), desc(cultivationAssessments.id))
    .limit(f.limit)
    .offset(f.offset);
  const [totalRow] = await db.select({ n: count() }).from(cultivationAssessments).innerJoin(enterprises, joinEnterprise).where(where);
  return { rows: rows.map((r) => ({ ...r.a, enterpriseName: r.enterpriseName })), total: Number(totalRow?.n ?? 0) };
}

/** One assessment of the zone with its enterprise's name; locked until the transaction ends when `forUpdate`. */
export async function findAssessmentRow(db: Queryable, zoneId: string, id: string, forUpdate = false): Promise<AssessmentListRow | undefined> {
  const q = db.select({ a: cultivationAssessments, enterpriseName: enterprises.name })
    .from(cultivationAssessments)
    .innerJoin(enterprises, joinEnterprise)
    .where(and(eq(cultivationAssessments.zoneId, zoneId), eq(cultivationAssessments.id, id)));
  const [row] = forUpdate ? await q.for('update', { of: cultivationAssessments }) : await q;
  return row ? { ...row.a, enterpriseName: row.enterpriseName } : undefined;
}

export async function insertAssessment(tx: Tx, row: AssessmentInsert): Promise<void> {
  await tx.insert(cultivationAssessments).values(row);
}

export type AssessmentChange = Partial<Pick<AssessmentRow,
  'status' | 'profile' | 'evaluationOn' | 'evaluation' | 'qualified' | 'outcome' | 'total' | 'rulesVersion' | 'declaredBy' | 'declaredAt' | 'reviewedBy' | 'reviewedAt' | 'returnReason' | 'updatedAt'
>>;

export async function updateAssessment(tx: Tx, zoneId: string, id: string, change: AssessmentChange): Promise<void> {
  await tx.update(cultivationAssessments).set(change).where(and(eq(cultivationAssessments.zoneId, zoneId), eq(cultivationAssessments.id, id)));
}

/**
 * Locks the enterprise's row until the transaction ends, so that two submissions for one
 * enterprise are decided one after the other (one open submission per tier).
 */
export async function lockEnterpriseForSubmission(tx: Tx, zoneId: string, enterpriseId: string): Promise<void> {
  await tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.id, enterpriseId))).for('no key update');
}

/** Another assessment of the enterprise for the tier that is submitted and not yet reviewed. */
export async function findOpenSubmission(db: Queryable, zoneId: string, enterpriseId: string, scheme: string, exceptId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: cultivationAssessments.id }).from(cultivationAssessments)
    .where(and(
      eq(cultivationAssessments.zoneId, zoneId), eq(cultivationAssessments.enterpriseId, enterpriseId), eq(cultivationAssessments.scheme, scheme),
      eq(cultivationAssessments.status, 'submitted'), ne(cultivationAssessments.id, exceptId),
    ))
    .limit(1);
  return row?.id;
}

/** The enterprise's id and name, if it is of the zone. */
export async function findAssessableEnterprise(db: Queryable, zoneId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.id, id)));
  return row;
}
