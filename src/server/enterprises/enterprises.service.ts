import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { EnterpriseCreate, EnterprisePatch, EnterpriseQuery, EnterpriseSummary, EnterpriseDetail } from '../../contracts/enterprises.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { recordAudit } from '../audit/audit.service.js';
import { listUsers } from '../identity/identity.repository.js';
import { zoneToday } from '../zone/zone-today.js';
import { ENTERPRISE_SELF_SERVICE_FIELDS, enterpriseListScope, enterprisePolicy } from './enterprises.policy.js';
import { checkEnterpriseInput, enterpriseChildren, enterpriseColumns, type EnterpriseRefs } from './enterprise-input.js';
import {
  findEnterpriseByUscc, findEnterpriseRow, insertEnterprises, listEnterpriseRows, listThemes, loadEnterpriseChildren, loadSummaryParts,
  replaceChildren, updateEnterpriseRow, type EnterpriseRow,
} from './enterprises.repository.js';

type EnterpriseRefsByName = EnterpriseRefs & { cadresByName: Map<string, string>; leadersByName: Map<string, string>; themesByName: Map<string, string> };

/** Cadres, active leaders and themes of the zone, to check references in a payload or an import. */
export async function loadEnterpriseRefs(ctx: AppContext, zoneId: string): Promise<EnterpriseRefsByName> {
  const [cadres, leaders, themes] = await Promise.all([
    listUsers(ctx.db, zoneId, { role: 'cadre', limit: 10_000, offset: 0 }),
    listUsers(ctx.db, zoneId, { role: 'leader', active: true, limit: 10_000, offset: 0 }),
    listThemes(ctx.db, zoneId),
  ]);
  const byName = (rows: { id: string; displayName: string; username: string }[]) =>
    new Map(rows.flatMap((u) => [[u.displayName, u.id], [u.username, u.id]] as [string, string][]));
  return {
    cadreIds: new Set(cadres.rows.map((c) => c.id)),
    leaderIds: new Set(leaders.rows.map((l) => l.id)),
    themeIds: new Set(themes.map((t) => t.id)),
    cadresByName: byName(cadres.rows),
    leadersByName: byName(leaders.rows),
    themesByName: new Map(themes.map((t) => [t.name, t.id])),
  };
}

export async function listEnterprises(ctx: AppContext, actor: Actor, q: EnterpriseQuery): Promise<{ items: EnterpriseSummary[]; total: number }> {
  const scope = enterpriseListScope(actor);
  const { today } = await zoneToday(ctx, actor.zoneId);
  const { rows, total } = await listEnterpriseRows(ctx.db, actor.zoneId, {
    ...q,
    today,
    none: scope.kind === 'none',
    onlyId: scope.kind === 'one' ? scope.enterpriseId : undefined,
    ...pageWindow(q),
  });
  return { total, items: await summarise(ctx, actor.zoneId, rows, today) };
}

export async function summarise(ctx: AppContext, zoneId: string, rows: EnterpriseRow[], today: string): Promise<EnterpriseSummary[]> {
  const parts = await loadSummaryParts(ctx.db, zoneId, rows.map((r) => r.id), today);
  return rows.map((r) => {
    const latest = parts.latestBy.get(r.id);
    return {
      id: r.id,
      name: r.name,
      uscc: r.uscc,
      legalRepresentative: r.legalRepresentative,
      industryDivision: r.industryDivision,
      industrySection: r.industrySection,
      sizeSector: r.sizeSector,
      aboveScale: r.aboveScale,
      cadreId: r.cadreId,
      cadreName: parts.cadreNames.get(r.id) ?? null,
      leaderId: r.leaderId,
      leaderName: parts.leaderNames.get(r.id) ?? null,
      themes: parts.themesBy.get(r.id) ?? [],
      qualificationKinds: [...new Set<string>(parts.qualsBy.get(r.id) ?? [])],
      latestYear: latest?.year ?? null,
      latestRevenue: latest?.revenue ?? null,
      latestEmployees: latest?.employees ?? null,
      isDemo: r.isDemo,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function readable(ctx: AppContext, actor: Actor, id: string): Promise<EnterpriseRow> {
  const row = await findEnterpriseRow(ctx.db, actor.zoneId, id);
  if (!row || !enterprisePolicy.read(actor, row)) throw notFound();
  return row;
}

export async function getEnterprise(ctx: AppContext, actor: Actor, id: string): Promise<EnterpriseDetail> {
  const row = await readable(ctx, actor, id);
  const { today } = await zoneToday(ctx, actor.zoneId);
  const [summary] = await summarise(ctx, actor.zoneId, [row], today);
  const children = await loadEnterpriseChildren(ctx.db, actor.zoneId, id);
  return {
    ...summary!,
    address: row.address,
    foundedOn: row.foundedOn,
    description: row.description,
    qualifications: children.qualifications.map((q) => ({
      id: q.id,
      kind: q.kind as EnterpriseDetail['qualifications'][number]['kind'],
      name: q.name,
      certificateNo: q.certificateNo,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
      valid: q.validFrom <= today && (q.validUntil === null || q.validUntil >= today),
    })),
    contacts: children.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, phone: c.phone, email: c.email, isPrimary: c.isPrimary })),
    figures: children.figures.map(({ zoneId: _z, enterpriseId: _e, ...f }) => f),
    canEdit: enterprisePolicy.update(actor, row),
  };
}

function rejectIfInvalid(errors: KeyedFieldError[]) {
  if (errors.length === 0) return;
  const uscc = errors.find((e) => e.field === 'uscc');
  throw new DomainError(uscc && errors.length === 1 ? 'USCC_INVALID' : 'VALIDATION_FAILED', errors);
}

async function assertUsccFree(ctx: AppContext, zoneId: string, uscc: string, exceptId?: string) {
  const other = await findEnterpriseByUscc(ctx.db, zoneId, uscc);
  if (other && other.id !== exceptId) {
    throw new DomainError('USCC_DUPLICATE', [fieldError('uscc', 'uscc-duplicate', { value: other.name })]);
  }
}

export async function createEnterprise(ctx: AppContext, actor: Actor, input: EnterpriseCreate): Promise<EnterpriseDetail> {
  if (!enterprisePolicy.create(actor)) throw forbidden();
  const refs = await loadEnterpriseRefs(ctx, actor.zoneId);
  const { errors, uscc } = checkEnterpriseInput(input, refs);
  rejectIfInvalid(errors);
  await assertUsccFree(ctx, actor.zoneId, uscc!);
  const id = randomUUID();
  const row = { zoneId: actor.zoneId, id, name: input.name.trim(), uscc: uscc!, aboveScale: false, ...enterpriseColumns(input, uscc) };
  await inTransaction(ctx.db, async (tx) => {
    await insertEnterprises(tx, [row]);
    await replaceChildren(tx, actor.zoneId, id, enterpriseChildren(input));
    await recordAudit(tx, actor, { action: 'enterprise.created', entity: 'enterprise', entityId: id, after: { ...input, uscc } });
  });
  return getEnterprise(ctx, actor, id);
}

export async function patchEnterprise(ctx: AppContext, actor: Actor, id: string, patch: EnterprisePatch): Promise<EnterpriseDetail> {
  const row = await readable(ctx, actor, id);
  if (!enterprisePolicy.update(actor, row)) throw forbidden();
  if (!enterprisePolicy.updateAll(actor, row)) {
    const allowed: readonly string[] = ENTERPRISE_SELF_SERVICE_FIELDS;
    const refused = Object.keys(patch).filter((k) => !allowed.includes(k));
    if (refused.length > 0) {
      throw new DomainError('FORBIDDEN', refused.map((field) => fieldError(field, 'not-editable-by-enterprise')));
    }
  }
  if (patch.leaderId !== undefined && patch.leaderId !== row.leaderId && !enterprisePolicy.assignLeader(actor)) {
    throw new DomainError('FORBIDDEN', [fieldError('leaderId', 'registrar-only')]);
  }
  const refs = await loadEnterpriseRefs(ctx, actor.zoneId);
  const { errors, uscc } = checkEnterpriseInput(patch, refs);
  rejectIfInvalid(errors);
  if (uscc && uscc !== row.uscc) await assertUsccFree(ctx, actor.zoneId, uscc, id);
  const before = await getEnterprise(ctx, actor, id);
  await inTransaction(ctx.db, async (tx) => {
    await updateEnterpriseRow(tx, actor.zoneId, id, enterpriseColumns(patch, uscc));
    await replaceChildren(tx, actor.zoneId, id, enterpriseChildren(patch));
    const changedBefore = Object.fromEntries(Object.keys(patch).map((k) => [k, (before as Record<string, unknown>)[k === 'themeIds' ? 'themes' : k]]));
    await recordAudit(tx, actor, { action: 'enterprise.updated', entity: 'enterprise', entityId: id, before: changedBefore, after: uscc ? { ...patch, uscc } : patch });
  });
  return getEnterprise(ctx, actor, id);
}
