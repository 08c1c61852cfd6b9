import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { notifications, userRoles, users } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';
import type { Role } from '../../domain/identity/roles.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** Active users who are in any of the given groups. */
export async function findRecipientIds(
  db: Queryable,
  zoneId: string,
  to: { departmentIds?: string[]; roles?: Role[]; enterpriseId?: string; userIds?: string[] },
): Promise<string[]> {
  const any: SQL[] = [];
  if (to.departmentIds?.length) {
    any.push(and(inArray(users.departmentId, to.departmentIds), sql`exists (select 1 from user_roles r where r.zone_id = users.zone_id and r.user_id = users.id and r.role = 'department')`) as SQL);
  }
  if (to.roles?.length) {
    any.push(inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.zoneId, zoneId), inArray(userRoles.role, to.roles)))));
  }
  if (to.enterpriseId) {
    any.push(and(eq(users.enterpriseId, to.enterpriseId), sql`exists (select 1 from user_roles r where r.zone_id = users.zone_id and r.user_id = users.id and r.role = 'enterprise')`) as SQL);
  }
  if (to.userIds?.length) any.push(inArray(users.id, to.userIds));
  if (any.length === 0) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.zoneId, zoneId), eq(users.active, true), or(...any)));
  return rows.map((r) => r.id);
}

export async function insertNotifications(tx: Tx, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(notifications).values(rows);
}

export async function listNotificationRows(db: Queryable, zoneId: string, userId: string, f: { unread?: boolean; limit: number; offset: number }) {
  const mine = and(eq(notifications.zoneId, zoneId), eq(notifications.userId, userId));
  const where = f.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [total], [unread]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.at)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return { rows, total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0) };
}

export async function markRead(tx: Tx, zoneId: string, userId: string, id: string | null, now: Date): Promise<number> {
  const conds = [eq(notifications.zoneId, zoneId), eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (id) conds.push(eq(notifications.id, id));
  const rows = await tx.update(notifications).set({ readAt: now }).where(and(...conds)).returning({ id: notifications.id });
  return rows.length;
}

export async function findNotification(db: Queryable, zoneId: string, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(and(eq(notifications.zoneId, zoneId), eq(notifications.userId, userId), eq(notifications.id, id)));
  return row;
}

/** Notifications not yet e-mailed whose user has an address. */
export async function listUnmailed(db: Queryable, limit: number) {
  return db
    .select({ notification: notifications, email: users.email })
    .from(notifications)
    .innerJoin(users, and(eq(users.zoneId, notifications.zoneId), eq(users.id, notifications.userId)))
    .where(and(isNull(notifications.emailedAt), sql`${users.email} is not null and ${users.email} <> ''`))
    .orderBy(notifications.at)
    .limit(limit);
}

export async function markEmailed(tx: Tx, zoneId: string, ids: string[], now: Date): Promise<void> {
  if (ids.length > 0) await tx.update(notifications).set({ emailedAt: now }).where(and(eq(notifications.zoneId, zoneId), inArray(notifications.id, ids)));
}
