import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import type { ImportJob, ImportStatus } from '../../contracts/enterprises.js';
import type { Lang } from '../../contracts/errors.js';
import { cellError, localiseMessage, type KeyedCellError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit, type AuditChange } from '../audit/audit.service.js';
import { enterprisePolicy } from './enterprises.policy.js';
import { checkEnterpriseInput, enterpriseChildren, enterpriseColumns } from './enterprise-input.js';
import { loadEnterpriseRefs } from './enterprises.service.js';
import { columnHeader, mapHeaders, parseRow, readWorkbook, WorkbookError, buildErrorWorkbook, type ParsedRow } from './enterprises.excel.js';
import {
  findImport, insertChildrenOfNew, insertEnterprises, insertImport, mapUsccToIds, replaceChildren, updateEnterpriseRow, updateImport, upsertFigures,
  type ImportRow,
} from './enterprises.repository.js';

/** Progress of imports running in this process (the row in the database holds the outcome). */
const running = new Map<string, { status: ImportStatus; processed: number; total: number }>();
const MAX_STORED_ERRORS = 2000;

export type ImportProgress = (p: { status: ImportStatus; processed: number; total: number }) => void;
const tick = () => new Promise<void>((r) => setImmediate(r));

function present(row: ImportRow, lang: Lang): ImportJob {
  const live = running.get(row.id);
  return {
    id: row.id,
    fileName: row.fileName,
    status: (live?.status ?? row.status) as ImportStatus,
    total: live?.total ?? row.total,
    processed: live?.processed ?? (row.status === 'succeeded' || row.status === 'failed' ? row.total : 0),
    created: row.created,
    updated: row.updated,
    errorCount: row.errorCount,
    errors: (row.errors as KeyedCellError[]).map((e) => localiseMessage(e, lang)),
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Starts an import from the web: checks who asks, records the job, and runs it in the background. */
export async function startImport(ctx: AppContext, actor: Actor, fileName: string, buffer: Buffer, lang: Lang): Promise<ImportJob> {
  if (!enterprisePolicy.import(actor)) throw forbidden();
  const id = await createImportJob(ctx, actor, fileName);
  running.set(id, { status: 'queued', processed: 0, total: 0 });
  void runImport(ctx, actor, id, buffer).catch(() => undefined);
  return getImport(ctx, actor, id, lang);
}

export async function getImport(ctx: AppContext, actor: Actor, id: string, lang: Lang): Promise<ImportJob> {
  if (!enterprisePolicy.import(actor)) throw notFound();
  const row = await findImport(ctx.db, actor.zoneId, id);
  if (!row) throw notFound();
  return present(row, lang);
}

export async function importErrorsWorkbook(ctx: AppContext, actor: Actor, id: string, lang: Lang): Promise<Buffer> {
  const job = await getImport(ctx, actor, id, lang);
  return buildErrorWorkbook(job.errors, lang);
}

export async function createImportJob(ctx: AppContext, by: Actor | SystemActor, fileName: string): Promise<string> {
  const id = randomUUID();
  await inTransaction(ctx.db, async (tx) => {
    await insertImport(tx, { zoneId: by.zoneId, id, fileName: fileName.slice(0, 200), status: 'queued', createdBy: by.userId });
    await recordAudit(tx, by, { action: 'enterprise_import.started', entity: 'enterprise_import', entityId: id, after: { fileName } });
  });
  return id;
}

/**
 * Validates the whole file first; a file with any bad row imports nothing and
 * keeps a per-row, per-column error list. A clean file is written in one
 * transaction: new USCCs are created, known ones updated.
 */
export async function runImport(
  ctx: AppContext, by: Actor | SystemActor, id: string, buffer: Buffer, onProgress?: ImportProgress,
): Promise<ImportJob> {
  const zoneId = by.zoneId;
  const state = { status: 'validating' as ImportStatus, processed: 0, total: 0 };
  running.set(id, state);
  const report = (status: ImportStatus) => {
    state.status = status;
    onProgress?.({ ...state });
  };
  const finish = async (status: 'succeeded' | 'failed', fields: { errors?: KeyedCellError[]; errorCount?: number; message?: string | null; created?: number; updated?: number }) => {
    await inTransaction(ctx.db, async (tx) => {
      await updateImport(tx, zoneId, id, {
        status,
        total: state.total,
        errors: (fields.errors ?? []).slice(0, MAX_STORED_ERRORS),
        errorCount: fields.errorCount ?? fields.errors?.length ?? 0,
        message: fields.message ?? null,
        created: fields.created ?? 0,
        updated: fields.updated ?? 0,
        finishedAt: ctx.clock.now(),
      });
      await recordAudit(tx, by, [
        {
          action: `enterprise_import.${status}`,
          entity: 'enterprise_import',
          entityId: id,
          after: { total: state.total, created: fields.created ?? 0, updated: fields.updated ?? 0, errorCount: fields.errorCount ?? fields.errors?.length ?? 0, message: fields.message ?? null },
        },
      ]);
    });
    running.delete(id);
    report(status);
    const row = await findImport(ctx.db, zoneId, id);
    return present(row!, 'zh');
  };

  try {
    let sheet;
    try {
      sheet = await readWorkbook(buffer);
    } catch (e) {
      if (e instanceof WorkbookError) return await finish('failed', { message: 'IMPORT_INVALID_FILE' });
      throw e;
    }
    const { index, missing } = mapHeaders(sheet);
    if (missing.length > 0) {
      return await finish('failed', {
        message: 'IMPORT_ROWS_INVALID',
        errors: missing.map((h) => cellError(1, h, 'column-missing')),
      });
    }
    const refs = await loadEnterpriseRefs(ctx, zoneId);
    state.total = Math.max(sheet.rowCount - 1, 0);
    report('validating');
    const errors: KeyedCellError[] = [];
    const rows: (ParsedRow & { uscc: string; cadreId: string | null; leaderId: string | null; themeIds: string[] })[] = [];
    const seen = new Map<string, number>();
    for (let r = 2; r <= sheet.rowCount; r++) {
      const { parsed, errors: cellErrors, empty } = parseRow(sheet, r, index);
      errors.push(...cellErrors);
      if (parsed && !empty) {
        const cadreId = parsed.cadreName ? (refs.cadresByName.get(parsed.cadreName) ?? null) : null;
        if (parsed.cadreName && !cadreId) errors.push(cellError(r, columnHeader('cadre'), 'cadre-name-unknown', { value: parsed.cadreName }));
        const leaderId = parsed.leaderName ? (refs.leadersByName.get(parsed.leaderName) ?? null) : null;
        if (parsed.leaderName && !leaderId) errors.push(cellError(r, columnHeader('leader'), 'leader-name-unknown', { value: parsed.leaderName }));
        const themeIds: string[] = [];
        for (const t of parsed.themeNames) {
          const tid = refs.themesByName.get(t);
          if (tid) themeIds.push(tid);
          else errors.push(cellError(r, columnHeader('themes'), 'theme-name-unknown', { value: t }));
        }
        const check = checkEnterpriseInput({ ...parsed.payload, cadreId, leaderId, themeIds: [...new Set(themeIds)] }, refs);
        for (const e of check.errors) {
          errors.push({ row: r, column: columnHeader(e.field), reason: e.reason, message: e.message, ...(e.params ? { params: e.params } : {}) });
        }
        if (check.uscc) {
          const first = seen.get(check.uscc);
          if (first) errors.push(cellError(r, columnHeader('uscc'), 'duplicate-of-row', { value: first }));
          else seen.set(check.uscc, r);
          rows.push({ ...parsed, uscc: check.uscc, cadreId, leaderId, themeIds: [...new Set(themeIds)] });
        }
      }
      state.processed = r - 1;
      if (r % 250 === 0) {
        report('validating');
        await tick();
      }
    }
    state.processed = state.total;
    if (errors.length > 0) {
      return await finish('failed', { message: 'IMPORT_ROWS_INVALID', errors, errorCount: errors.length });
    }
    if (rows.length === 0) {
      return await finish('failed', { message: 'IMPORT_ROWS_INVALID', errors: [cellError(2, columnHeader('name'), 'file-empty')] });
    }

    state.processed = 0;
    state.total = rows.length;
    report('writing');
    const existing = await mapUsccToIds(ctx.db, zoneId, rows.map((r) => r.uscc));
    const changes: AuditChange[] = [];
    let created = 0;
    let updated = 0;
    await inTransaction(ctx.db, async (tx) => {
      const fresh = rows.filter((r) => !existing.has(r.uscc)).map((r) => ({ ...r, id: randomUUID() }));
      await insertEnterprises(
        tx,
        fresh.map((r) => ({ zoneId, id: r.id, name: r.payload.name.trim(), uscc: r.uscc, ...enterpriseColumns({ ...r.payload, cadreId: r.cadreId, leaderId: r.leaderId }, r.uscc) })),
      );
      // Batches yield to the event loop, so the server keeps answering (on PGlite, queries wait for this transaction).
      await insertChildrenOfNew(
        tx, zoneId,
        fresh.map((r) => ({ enterpriseId: r.id, children: enterpriseChildren({ ...r.payload, themeIds: r.themeIds }) })),
        tick,
      );
      for (const r of fresh) {
        changes.push({ action: 'enterprise.created', entity: 'enterprise', entityId: r.id, after: { ...r.payload, importId: id } });
      }
      created = fresh.length;
      state.processed = created;
      report('writing');
      for (const r of rows.filter((x) => existing.has(x.uscc))) {
        const eid = existing.get(r.uscc)!;
        await updateEnterpriseRow(tx, zoneId, eid, enterpriseColumns({ ...r.payload, ...(r.cadreId ? { cadreId: r.cadreId } : {}), ...(r.leaderId ? { leaderId: r.leaderId } : {}) }, r.uscc));
        const children = enterpriseChildren({ ...r.payload, themeIds: r.themeIds });
        await replaceChildren(tx, zoneId, eid, { themeIds: r.themeIds.length ? r.themeIds : undefined, contacts: children.contacts });
        await upsertFigures(tx, zoneId, eid, children.figures);
        changes.push({ action: 'enterprise.updated', entity: 'enterprise', entityId: eid, after: { ...r.payload, importId: id } });
        updated++;
        state.processed++;
        if (state.processed % 250 === 0) report('writing');
      }
      await recordAudit(tx, by, changes);
    });
    report('writing');
    return await finish('succeeded', { created, updated });
  } catch (e) {
    running.delete(id);
    await finish('failed', { message: 'INTERNAL' }).catch(() => undefined);
    throw e;
  }
}

export function assertXlsxUpload(fileName: string, mimetype: string): void {
  const okName = /\.xlsx$/i.test(fileName);
  const okType = mimetype === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' || mimetype === 'application/octet-stream';
  if (!okName || !okType) {
    throw new DomainError('IMPORT_INVALID_FILE', [fieldError('file', 'xlsx-required')]);
  }
}
