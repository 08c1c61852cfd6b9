import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { hasRole } from '../../domain/identity/actor.js';

import type { DemandAttachment } from '../../contracts/demands.js';
import { fieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { ATTACHMENT_EXTENSIONS, attachmentExtension, type AttachmentExtension } from '../../domain/demands/index.js';
import { inTransaction } from '../platform/transaction.js';
import { decideOrThrow, envOf, loadForChange, writeChange } from './demand-change.js';
import { findAttachment, insertAttachment } from './demands.repository.js';
import { getDemand } from './demands.service.js';

/**
 * What may be attached: images, PDF and Office documents, recognised by extension and checked
 * against the file's first bytes, so a renamed executable is refused.
 */
const KINDS: Record<AttachmentExtension, { type: string; magic: (b: Buffer) => boolean }> = {
  jpg: { type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: { type: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  gif: { type: 'image/gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  webp: { type: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  pdf: { type: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: isZip },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: isZip },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: isZip },
  doc: { type: 'application/msword', magic: isOle },
  xls: { type: 'application/vnd.ms-excel', magic: isOle },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: isOle },
};

function isZip(b: Buffer) {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isOle(b: Buffer) {
  return b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/** What the upload form needs to know before sending a file; any signed-in user may ask. */
export async function attachmentRules(ctx: AppContext, actor: Actor): Promise<{ extensions: string[]; maxBytes: number }> {
  if (actor.roles.length === 0) throw forbidden();
  return { extensions: [...ATTACHMENT_EXTENSIONS], maxBytes: ctx.config.uploadMaxBytes };
}

/** The file's kind from its extension, checked against its first bytes; refuses what may not be attached. */
export function kindOf(fileName: string, content: Buffer) {
  const ext = attachmentExtension(fileName);
  if (!ext) throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', [fieldError('file', 'attachment-type', { value: path.extname(fileName).slice(1) || fileName })]);
  const kind = KINDS[ext];
  if (content.length === 0) throw new DomainError('VALIDATION_FAILED', [fieldError('file', 'file-required')]);
  if (!kind.magic(content)) throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', [fieldError('file', 'attachment-content-mismatch', { value: ext })]);
  return kind;
}

const storagePath = (ctx: AppContext, zoneId: string, id: string) => path.join(ctx.config.dataDir, 'attachments', zoneId, id);

/** Stores the file under DATA_DIR, then records it; a failed transaction removes the file again. */
export async function addAttachment(ctx: AppContext, actor: Actor, demandId: string, file: { fileName: string; content: Buffer; internal: boolean }): Promise<DemandAttachment> {
  const kind = kindOf(file.fileName, file.content);
  const internal = file.internal && !hasRole(actor, 'enterprise');
  const id = randomUUID();
  const target = storagePath(ctx, actor.zoneId, id);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, file.content, { flag: 'wx' });
  try {
    await inTransaction(ctx.db, async (tx) => {
      const { row, parties } = await loadForChange(tx, actor, demandId);
      decideOrThrow(row, parties, 'attach');
      await insertAttachment(tx, {
        zoneId: actor.zoneId, id, demandId, fileName: path.basename(file.fileName).slice(0, 200), contentType: kind.type, size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'), internal, uploadedBy: actor.userId, uploadedAt: ctx.clock.now(),
      });
      await writeChange(await envOf(ctx, tx, actor.zoneId), actor, row, {
        action: 'attachment_added',
        patch: {},
        events: [{ kind: 'attachment_added', internal, data: { attachmentId: id, fileName: file.fileName, size: file.content.length } }],
      });
    });
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  }
  const detail = await getDemand(ctx, actor, demandId);
  return detail.attachments.find((a) => a.id === id)!;
}

/** The file, for those who may read the demand (internal files only for the administration's people). */
export async function readAttachment(ctx: AppContext, actor: Actor, demandId: string, attachmentId: string) {
  const detail = await getDemand(ctx, actor, demandId);
  const row = await findAttachment(ctx.db, actor.zoneId, demandId, attachmentId);
  if (!row || !detail.attachments.some((a) => a.id === attachmentId)) throw notFound();
  const content = await fs.readFile(storagePath(ctx, actor.zoneId, attachmentId)).catch(() => {
    throw notFound();
  });
  return { fileName: row.fileName, contentType: row.contentType, content };
}

