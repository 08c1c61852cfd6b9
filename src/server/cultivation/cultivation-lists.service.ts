import { randomUUID } from 'node:crypto';
import type Type from 'typebox';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Tx } from '../../db/client.js';
import { computeTitleValidity } from '../../domain/cultivation/compute-title-validity.js';
import type { PageOf } from '../../contracts/common.js';
import type { ListCreate, ListDetail, ListPatch, ListSummary } from '../../contracts/cultivation.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { checkQueryDays } from '../platform/query-days.js';
import { recordAudit } from '../audit/audit.service.js';
import { cultivationPolicy } from './cultivation.policy.js';
import { ensureRemindersScheduled } from './cultivation-reminders.job.js';
import {
  deleteEntries, deleteList, findListedEnterpriseIds, findListRow, findZoneEnterprises, insertEntries, insertList, isListNameTaken, listEntryRows, listListRows,
  updateList, updateListQualifications, type ListSummaryRow,
} from './cultivation-lists.repository.js';

type ListPatchBody = Type.Static<typeof ListPatch>;

/**
 * 名单: the official lists of recognised enterprises (e.g. 2025年第一批创新型中小企业评价名单). Each
 * enterprise put on a list gets the tier's qualification (enterprise_qualifications, kind = the
 * tier), valid three years from the list's date (computeTitleValidity, official-rules.md §1.5);
 * removing it from the list, or deleting the list, removes that qualification. Managed by the
 * industry officer and the administrator; leaders and the coordinator read them.
 */

function presentSummary(row: ListSummaryRow): ListSummary {
  return {
    id: row.id,
    scheme: row.scheme as ListSummary['scheme'],
    name: row.name,
    issuer: row.issuer,
    documentNo: row.documentNo,
    publishedOn: row.publishedOn,
    validUntil: row.validUntil,
    note: row.note,
    entryCount: row.entryCount,
    createdAt: row.createdAt.toISOString(),
  };
}

const LAST_LIST_DAY = '9995-12-31';

const nameTaken = () => new DomainError('VALIDATION_FAILED', [fieldError('name', 'name-taken')]);

/** A field error with its own words (the enterprises it names are data, not a fixed message). */
function enterprisesError(reason: string, field: string, zh: string, en: string): KeyedFieldError {
  return { field, reason, message: zh, messages: { zh, en } };
}

/**
 * The enterprises to put on a list, checked all at once: every id must be an enterprise of the
 * zone, appear once, and not be on the list already. Any problem refuses the whole request, with
 * a field error naming the enterprises, and nothing is written.
 */
async function checkNewEntries(tx: Tx, zoneId: string, listId: string | null, ids: string[]): Promise<void> {
  const errors: KeyedFieldError[] = [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  const known = await findZoneEnterprises(tx, zoneId, [...seen]);
  const unknown = [...seen].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    errors.push(enterprisesError('cultivation-list-enterprise-unknown', 'enterpriseIds', `以下企业不存在：${unknown.join('、')}`, `No such enterprises: ${unknown.join(', ')}`));
  }
  if (twice.size > 0) {
    const names = [...twice].map((id) => known.get(id) ?? id);
    errors.push(enterprisesError('cultivation-list-enterprise-twice', 'enterpriseIds', `以下企业重复出现：${names.join('、')}`, `These enterprises appear twice: ${names.join(', ')}`));
  }
  if (listId) {
    const listed = await findListedEnterpriseIds(tx, zoneId, listId, [...seen]);
    if (listed.size > 0) {
      const names = [...listed].map((id) => known.get(id) ?? id);
      errors.push(enterprisesError('cultivation-list-enterprise-listed', 'enterpriseIds', `以下企业已在该名单上：${names.join('、')}`, `Already on this list: ${names.join(', ')}`));
    }
  }
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
}

/**
 * The enterprise record keeps a qualification's name in at most 100 characters and its certificate
 * number in 64 (src/contracts/enterprises.ts): a longer list name or document number is cut there,
 * so that the enterprise's form can still be saved with it.
 */
const QUALIFICATION_NAME_MAX = 100;
const CERTIFICATE_NO_MAX = 64;
const qualificationWords = (name: string, documentNo: string | null) => ({
  name: name.slice(0, QUALIFICATION_NAME_MAX),
  certificateNo: documentNo === null ? null : documentNo.slice(0, CERTIFICATE_NO_MAX),
});

async function addEntries(tx: Tx, list: { zoneId: string; id: string; scheme: string; name: string; documentNo: string | null; publishedOn: string; validUntil: string }, ids: string[]) {
  await insertEntries(tx, list.zoneId, list.id, ids.map((enterpriseId) => ({
    enterpriseId,
    qualification: { id: randomUUID(), kind: list.scheme, ...qualificationWords(list.name, list.documentNo), validFrom: list.publishedOn, validUntil: list.validUntil },
  })));
}

// ─── Reading ────────────────────────────────────────────────────────────────

export async function listLists(ctx: AppContext, actor: Actor, q: { scheme?: string; q?: string; page?: number; pageSize?: number }): Promise<PageOf<ListSummary>> {
  if (!cultivationPolicy.readLists(actor)) throw forbidden();
  const { rows, total } = await listListRows(ctx.db, actor.zoneId, { scheme: q.scheme, q: q.q, ...pageWindow(q) });
  return { items: rows.map(presentSummary), total };
}

async function detailOf(db: Tx | AppContext['db'], zoneId: string, id: string): Promise<ListDetail> {
  const row = await findListRow(db, zoneId, id);
  if (!row) throw notFound();
  const entries = await listEntryRows(db, zoneId, id);
  return {
    ...presentSummary(row),
    entries: entries.map((e) => ({ ...e, validUntil: e.validUntil ?? row.validUntil })),
  };
}

export async function getList(ctx: AppContext, actor: Actor, id: string): Promise<ListDetail> {
  if (!cultivationPolicy.readLists(actor)) throw forbidden();
  return detailOf(ctx.db, actor.zoneId, id);
}

// ─── Changing ───────────────────────────────────────────────────────────────

/** Records a list with its enterprises (each given the tier's qualification), in one transaction, audited. */
export async function createList(ctx: AppContext, actor: Actor, body: ListCreate): Promise<ListDetail> {
  if (!cultivationPolicy.readLists(actor) || !cultivationPolicy.manageLists(actor)) throw forbidden();
  checkQueryDays({ publishedOn: body.publishedOn }, '');
  // Three years on must still be a four-digit year.
  if (body.publishedOn > LAST_LIST_DAY) throw new DomainError('VALIDATION_FAILED', [fieldError('publishedOn', 'date-invalid', { value: body.publishedOn })]);
  const { validUntil } = computeTitleValidity(body.publishedOn);
  const name = body.name.trim();
  const ids = body.enterpriseIds ?? [];
  const id = randomUUID();
  return inTransaction(ctx.db, async (tx) => {
    if (await isListNameTaken(tx, actor.zoneId, name, null)) throw nameTaken();
    await checkNewEntries(tx, actor.zoneId, null, ids);
    const now = ctx.clock.now();
    const list = {
      zoneId: actor.zoneId, id, scheme: body.scheme, name, issuer: body.issuer ?? null, documentNo: body.documentNo ?? null, publishedOn: body.publishedOn, validUntil,
      note: body.note ?? null, createdBy: actor.userId, createdAt: now, updatedAt: now,
    };
    await insertList(tx, list);
    await addEntries(tx, list, ids);
    await recordAudit(tx, actor, {
      action: 'cultivation_list.created', entity: 'cultivation_list', entityId: id,
      after: { scheme: body.scheme, name, documentNo: list.documentNo, publishedOn: body.publishedOn, validUntil, enterpriseIds: ids },
    });
    await ensureRemindersScheduled(ctx, tx, actor.zoneId);
    return detailOf(tx, actor.zoneId, id);
  });
}

/** Changes the list's words; its qualifications follow the new name and document number. */
export async function patchList(ctx: AppContext, actor: Actor, id: string, patch: ListPatchBody): Promise<ListDetail> {
  if (!cultivationPolicy.readLists(actor)) throw forbidden();
  return inTransaction(ctx.db, async (tx) => {
    const row = await findListRow(tx, actor.zoneId, id, true);
    if (!row) throw notFound();
    if (!cultivationPolicy.manageLists(actor)) throw forbidden();
    const change = { ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) };
    if (change.name !== undefined && change.name !== row.name && (await isListNameTaken(tx, actor.zoneId, change.name, id))) throw nameTaken();
    await updateList(tx, actor.zoneId, id, change, ctx.clock.now());
    const words = qualificationWords(change.name ?? row.name, change.documentNo === undefined ? row.documentNo : change.documentNo);
    const follows: { name?: string; certificateNo?: string | null } = {};
    if (change.name !== undefined) follows.name = words.name;
    if (change.documentNo !== undefined) follows.certificateNo = words.certificateNo;
    if (Object.keys(follows).length > 0) await updateListQualifications(tx, actor.zoneId, id, follows);
    const before = Object.fromEntries(Object.keys(change).map((k) => [k, row[k as keyof typeof row]]));
    await recordAudit(tx, actor, { action: 'cultivation_list.updated', entity: 'cultivation_list', entityId: id, before, after: change });
    return detailOf(tx, actor.zoneId, id);
  });
}

/** Puts more enterprises on a list (each given the tier's qualification); all or none. */
export async function addListEntries(ctx: AppContext, actor: Actor, id: string, enterpriseIds: string[]): Promise<ListDetail> {
  if (!cultivationPolicy.readLists(actor)) throw forbidden();
  return inTransaction(ctx.db, async (tx) => {
    const row = await findListRow(tx, actor.zoneId, id, true);
    if (!row) throw notFound();
    if (!cultivationPolicy.manageLists(actor)) throw forbidden();
    await checkNewEntries(tx, actor.zoneId, id, enterpriseIds);
    await addEntries(tx, row, enterpriseIds);
    await updateList(tx, actor.zoneId, id, {}, ctx.clock.now());
    await recordAudit(tx, actor, { action: 'cultivation_list.entries_added', entity: 'cultivation_list', entityId: id, after: { enterpriseIds } });
    await ensureRemindersScheduled(ctx, tx, actor.zoneId);
    return detailOf(tx, actor.zoneId, id);
  });
}

/** Takes an enterprise off a list, and the qualification the entry gave it. */
export async function removeListEntry(ctx: AppContext, actor: Actor, id: string, enterpriseId: string): Promise<ListDetail> {
  if (!cultivationPolicy.readLists(actor)) throw forbidden();
  return inTransaction(ctx.db, async (tx) => {
    const row = await findListRow(tx, actor.zoneId, id, true);
    if (!row) throw notFound();
    if (!cultivationPolicy.manageLists(actor)) throw forbidden();
    const removed = await deleteEntries(tx, actor.zoneId, id, [enterpriseId]);
    if (removed.length === 0) throw notFound();
    await updateList(tx, actor.zoneId, id, {}, ctx.clock.now());
    await recordAudit(tx, actor, { action: 'cultivation_list.entry_removed', entity: 'cultivation_list', entityId: id, before: removed[0] });
    return detailOf(tx, actor.zoneId, id);
  });
}

/** Deletes a list, its entries and the qualifications they gave. */
export async function removeList(ctx: AppContext, actor: Actor, id: string): Promise<{ ok: boolean }> {
  if (!cultivationPolicy.readLists(actor)) throw forbidden();
  await inTransaction(ctx.db, async (tx) => {
    const row = await findListRow(tx, actor.zoneId, id, true);
    if (!row) throw notFound();
    if (!cultivationPolicy.manageLists(actor)) throw forbidden();
    const removed = await deleteEntries(tx, actor.zoneId, id, null);
    await deleteList(tx, actor.zoneId, id);
    await recordAudit(tx, actor, {
      action: 'cultivation_list.deleted', entity: 'cultivation_list', entityId: id,
      before: { scheme: row.scheme, name: row.name, documentNo: row.documentNo, publishedOn: row.publishedOn, entries: removed },
    });
  });
  return { ok: true };
}
