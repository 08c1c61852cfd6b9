import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import type { Queryable, Tx } from '../../db/client.js';
import { bulletinCan, decideBulletinAction, missingBulletinInput, monthBounds, type BulletinAction } from '../../domain/bulletins/index.js';
import { addDays } from '../../domain/calendar/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import type { BulletinContent, BulletinDetail, BulletinPatch, BulletinStatus, BulletinSummary } from '../../contracts/bulletins.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { userNames } from '../visits/visits.repository.js';
import { bulletinPolicy } from './bulletins.policy.js';
import { buildBulletinContent, defaultBulletinTitle } from './bulletin-content.js';
import {
  findBulletinRow, insertBulletin, listBulletinRows, listCaseCandidates, listMonthVersions, updateBulletin, type BulletinRow,
} from './bulletins.repository.js';

const present = (r: BulletinRow): BulletinSummary => ({
  id: r.id, month: r.month, version: r.version, status: r.status as BulletinStatus, title: r.title,
  publishedAt: r.publishedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
});

export async function listBulletins(ctx: AppContext, actor: Actor, q: { year?: number; status?: BulletinStatus; page?: number; pageSize?: number }) {
  if (!bulletinPolicy.read(actor)) throw forbidden();
  const { rows, total } = await listBulletinRows(ctx.db, actor.zoneId, { year: q.year, status: q.status, ...pageWindow(q) });
  return { items: rows.map(present), total };
}

/** The content of a version: frozen once published, computed from the data before. */
async function contentOf(ctx: AppContext, db: Queryable, row: BulletinRow): Promise<BulletinContent> {
  if (row.snapshot) return row.snapshot as BulletinContent;
  const superseded = row.supersedesId ? await findBulletinRow(db, row.zoneId, row.supersedesId) : undefined;
  return buildBulletinContent(ctx, db, row, superseded?.version ?? null);
}

export async function getBulletin(ctx: AppContext, actor: Actor, id: string, db: Queryable = ctx.db): Promise<BulletinDetail> {
  if (!bulletinPolicy.read(actor)) throw forbidden();
  const row = await findBulletinRow(db, actor.zoneId, id);
  if (!row) throw notFound();
  const [names, versions] = await Promise.all([
    userNames(db, actor.zoneId, [row.createdBy, row.approvedBy, row.publishedBy]),
    listMonthVersions(db, actor.zoneId, row.month),
  ]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    ...present(row),
    intro: row.intro,
    caseIds: row.caseIds,
    reviewNote: row.reviewNote,
    correctionReason: row.correctionReason,
    supersedesId: row.supersedesId,
    supersededById: versions.find((v) => v.supersedesId === row.id)?.id ?? null,
    createdByName: name(row.createdBy),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedByName: name(row.approvedBy),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    publishedByName: name(row.publishedBy),
    content: await contentOf(ctx, db, row),
    frozen: row.snapshot !== null,
    can: bulletinCan(row.status as BulletinStatus, actor.roles, { correctionUnderWay: versions.some((v) => v.supersedesId === row.id) }),
  };
}

/** Opens a month's draft (version 1); the system does it on the first working day of the next month. */
export async function createBulletinIn(ctx: AppContext, tx: Tx, by: Actor | SystemActor, month: string): Promise<BulletinRow> {
  const { today } = await zoneToday(ctx, by.zoneId, tx);
  const errors: KeyedFieldError[] = [];
  if (monthBounds(month).from > today) errors.push(fieldError('month', 'bulletin-month-future', { value: month }));
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
  if ((await listMonthVersions(tx, by.zoneId, month)).length > 0) throw new DomainError('CONFLICT', [fieldError('month', 'bulletin-month-exists', { value: month })]);
  const now = ctx.clock.now();
  const row: BulletinRow = {
    zoneId: by.zoneId, id: randomUUID(), month, version: 1, status: 'draft', title: defaultBulletinTitle(month), intro: null, caseIds: [], snapshot: null,
    correctionReason: null, supersedesId: null, reviewNote: null, createdBy: by.userId, submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null,
    publishedBy: null, publishedAt: null, isDemo: false, createdAt: now, updatedAt: now,
  };
  await insertBulletin(tx, row);
  await recordAudit(tx, by, { action: 'bulletin.created', entity: 'bulletin', entityId: row.id, after: { month, version: 1 } });
  return row;
}

export async function createBulletin(ctx: AppContext, actor: Actor, month: string): Promise<BulletinDetail> {
  if (!bulletinPolicy.create(actor)) throw forbidden();
  const row = await inTransaction(ctx.db, (tx) => createBulletinIn(ctx, tx, actor, month));
  return getBulletin(ctx, actor, row.id);
}

/** Runs one lifecycle action in a transaction: decided by the domain's state machine, audited. */
async function act(
  ctx: AppContext, actor: Actor, id: string, action: BulletinAction,
  run: (tx: Tx, row: BulletinRow, next: BulletinStatus) => Promise<string | void>,
  input: { note?: string; reason?: string } = {},
): Promise<BulletinDetail> {
  if (!bulletinPolicy.read(actor)) throw forbidden();
  const missing = missingBulletinInput(action, input);
  if (missing) throw new DomainError('VALIDATION_FAILED', [fieldError(missing, 'required')]);
  const answerId = await inTransaction(ctx.db, async (tx) => {
    const row = await findBulletinRow(tx, actor.zoneId, id, true);
    if (!row) throw notFound();
    const versions = action === 'correct' ? await listMonthVersions(tx, actor.zoneId, row.month) : [];
    const decision = decideBulletinAction(row.status as BulletinStatus, actor.roles, action, { correctionUnderWay: versions.some((v) => v.supersedesId === row.id) });
    if (!decision.ok) throw decision.reason === 'forbidden' ? forbidden() : new DomainError('BULLETIN_STATE_CONFLICT');
    return (await run(tx, row, decision.next)) ?? id;
  });
  return getBulletin(ctx, actor, answerId);
}

export function patchBulletin(ctx: AppContext, actor: Actor, id: string, patch: BulletinPatch) {
  return act(ctx, actor, id, 'edit', async (tx, row) => {
    const caseIds = patch.caseIds ? [...new Set(patch.caseIds)] : undefined;
    if (caseIds) {
      const { timeZone } = await zoneToday(ctx, actor.zoneId, tx);
      const candidates = new Set((await candidatesOf(tx, actor.zoneId, row.month, timeZone)).map((c) => c.id));
      const errors = caseIds.flatMap((cid, i) => (candidates.has(cid) ? [] : [fieldError(`caseIds.${i}`, 'bulletin-case-not-eligible')]));
      if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    }
    const changes = {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.intro !== undefined ? { intro: patch.intro?.trim() || null } : {}),
      ...(caseIds ? { caseIds } : {}),
      updatedAt: ctx.clock.now(),
    };
    await updateBulletin(tx, actor.zoneId, id, changes);
    await recordAudit(tx, actor, {
      action: 'bulletin.edited', entity: 'bulletin', entityId: id,
      before: { title: row.title, intro: row.intro, caseIds: row.caseIds }, after: { ...changes, updatedAt: undefined },
    });
  });
}

export function submitBulletin(ctx: AppContext, actor: Actor, id: string) {
  return act(ctx, actor, id, 'submit', async (tx, row, next) => {
    const now = ctx.clock.now();
    await updateBulletin(tx, actor.zoneId, id, { status: next, submittedBy: actor.userId, submittedAt: now, reviewNote: null, updatedAt: now });
    await recordAudit(tx, actor, { action: 'bulletin.submitted', entity: 'bulletin', entityId: id, before: { status: row.status }, after: { status: next } });
    await notify(tx, actor.zoneId, now, [{ to: { roles: ['leader'], exceptUserId: actor.userId }, kind: 'bulletin.review', entity: 'bulletin', entityId: id, params: { title: row.title } }]);
  });
}

export function returnBulletin(ctx: AppContext, actor: Actor, id: string, note: string) {
  return act(ctx, actor, id, 'return', async (tx, row, next) => {
    const now = ctx.clock.now();
    await updateBulletin(tx, actor.zoneId, id, { status: next, reviewNote: note.trim(), updatedAt: now });
    await recordAudit(tx, actor, { action: 'bulletin.returned', entity: 'bulletin', entityId: id, before: { status: row.status }, after: { status: next, note: note.trim() } });
    await notify(tx, actor.zoneId, now, [{ to: { roles: ['coordinator'], exceptUserId: actor.userId }, kind: 'bulletin.returned', entity: 'bulletin', entityId: id, params: { title: row.title, note: note.trim() } }]);
  }, { note });
}

/**
 * A leader approves — not the person who submitted it (one person holding both roles may not
 * review their own draft). What is approved is what is published: the content is frozen here.
 */
export function approveBulletin(ctx: AppContext, actor: Actor, id: string) {
  return act(ctx, actor, id, 'approve', async (tx, row, next) => {
    if (row.submittedBy === actor.userId) throw forbidden();
    const now = ctx.clock.now();
    const superseded = row.supersedesId ? await findBulletinRow(tx, actor.zoneId, row.supersedesId) : undefined;
    const snapshot = await buildBulletinContent(ctx, tx, row, superseded?.version ?? null);
    await updateBulletin(tx, actor.zoneId, id, { status: next, snapshot, approvedBy: actor.userId, approvedAt: now, updatedAt: now });
    await recordAudit(tx, actor, { action: 'bulletin.approved', entity: 'bulletin', entityId: id, before: { status: row.status }, after: { status: next } });
    await notify(tx, actor.zoneId, now, [{ to: { roles: ['coordinator'], exceptUserId: actor.userId }, kind: 'bulletin.approved', entity: 'bulletin', entityId: id, params: { title: row.title } }]);
  });
}

/**
 * Publishes the content as approved (frozen at approval), dated today: later changes to demands
 * never alter it. A correction supersedes the version it corrects.
 */
export function publishBulletin(ctx: AppContext, actor: Actor, id: string) {
  return act(ctx, actor, id, 'publish', async (tx, row, next) => {
    const now = ctx.clock.now();
    const superseded = row.supersedesId ? await findBulletinRow(tx, actor.zoneId, row.supersedesId, true) : undefined;
    const { today } = await zoneToday(ctx, actor.zoneId, tx);
    const approved = (row.snapshot as BulletinContent | null) ?? (await buildBulletinContent(ctx, tx, row, superseded?.version ?? null));
    const snapshot: BulletinContent = { ...approved, issuedOn: today };
    await updateBulletin(tx, actor.zoneId, id, { status: next, snapshot, publishedBy: actor.userId, publishedAt: now, updatedAt: now });
    if (superseded) {
      await updateBulletin(tx, actor.zoneId, superseded.id, { status: 'superseded', updatedAt: now });
      await recordAudit(tx, actor, { action: 'bulletin.superseded', entity: 'bulletin', entityId: superseded.id, before: { status: superseded.status }, after: { status: 'superseded', by: id } });
    }
    await recordAudit(tx, actor, { action: 'bulletin.published', entity: 'bulletin', entityId: id, before: { status: row.status }, after: { status: next, version: row.version } });
  });
}

/** A correction: a new draft version of the month, with its reason, that supersedes this one once published. */
export function correctBulletin(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return act(ctx, actor, id, 'correct', async (tx, row) => {
    const versions = await listMonthVersions(tx, actor.zoneId, row.month);
    const now = ctx.clock.now();
    const next: BulletinRow = {
      ...row, id: randomUUID(), version: Math.max(...versions.map((v) => v.version)) + 1, status: 'draft', snapshot: null,
      correctionReason: reason.trim(), supersedesId: row.id, reviewNote: null, createdBy: actor.userId, submittedBy: null, submittedAt: null,
      approvedBy: null, approvedAt: null, publishedBy: null, publishedAt: null, createdAt: now, updatedAt: now,
    };
    await insertBulletin(tx, next);
    await recordAudit(tx, actor, { action: 'bulletin.correction-opened', entity: 'bulletin', entityId: next.id, after: { month: row.month, version: next.version, supersedes: row.id, reason: reason.trim() } });
    return next.id;
  }, { reason });
}

async function candidatesOf(db: Queryable, zoneId: string, month: string, timeZone: string) {
  const { from, to } = monthBounds(month);
  return listCaseCandidates(db, zoneId, startOfDayInZone(from, timeZone), startOfDayInZone(addDays(to, 1), timeZone));
}

/** Demands the coordinator may pick as typical cases: settled in the month, not private. */
export async function caseCandidates(ctx: AppContext, actor: Actor, id: string) {
  if (!bulletinPolicy.read(actor)) throw forbidden();
  const row = await findBulletinRow(ctx.db, actor.zoneId, id);
  if (!row) throw notFound();
  const { timeZone } = await zoneToday(ctx, actor.zoneId);
  return { items: await candidatesOf(ctx.db, actor.zoneId, row.month, timeZone) };
}

/** The content for downloads: the snapshot of a published version, the live figures of a draft. */
export async function bulletinContentFor(ctx: AppContext, actor: Actor, id: string): Promise<{ row: BulletinRow; content: BulletinContent }> {
  if (!bulletinPolicy.read(actor)) throw forbidden();
  const row = await findBulletinRow(ctx.db, actor.zoneId, id);
  if (!row) throw notFound();
  return { row, content: await contentOf(ctx, ctx.db, row) };
}
