import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/platform/context.js';
import type { Role } from '../domain/identity/roles.js';
import { checkPasswordStrength } from '../domain/identity/check-password-strength.js';
import { checkUscc } from '../domain/enterprises/index.js';
import { inTransaction } from '../server/platform/transaction.js';
import { recordAudit } from '../server/audit/audit.service.js';
import { findDepartmentByName, findUserByUsername, insertUser } from '../server/identity/identity.repository.js';
import { hashPassword } from '../server/identity/passwords.js';
import { findEnterpriseByUscc } from '../server/enterprises/enterprises.repository.js';
import { generatePassword } from '../server/demo/demo.service.js';
import { zoneActor } from './context.js';
import { exitWith } from './cli-exit.js';

type Input = { username: string; displayName: string; roles: Role[]; password?: string; department?: string; enterprise?: string; zone?: string };

const stop = (message: string): never => exitWith(message);

export async function addUser(ctx: AppContext, o: Input): Promise<string> {
  const actor = await zoneActor(ctx, o.zone);
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(o.username)) stop('username: 3–64 letters, digits, _ . -');
  if (await findUserByUsername(ctx.db, actor.zoneId, o.username)) stop(`username "${o.username}" is taken`);
  const password = o.password ?? generatePassword();
  if (checkPasswordStrength(password)) stop('password: at least 8 characters with letters and digits');
  let departmentId: string | null = null;
  if (o.department) departmentId = (await findDepartmentByName(ctx.db, actor.zoneId, o.department))?.id ?? stop(`no department named "${o.department}"`);
  else if (o.roles.includes('department')) stop('a department user needs --department');
  let enterpriseId: string | null = null;
  if (o.enterprise) {
    const r = checkUscc(o.enterprise);
    if (!r.valid) stop(`--enterprise: ${r.message}`);
    enterpriseId = (await findEnterpriseByUscc(ctx.db, actor.zoneId, r.code))?.id ?? stop(`no enterprise with USCC ${r.code}`);
  } else if (o.roles.includes('enterprise')) stop('an enterprise user needs --enterprise <uscc>');
  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx.db, async (tx) => {
    await insertUser(tx, { zoneId: actor.zoneId, id, username: o.username, displayName: o.displayName, passwordHash, departmentId, enterpriseId, mustChangePassword: !o.password }, o.roles);
    await recordAudit(tx, actor, { action: 'user.created', entity: 'user', entityId: id, after: { username: o.username, displayName: o.displayName, roles: o.roles } });
  });
  return o.password ? `user ${o.username} created` : `user ${o.username} created; initial password (change at first sign-in): ${password}`;
}
