import type { AppContext } from '../platform/context.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import type { Tx } from '../../db/client.js';
import { DEFAULT_DEMAND_CATEGORIES } from '../../domain/demands/index.js';
import type { DemandCategory, DemandCategoryCreate, DemandCategoryPatch } from '../../contracts/demands.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { findZone } from '../zone/zone.repository.js';
import { findDepartment } from '../identity/identity.repository.js';
import { demandPolicy } from './demands.policy.js';
import { findCategory, insertCategories, listCategoryRows, updateCategory } from './demands.repository.js';

/** Seeds a zone's category tree with the defaults (idempotent: existing codes are kept as they are). */
export async function ensureDefaultCategories(tx: Tx, by: Actor | SystemActor): Promise<void> {
  const existing = await listCategoryRows(tx, by.zoneId);
  if (existing.length > 0) return;
  const rows = DEFAULT_DEMAND_CATEGORIES.map((c, i) => ({ zoneId: by.zoneId, code: c.code, name: c.name, position: (i + 1) * 10 }));
  await insertCategories(tx, rows);
  await recordAudit(tx, by, { action: 'demand_category.seeded', entity: 'demand_category', entityId: null, after: rows.map((r) => r.code) });
}

export async function listDemandCategories(ctx: AppContext, actor: Actor): Promise<{ items: DemandCategory[] }> {
  if (!demandPolicy.readCategories(actor)) throw forbidden();
  const zone = await findZone(ctx.db, actor.zoneId);
  const zoneDays = zone?.defaultDeadlineDays ?? 5;
  const rows = await listCategoryRows(ctx.db, actor.zoneId);
  return {
    items: rows.map(({ category: c, departmentName }) => ({
      code: c.code,
      name: c.name,
      parentCode: c.parentCode,
      defaultDepartmentId: c.defaultDepartmentId,
      defaultDepartmentName: departmentName,
      deadlineWorkingDays: c.deadlineWorkingDays,
      effectiveDeadlineDays: c.deadlineWorkingDays ?? zoneDays,
      position: c.position,
      active: c.active,
    })),
  };
}

async function checkRefs(tx: Tx, zoneId: string, code: string, input: { parentCode?: string | null; defaultDepartmentId?: string | null }): Promise<KeyedFieldError[]> {
  const errors: KeyedFieldError[] = [];
  if (input.defaultDepartmentId) {
    const d = await findDepartment(tx, zoneId, input.defaultDepartmentId);
    if (!d || !d.active) errors.push(fieldError('defaultDepartmentId', 'department-inactive'));
  }
  if (input.parentCode) {
    // Walk up from the new parent: meeting `code` on the way would make a cycle.
    const rows = new Map((await listCategoryRows(tx, zoneId)).map((r) => [r.category.code, r.category.parentCode]));
    if (!rows.has(input.parentCode)) errors.push(fieldError('parentCode', 'category-not-found'));
    for (let at: string | null | undefined = input.parentCode, hops = 0; at && hops < 100; at = rows.get(at), hops += 1) {
      if (at === code) {
        errors.push(fieldError('parentCode', 'category-parent-cycle'));
        break;
      }
    }
  }
  return errors;
}

export async function createDemandCategory(ctx: AppContext, actor: Actor, input: DemandCategoryCreate): Promise<{ items: DemandCategory[] }> {
  if (!demandPolicy.manageCategories(actor)) throw forbidden();
  await inTransaction(ctx.db, async (tx) => {
    const errors = await checkRefs(tx, actor.zoneId, input.code, input);
    if (await findCategory(tx, actor.zoneId, input.code)) errors.push(fieldError('code', 'category-code-taken'));
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const row = { zoneId: actor.zoneId, code: input.code, name: input.name.trim(), parentCode: input.parentCode ?? null, defaultDepartmentId: input.defaultDepartmentId ?? null, deadlineWorkingDays: input.deadlineWorkingDays ?? null, position: input.position ?? 1000 };
    await insertCategories(tx, [row]);
    await recordAudit(tx, actor, { action: 'demand_category.created', entity: 'demand_category', entityId: input.code, after: row });
  });
  return listDemandCategories(ctx, actor);
}

export async function patchDemandCategory(ctx: AppContext, actor: Actor, code: string, patch: DemandCategoryPatch): Promise<{ items: DemandCategory[] }> {
  if (!demandPolicy.manageCategories(actor)) throw forbidden();
  await inTransaction(ctx.db, async (tx) => {
    const before = await findCategory(tx, actor.zoneId, code);
    if (!before) throw notFound();
    const errors = await checkRefs(tx, actor.zoneId, code, patch);
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const changes = { ...patch, ...(patch.name ? { name: patch.name.trim() } : {}) };
    await updateCategory(tx, actor.zoneId, code, changes);
    const shown = Object.fromEntries(Object.keys(patch).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await recordAudit(tx, actor, { action: 'demand_category.updated', entity: 'demand_category', entityId: code, before: shown, after: changes });
  });
  return listDemandCategories(ctx, actor);
}
