import { randomBytes, randomUUID, createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { checkPasswordStrength } from '../../domain/identity/check-password-strength.js';
import { DomainError } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { findDefaultZone, findZone, findZoneByCode } from '../zone/zone.repository.js';
import {
  deleteSession, deleteUserSessions, findSession, findUserById, findUserByUsername, insertSession, updateUser, type UserWithRoles,
} from './identity.repository.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';

export type SessionInfo = { actor: Actor; sessionId: string; csrfToken: string; mustChangePassword: boolean; zoneName: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each failure in a row costs a little more time before the answer (capped), then the account locks. */
export function failureDelayMs(failuresSoFar: number): number {
  return Math.min(200 * 2 ** Math.max(failuresSoFar - 1, 0), 3000);
}

function toActor(u: UserWithRoles): Actor {
  return {
    zoneId: u.zoneId,
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    departmentId: u.departmentId,
    enterpriseId: u.enterpriseId,
  };
}

/** The cookie value: `<zoneId>.<sessionId>.<secret>`; only a hash of the secret is stored. */
export function parseSessionCookie(value: string | undefined): { zoneId: string; sessionId: string; secret: string } | null {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [zoneId, sessionId, secret] = parts as [string, string, string];
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(zoneId) || !uuid.test(sessionId) || secret.length < 20) return null;
  return { zoneId, sessionId, secret };
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; zone?: string; ip?: string; userAgent?: string },
): Promise<{ cookie: string; session: SessionInfo; expiresAt: Date }> {
  const zone = input.zone ? await findZoneByCode(ctx.db, input.zone) : await findDefaultZone(ctx.db);
  const user = zone ? await findUserByUsername(ctx.db, zone.id, input.username.trim()) : undefined;
  if (!zone || !user) {
    await burnPasswordCheck(input.password);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const now = ctx.clock.now();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError('ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= ctx.config.loginMaxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000) : null;
    const actor = toActor(user);
    await inTransaction(ctx.db, async (tx) => {
      await updateUser(tx, zone.id, user.id, { failedLogins: lock ? 0 : failures, lockedUntil });
      await recordAudit(tx, actor, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { failedLogins: failures, lockedUntil: lockedUntil?.toISOString() ?? null, ip: input.ip ?? null },
      });
    });
    await sleep(failureDelayMs(failures));
    if (lock) throw new DomainError('ACCOUNT_LOCKED', { lockedUntil: lockedUntil?.toISOString() });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (!user.active) throw new DomainError('ACCOUNT_DISABLED');

  const sessionId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const actor = toActor(user);
  await inTransaction(ctx.db, async (tx) => {
    await insertSession(tx, {
      zoneId: zone.id,
      id: sessionId,
      userId: user.id,
      secretHash: sha256(secret),
      csrfToken,
      createdAt: now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await updateUser(tx, zone.id, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await recordAudit(tx, actor, { action: 'auth.login', entity: 'session', entityId: sessionId, after: { ip: input.ip ?? null } });
  });
  return {
    cookie: `${zone.id}.${sessionId}.${secret}`,
    expiresAt,
    session: { actor, sessionId, csrfToken, mustChangePassword: user.mustChangePassword, zoneName: zone.name },
  };
}

/** Resolves a session cookie to the actor, or null when absent, expired, forged or the user is disabled. */
export async function resolveSession(ctx: AppContext, cookie: string | undefined): Promise<SessionInfo | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const row = await findSession(ctx.db, parsed.zoneId, parsed.sessionId);
  if (!row) return null;
  const a = Buffer.from(row.secretHash, 'hex');
  const b = Buffer.from(sha256(parsed.secret), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  if (row.expiresAt <= ctx.clock.now()) return null;
  const user = await findUserById(ctx.db, row.zoneId, row.userId);
  if (!user || !user.active) return null;
  const zone = await findZone(ctx.db, row.zoneId);
  return {
    actor: toActor(user),
    sessionId: row.id,
    csrfToken: row.csrfToken,
    mustChangePassword: user.mustChangePassword,
    zoneName: zone?.name ?? '',
  };
}

export async function logout(ctx: AppContext, session: SessionInfo): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await deleteSession(tx, session.actor.zoneId, session.sessionId);
    await recordAudit(tx, session.actor, { action: 'auth.logout', entity: 'session', entityId: session.sessionId });
  });
}

export function assertStrongPassword(password: string, field = 'newPassword'): void {
  const problem = checkPasswordStrength(password);
  if (problem) throw new DomainError('WEAK_PASSWORD', [{ field, reason: problem, message: '' }]);
}

/** Changes one's own password; other sessions of the user end. */
export async function changePassword(ctx: AppContext, session: SessionInfo, currentPassword: string, newPassword: string) {
  const user = await findUserById(ctx.db, session.actor.zoneId, session.actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError('WRONG_PASSWORD', [{ field: 'currentPassword', reason: 'wrong', message: '' }]);
  }
  assertStrongPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, user.zoneId, user.id, { passwordHash, mustChangePassword: false });
    await deleteUserSessions(tx, user.zoneId, user.id, session.sessionId);
    await recordAudit(tx, session.actor, { action: 'user.password_changed', entity: 'user', entityId: user.id });
  });
}
