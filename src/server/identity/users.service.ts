import { randomUUID } from 'node:crypto';
import type { Static } from 'typebox';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { UserCreate, UserPatch, UserQuery } from '../../contracts/identity.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEnterpriseRow } from '../enterprises/enterprises.repository.js';
import { identityPolicy } from './identity.policy.js';
import { assertStrongPassword } from './auth.service.js';
import { hashPassword } from './passwords.js';
import {
  countActiveUsersByRole, deleteUserSessions, findDepartment, findUserById, findUserByUsername, insertUser, listUsers, setUserRoles, updateUser,
  type UserWithRoles,
} from './identity.repository.js';

/** What leaves the server about a user: never the hash, never the failure counter. */
function present(u: UserWithRoles & { departmentName?: string | null; enterpriseName?: string | null }, now: Date) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    email: u.email,
    roles: u.roles,
    departmentId: u.departmentId,
    departmentName: u.departmentName ?? null,
    enterpriseId: u.enterpriseId,
    enterpriseName: u.enterpriseName ?? null,
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

/** The audit view of a user (no secrets). */
const snapshot = (u: { username: string; displayName: string; roles: readonly Role[]; departmentId: string | null; enterpriseId: string | null; active: boolean; phone: string | null; email: string | null }) => ({
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  departmentId: u.departmentId,
  enterpriseId: u.enterpriseId,
  active: u.active,
  phone: u.phone,
  email: u.email,
});

/** Every role with the number of active users of the zone holding it. */
export async function listRoles(ctx: AppContext, actor: Actor) {
  if (!identityPolicy.listUsers(actor)) throw forbidden();
  const counts = await countActiveUsersByRole(ctx.db, actor.zoneId);
  return ROLES.map((role) => ({ role, userCount: counts.get(role) ?? 0 }));
}

export async function listUsersFor(ctx: AppContext, actor: Actor, q: Static<typeof UserQuery>) {
  if (!identityPolicy.listUsers(actor)) throw forbidden();
  const { rows, total } = await listUsers(ctx.db, actor.zoneId, { ...q, ...pageWindow(q) });
  const now = ctx.clock.now();
  return { total, items: rows.map((r) => present(r, now)) };
}

/** A department user needs a department; an enterprise user needs an enterprise; each must exist in the zone. */
async function checkMembership(ctx: AppContext, zoneId: string, roles: readonly Role[], departmentId: string | null, enterpriseId: string | null) {
  const problems = [];
  if (roles.includes('department') && !departmentId) {
    problems.push(fieldError('departmentId', 'department-required'));
  }
  if (roles.includes('enterprise') && !enterpriseId) {
    problems.push(fieldError('enterpriseId', 'enterprise-required'));
  }
  if (departmentId && !(await findDepartment(ctx.db, zoneId, departmentId))) {
    problems.push(fieldError('departmentId', 'department-not-found'));
  }
  if (enterpriseId && !(await findEnterpriseRow(ctx.db, zoneId, enterpriseId))) {
    problems.push(fieldError('enterpriseId', 'enterprise-not-found'));
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems);
}

export async function createUser(ctx: AppContext, actor: Actor, input: Static<typeof UserCreate>) {
  if (!identityPolicy.manageUsers(actor)) throw forbidden();
  const username = input.username.trim();
  if (await findUserByUsername(ctx.db, actor.zoneId, username)) {
    throw new DomainError('USERNAME_TAKEN', [fieldError('username', 'username-taken')]);
  }
  assertStrongPassword(input.password, 'password');
  const departmentId = input.departmentId ?? null;
  const enterpriseId = input.enterpriseId ?? null;
  await checkMembership(ctx, actor.zoneId, input.roles, departmentId, enterpriseId);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const row = {
    zoneId: actor.zoneId,
    id,
    username,
    displayName: input.displayName.trim(),
    passwordHash,
    phone: input.phone ?? null,
    email: input.email?.trim() || null,
    departmentId,
    enterpriseId,
    active: true,
    mustChangePassword: true,
  };
  await inTransaction(ctx.db, async (tx) => {
    await insertUser(tx, row, input.roles);
    await recordAudit(tx, actor, { action: 'user.created', entity: 'user', entityId: id, after: snapshot({ ...row, roles: input.roles }) });
  });
  return getUser(ctx, actor, id);
}

export async function getUser(ctx: AppContext, actor: Actor, id: string) {
  if (!identityPolicy.listUsers(actor)) throw notFound();
  const { rows } = await listUsers(ctx.db, actor.zoneId, { id, limit: 1, offset: 0 });
  const user = rows[0];
  if (!user) throw notFound();
  return present(user, ctx.clock.now());
}

export async function patchUser(ctx: AppContext, actor: Actor, id: string, patch: Static<typeof UserPatch>) {
  if (!identityPolicy.manageUsers(actor)) throw forbidden();
  const before = await findUserById(ctx.db, actor.zoneId, id);
  if (!before) throw notFound();
  const roles = patch.roles ?? before.roles;
  const departmentId = patch.departmentId === undefined ? before.departmentId : patch.departmentId;
  const enterpriseId = patch.enterpriseId === undefined ? before.enterpriseId : patch.enterpriseId;
  await checkMembership(ctx, actor.zoneId, roles, departmentId, enterpriseId);
  if (id === actor.userId && (patch.active === false || (patch.roles && !patch.roles.includes('admin')))) {
    throw new DomainError('VALIDATION_FAILED', [fieldError('roles', 'self-demotion')]);
  }
  const after = {
    ...before,
    displayName: patch.displayName?.trim() ?? before.displayName,
    phone: patch.phone === undefined ? before.phone : patch.phone,
    email: patch.email === undefined ? before.email : patch.email?.trim() || null,
    active: patch.active ?? before.active,
    departmentId,
    enterpriseId,
    roles,
  };
  await inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, actor.zoneId, id, {
      displayName: after.displayName,
      phone: after.phone,
      email: after.email,
      active: after.active,
      departmentId,
      enterpriseId,
    });
    if (patch.roles) await setUserRoles(tx, actor.zoneId, id, roles);
    if (!after.active) await deleteUserSessions(tx, actor.zoneId, id);
    await recordAudit(tx, actor, { action: 'user.updated', entity: 'user', entityId: id, before: snapshot(before), after: snapshot(after) });
  });
  return getUser(ctx, actor, id);
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, newPassword: string) {
  if (!identityPolicy.manageUsers(actor)) throw forbidden();
  const user = await findUserById(ctx.db, actor.zoneId, id);
  if (!user) throw notFound();
  assertStrongPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, actor.zoneId, id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await deleteUserSessions(tx, actor.zoneId, id);
    await recordAudit(tx, actor, { action: 'user.password_reset', entity: 'user', entityId: id });
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string) {
  if (!identityPolicy.manageUsers(actor)) throw forbidden();
  const user = await findUserById(ctx.db, actor.zoneId, id);
  if (!user) throw notFound();
  await inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, actor.zoneId, id, { failedLogins: 0, lockedUntil: null });
    await recordAudit(tx, actor, {
      action: 'user.unlocked',
      entity: 'user',
      entityId: id,
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null },
      after: { lockedUntil: null },
    });
  });
  return getUser(ctx, actor, id);
}
