import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Role } from '../../domain/identity/roles.js';
import type { Lang } from '../../contracts/errors.js';
import { renderNotification, type NotificationKind } from '../../contracts/notifications.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { notFound } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findNotification, findRecipientIds, insertNotifications, listNotificationRows, markRead } from './notifications.repository.js';

export type Recipients = { departmentIds?: string[]; roles?: Role[]; enterpriseId?: string; userIds?: string[]; exceptUserId?: string | null };

export type NotificationSpec = {
  to: Recipients;
  kind: NotificationKind;
  entity: string;
  entityId: string;
  params: Record<string, string | number | null>;
};

/** Writes in-app notifications inside the caller's transaction (they appear only if the change commits). */
export async function notify(tx: Tx, zoneId: string, now: Date, specs: NotificationSpec[]): Promise<void> {
  for (const spec of specs) {
    const ids = (await findRecipientIds(tx, zoneId, spec.to)).filter((id) => id !== spec.to.exceptUserId);
    await insertNotifications(tx, ids.map((userId) => ({
      zoneId,
      id: randomUUID(),
      userId,
      kind: spec.kind,
      entity: spec.entity,
      entityId: spec.entityId,
      title: renderNotification(spec.kind, spec.params, 'zh'),
      data: spec.params,
      at: now,
    })));
  }
}

export async function listMyNotifications(ctx: AppContext, actor: Actor, q: { unread?: boolean; page?: number; pageSize?: number }, lang: Lang) {
  const { rows, total, unread } = await listNotificationRows(ctx.db, actor.zoneId, actor.userId, { unread: q.unread, ...pageWindow(q) });
  return {
    total,
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      entity: r.entity,
      entityId: r.entityId,
      title: renderNotification(r.kind, r.data as Record<string, unknown>, lang),
      body: r.body,
      at: r.at.toISOString(),
      read: r.readAt !== null,
    })),
  };
}

/** Only the addressee reads or marks a notification: anyone else's is "not found". */
export async function markNotificationRead(ctx: AppContext, actor: Actor, id: string): Promise<{ ok: boolean }> {
  if (!(await findNotification(ctx.db, actor.zoneId, actor.userId, id))) throw notFound();
  await inTransaction(ctx.db, async (tx) => {
    await markRead(tx, actor.zoneId, actor.userId, id, ctx.clock.now());
    await recordAudit(tx, actor, { action: 'notification.read', entity: 'notification', entityId: id });
  });
  return { ok: true };
}

export async function markAllNotificationsRead(ctx: AppContext, actor: Actor): Promise<{ ok: boolean; updated: number }> {
  const updated = await inTransaction(ctx.db, async (tx) => {
    const n = await markRead(tx, actor.zoneId, actor.userId, null, ctx.clock.now());
    if (n > 0) await recordAudit(tx, actor, { action: 'notification.read_all', entity: 'notification', entityId: null, after: { updated: n } });
    return n;
  });
  return { ok: true, updated };
}
