import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { VisitDetail } from '../../contracts/visits.js';
import { fieldError } from '../../contracts/field-messages.js';
import { DomainError, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { kindOf } from '../demands/demand-attachments.service.js';
import { insertPhoto, listPhotos } from './visits.repository.js';
import { getVisit, loadForRecord } from './visits.service.js';

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const storagePath = (ctx: AppContext, zoneId: string, id: string) => path.join(ctx.config.dataDir, 'visit-photos', zoneId, id);

/**
 * A photo of the on-site office: an image checked by its first bytes, stored under DATA_DIR. Access is
 * checked before the file is written (and again, locked, in the transaction); a failed transaction
 * removes the file.
 */
export async function addVisitPhoto(ctx: AppContext, actor: Actor, visitId: string, file: { fileName: string; content: Buffer }): Promise<VisitDetail> {
  await loadForRecord(ctx, ctx.db, actor, visitId);
  const kind = kindOf(file.fileName, file.content);
  if (!PHOTO_TYPES.has(kind.type)) throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', [fieldError('file', 'visit-photo-type')]);
  const id = randomUUID();
  const target = storagePath(ctx, actor.zoneId, id);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, file.content, { flag: 'wx' });
  try {
    await inTransaction(ctx.db, async (tx) => {
      await loadForRecord(ctx, tx, actor, visitId, true);
      const fileName = path.basename(file.fileName).slice(0, 200);
      await insertPhoto(tx, {
        zoneId: actor.zoneId, id, visitId, fileName, contentType: kind.type, size: file.content.length, uploadedBy: actor.userId, uploadedAt: ctx.clock.now(),
      });
      await recordAudit(tx, actor, { action: 'visit.photo-added', entity: 'visit', entityId: visitId, after: { photoId: id, fileName, size: file.content.length } });
    });
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  }
  return getVisit(ctx, actor, visitId);
}

export async function readVisitPhoto(ctx: AppContext, actor: Actor, visitId: string, photoId: string) {
  await getVisit(ctx, actor, visitId);
  const photo = (await listPhotos(ctx.db, actor.zoneId, visitId)).find((p) => p.photo.id === photoId)?.photo;
  if (!photo) throw notFound();
  const content = await fs.readFile(storagePath(ctx, actor.zoneId, photoId)).catch(() => {
    throw notFound();
  });
  return { fileName: photo.fileName, contentType: photo.contentType, content };
}
