import { randomUUID } from 'node:crypto';
import type { Static } from 'typebox';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { DepartmentCreate, DepartmentPatch, DepartmentQuery } from '../../contracts/identity.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { recordAudit } from '../audit/audit.service.js';
import { identityPolicy } from './identity.policy.js';
import {
  countDepartmentUsers, deleteDepartment, findDepartment, findDepartmentByName, insertDepartment, listDepartments, updateDepartment,
  type DepartmentRow,
} from './identity.repository.js';

const present = (d: DepartmentRow & { userCount: number }) => ({
  id: d.id,
  name: d.name,
  kind: d.kind as Static<typeof DepartmentCreate>['kind'],
  phone: d.phone,
  active: d.active,
  userCount: d.userCount,
});
const snapshot = (d: Pick<DepartmentRow, 'name' | 'kind' | 'phone' | 'active'>) => ({ name: d.name, kind: d.kind, phone: d.phone, active: d.active });

export async function listDepartmentsFor(ctx: AppContext, actor: Actor, q: Static<typeof DepartmentQuery>) {
  if (!identityPolicy.listDepartments(actor)) throw forbidden();
  const { rows, total } = await listDepartments(ctx.db, actor.zoneId, { kind: q.kind, q: q.q, ...pageWindow({ pageSize: 200, ...q }) });
  return { total, items: rows.map(present) };
}

async function assertNameFree(ctx: AppContext, zoneId: string, name: string, exceptId?: string) {
  const other = await findDepartmentByName(ctx.db, zoneId, name);
  if (other && other.id !== exceptId) {
    throw new DomainError('CONFLICT', [fieldError('name', 'name-taken')]);
  }
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: Static<typeof DepartmentCreate>) {
  if (!identityPolicy.manageDepartments(actor)) throw forbidden();
  const name = input.name.trim();
  await assertNameFree(ctx, actor.zoneId, name);
  const row = { zoneId: actor.zoneId, id: randomUUID(), name, kind: input.kind, phone: input.phone ?? null, active: true };
  await inTransaction(ctx.db, async (tx) => {
    await insertDepartment(tx, row);
    await recordAudit(tx, actor, { action: 'department.created', entity: 'department', entityId: row.id, after: snapshot(row) });
  });
  return present({ ...row, createdAt: new Date(), updatedAt: new Date(), userCount: 0 });
}

export async function patchDepartment(ctx: AppContext, actor: Actor, id: string, patch: Static<typeof DepartmentPatch>) {
  if (!identityPolicy.manageDepartments(actor)) throw forbidden();
  const before = await findDepartment(ctx.db, actor.zoneId, id);
  if (!before) throw notFound();
  const name = patch.name?.trim() ?? before.name;
  if (name !== before.name) await assertNameFree(ctx, actor.zoneId, name, id);
  const after = { ...before, ...patch, name };
  await inTransaction(ctx.db, async (tx) => {
    await updateDepartment(tx, actor.zoneId, id, { name, kind: after.kind, phone: after.phone, active: after.active });
    await recordAudit(tx, actor, { action: 'department.updated', entity: 'department', entityId: id, before: snapshot(before), after: snapshot(after) });
  });
  return present({ ...after, userCount: await countDepartmentUsers(ctx.db, actor.zoneId, id) });
}

/** A department that still has users cannot be deleted (deactivate it instead). */
export async function removeDepartment(ctx: AppContext, actor: Actor, id: string) {
  if (!identityPolicy.manageDepartments(actor)) throw forbidden();
  const before = await findDepartment(ctx.db, actor.zoneId, id);
  if (!before) throw notFound();
  if ((await countDepartmentUsers(ctx.db, actor.zoneId, id)) > 0) throw new DomainError('IN_USE');
  await inTransaction(ctx.db, async (tx) => {
    await deleteDepartment(tx, actor.zoneId, id);
    await recordAudit(tx, actor, { action: 'department.deleted', entity: 'department', entityId: id, before: snapshot(before) });
  });
}
