import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { departments, enterprises, sessions, userRoles, users } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import type { Role, DepartmentKind } from '../../domain/identity/roles.js';

export type UserRow = typeof users.$inferSelect;
export type UserWithRoles = UserRow & { roles: Role[] };
export type DepartmentRow = typeof departments.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

async function rolesOf(db: Queryable, zoneId: string, userIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select()
    .from(userRoles)
    .where(and(eq(userRoles.zoneId, zoneId), inArray(userRoles.userId, userIds)));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role as Role]);
  return map;
}

export async function findUserByUsername(db: Queryable, zoneId: string, username: string): Promise<UserWithRoles | undefined> {
  const [row] = await db.select().from(users).where(and(eq(users.zoneId, zoneId), eq(users.username, username)));
  if (!row) return undefined;
  return { ...row, roles: (await rolesOf(db, zoneId, [row.id])).get(row.id) ?? [] };
}

export async function findUserById(db: Queryable, zoneId: string, id: string): Promise<UserWithRoles | undefined> {
  const [row] = await db.select().from(users).where(and(eq(users.zoneId, zoneId), eq(users.id, id)));
  if (!row) return undefined;
  return { ...row, roles: (await rolesOf(db, zoneId, [row.id])).get(row.id) ?? [] };
}

export type UserFilter = { id?: string; q?: string; role?: Role; departmentId?: string; active?: boolean; limit: number; offset: number };

export async function listUsers(db: Queryable, zoneId: string, f: UserFilter) {
  const conds: SQL[] = [eq(users.zoneId, zoneId)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.phone, like)) as SQL);
  }
  if (f.id) conds.push(eq(users.id, f.id));
  if (f.departmentId) conds.push(eq(users.departmentId, f.departmentId));
  if (f.active !== undefined) conds.push(eq(users.active, f.active));
  if (f.role) {
    conds.push(
      sql`exists (select 1 from user_roles ur where ur.zone_id = users.zone_id and ur.user_id = users.id and ur.role = ${f.role})`,
    );
  }
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select({ user: users, departmentName: departments.name, enterpriseName: enterprises.name })
      .from(users)
      .leftJoin(departments, and(eq(departments.zoneId, users.zoneId), eq(departments.id, users.departmentId)))
      .leftJoin(enterprises, and(eq(enterprises.zoneId, users.zoneId), eq(enterprises.id, users.enterpriseId)))
      .where(where)
      .orderBy(asc(users.username))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const roles = await rolesOf(db, zoneId, rows.map((r) => r.user.id));
  return {
    total: totals[0]?.n ?? 0,
    rows: rows.map((r) => ({ ...r.user, roles: roles.get(r.user.id) ?? [], departmentName: r.departmentName, enterpriseName: r.enterpriseName })),
  };
}

export async function countActiveUsersByRole(db: Queryable, zoneId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ role: userRoles.role, n: count() })
    .from(userRoles)
    .innerJoin(users, and(eq(users.zoneId, userRoles.zoneId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.zoneId, zoneId), eq(users.active, true)))
    .groupBy(userRoles.role);
  return new Map(rows.map((r) => [r.role, r.n]));
}

export async function insertUser(tx: Tx, row: typeof users.$inferInsert, roles: readonly Role[]): Promise<void> {
  await tx.insert(users).values(row);
  await setUserRoles(tx, row.zoneId, row.id, roles);
}

export async function setUserRoles(tx: Tx, zoneId: string, userId: string, roles: readonly Role[]): Promise<void> {
  await tx.delete(userRoles).where(and(eq(userRoles.zoneId, zoneId), eq(userRoles.userId, userId)));
  if (roles.length > 0) await tx.insert(userRoles).values(roles.map((role) => ({ zoneId, userId, role })));
}

export async function updateUser(tx: Tx, zoneId: string, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(users.zoneId, zoneId), eq(users.id, id)));
}

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function findSession(db: Queryable, zoneId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(and(eq(sessions.zoneId, zoneId), eq(sessions.id, id)));
  return row;
}

export async function deleteSession(tx: Tx, zoneId: string, id: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.zoneId, zoneId), eq(sessions.id, id)));
}

export async function deleteUserSessions(tx: Tx, zoneId: string, userId: string, exceptId?: string): Promise<void> {
  const conds = [eq(sessions.zoneId, zoneId), eq(sessions.userId, userId)];
  if (exceptId) conds.push(sql`${sessions.id} <> ${exceptId}`);
  await tx.delete(sessions).where(and(...conds));
}

export type DepartmentFilter = { kind?: DepartmentKind; q?: string; limit: number; offset: number };

export async function listDepartments(db: Queryable, zoneId: string, f: DepartmentFilter) {
  const conds: SQL[] = [eq(departments.zoneId, zoneId)];
  if (f.kind) conds.push(eq(departments.kind, f.kind));
  if (f.q) conds.push(ilike(departments.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conds);
  const userCount = sql<number>`(select count(*)::int from users u where u.zone_id = departments.zone_id and u.department_id = departments.id)`;
  const [rows, totals] = await Promise.all([
    db.select({ dept: departments, userCount }).from(departments).where(where).orderBy(asc(departments.kind), asc(departments.name)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(departments).where(where),
  ]);
  return { total: totals[0]?.n ?? 0, rows: rows.map((r) => ({ ...r.dept, userCount: Number(r.userCount) })) };
}

export async function findDepartment(db: Queryable, zoneId: string, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db.select().from(departments).where(and(eq(departments.zoneId, zoneId), eq(departments.id, id)));
  return row;
}

export async function findDepartmentByName(db: Queryable, zoneId: string, name: string): Promise<DepartmentRow | undefined> {
  const [row] = await db.select().from(departments).where(and(eq(departments.zoneId, zoneId), eq(departments.name, name)));
  return row;
}

export async function insertDepartment(tx: Tx, row: typeof departments.$inferInsert): Promise<void> {
  await tx.insert(departments).values(row);
}

export async function updateDepartment(tx: Tx, zoneId: string, id: string, patch: Partial<typeof departments.$inferInsert>) {
  await tx.update(departments).set({ ...patch, updatedAt: new Date() }).where(and(eq(departments.zoneId, zoneId), eq(departments.id, id)));
}

export async function deleteDepartment(tx: Tx, zoneId: string, id: string): Promise<void> {
  await tx.delete(departments).where(and(eq(departments.zoneId, zoneId), eq(departments.id, id)));
}

export async function countDepartmentUsers(db: Queryable, zoneId: string, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.zoneId, zoneId), eq(users.departmentId, id)));
  return row?.n ?? 0;
}
