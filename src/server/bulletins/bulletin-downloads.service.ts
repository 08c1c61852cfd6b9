import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction } from '../platform/transaction.js';
import { bulletinContentFor } from './bulletins.service.js';
import { buildBulletinDocx, buildBulletinXlsx, renderBulletinCharts } from './outputs/index.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The bulletin as a Word or Excel file, from the same content the page shows (the snapshot once published). */
export async function bulletinDownload(ctx: AppContext, actor: Actor, id: string, kind: 'docx' | 'xlsx') {
  const { row, content } = await bulletinContentFor(ctx, actor, id);
  const bytes = kind === 'docx' ? await buildBulletinDocx(content, { charts: renderBulletinCharts(content) }) : await buildBulletinXlsx(content);
  await inTransaction(ctx.db, (tx) => recordAudit(tx, actor, { action: `bulletin.exported-${kind}`, entity: 'bulletin', entityId: id, after: { version: row.version } }));
  return { content: bytes, contentType: TYPES[kind], fileName: `${content.title}${row.version > 1 ? `（第${row.version}版）` : ''}.${kind}` };
}
