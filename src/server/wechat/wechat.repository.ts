import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { wechatAccounts, wechatCalls, wechatImages, zones } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

export type WechatAccountRow = typeof wechatAccounts.$inferSelect;
export type WechatCallRow = typeof wechatCalls.$inferSelect;

export async function findWechatAccount(db: Queryable, zoneId: string): Promise<WechatAccountRow | undefined> {
  const [row] = await db.select().from(wechatAccounts).where(eq(wechatAccounts.zoneId, zoneId));
  return row;
}

/** The zone (by its code, as in the callback URL) and its account, if both exist. */
export async function findWechatAccountByZoneCode(db: Queryable, zoneCode: string): Promise<{ zoneId: string; account: WechatAccountRow } | undefined> {
  const [row] = await db
    .select({ zoneId: zones.id, account: wechatAccounts })
    .from(zones)
    .innerJoin(wechatAccounts, eq(wechatAccounts.zoneId, zones.id))
    .where(eq(zones.code, zoneCode));
  return row;
}

export async function findZoneCode(db: Queryable, zoneId: string): Promise<string | undefined> {
  const [row] = await db.select({ code: zones.code }).from(zones).where(eq(zones.id, zoneId));
  return row?.code;
}

export async function insertWechatAccount(tx: Tx, row: typeof wechatAccounts.$inferInsert): Promise<void> {
  await tx.insert(wechatAccounts).values(row);
}

export async function updateWechatAccount(
  tx: Tx,
  zoneId: string,
  patch: Partial<Pick<WechatAccountRow, 'appId' | 'appSecretEncrypted' | 'callbackToken' | 'enabled' | 'accessToken' | 'accessTokenExpiresAt' | 'updatedBy' | 'updatedAt'>>,
): Promise<void> {
  await tx.update(wechatAccounts).set(patch).where(eq(wechatAccounts.zoneId, zoneId));
}

/**
 * Caches an access token, unless the account's AppID changed since the token was asked for
 * (a token of the previous account must not be kept).
 */
export async function saveAccessToken(db: Queryable, zoneId: string, appId: string, tokenEncrypted: string, expiresAt: Date): Promise<void> {
  await db
    .update(wechatAccounts)
    .set({ accessToken: tokenEncrypted, accessTokenExpiresAt: expiresAt })
    .where(and(eq(wechatAccounts.zoneId, zoneId), eq(wechatAccounts.appId, appId)));
}

export async function insertWechatCall(db: Queryable, row: Omit<typeof wechatCalls.$inferInsert, 'id'>): Promise<void> {
  await db.insert(wechatCalls).values({ ...row, id: randomUUID() });
}

/** A zone's calls, oldest first; with `publicationId` (or null: calls made for no publication) only those. */
export async function listWechatCalls(db: Queryable, zoneId: string, publicationId?: string | null): Promise<WechatCallRow[]> {
  const where = publicationId === undefined
    ? eq(wechatCalls.zoneId, zoneId)
    : and(eq(wechatCalls.zoneId, zoneId), publicationId === null ? isNull(wechatCalls.publicationId) : eq(wechatCalls.publicationId, publicationId));
  return db.select().from(wechatCalls).where(where).orderBy(asc(wechatCalls.at), asc(wechatCalls.id));
}

export async function findWechatImage(db: Queryable, zoneId: string, sha256: string): Promise<string | undefined> {
  const [row] = await db.select({ url: wechatImages.url }).from(wechatImages).where(and(eq(wechatImages.zoneId, zoneId), eq(wechatImages.sha256, sha256)));
  return row?.url;
}

export async function insertWechatImage(db: Queryable, zoneId: string, sha256: string, url: string, at: Date): Promise<void> {
  await db.insert(wechatImages).values({ zoneId, sha256, url, uploadedAt: at }).onConflictDoNothing();
}
