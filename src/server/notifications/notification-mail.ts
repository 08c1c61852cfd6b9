import type { AppContext } from '../platform/context.js';
import type { Mailer } from '../platform/mailer.js';
import { inTransaction } from '../platform/transaction.js';
import { renderNotification } from '../../contracts/notifications.js';
import { listUnmailed, markEmailed } from './notifications.repository.js';

/**
 * Sends the in-app notifications of users who have an e-mail address, when SMTP is configured.
 * At least once: a notification is marked e-mailed after the server accepted it; a refused
 * address is marked too (with nothing else to try), an unreachable server leaves it for the next run.
 */
export async function sendPendingMail(ctx: AppContext, mailer: Mailer, batch = 50): Promise<{ sent: number; failed: number }> {
  if (!mailer.enabled) return { sent: 0, failed: 0 };
  const pending = await listUnmailed(ctx.db, batch);
  let sent = 0;
  let failed = 0;
  for (const { notification: n, email } of pending) {
    const subject = `【益企】${renderNotification(n.kind, n.data as Record<string, unknown>, 'zh')}`;
    try {
      await mailer.send({ to: [email!], subject, text: `${subject}\n\n请登录益企平台查看详情。` });
      sent += 1;
    } catch (e) {
      failed += 1;
      if ((e as { reason?: string }).reason !== 'rejected') break;
    }
    await inTransaction(ctx.db, (tx) => markEmailed(tx, n.zoneId, [n.id], ctx.clock.now()));
  }
  return { sent, failed };
}
