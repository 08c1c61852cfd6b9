import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/platform/context.js';
import { inTransaction } from '../server/platform/transaction.js';
import { recordAudit } from '../server/audit/audit.service.js';
import { findZoneByCode, insertZone } from '../server/zone/zone.repository.js';
import { exitWith } from './cli-exit.js';
import { ensureDefaultCategories } from '../server/demands/demand-categories.service.js';
import { CLI_ACTOR_NAME } from './context.js';

export async function createZone(ctx: AppContext, code: string, name: string): Promise<string> {
  if (!/^[a-z0-9-]{2,32}$/.test(code)) exitWith('zone code: 2–32 lower-case letters, digits or dashes', 2);
  if (await findZoneByCode(ctx.db, code)) exitWith(`zone "${code}" exists already`);
  const id = randomUUID();
  await inTransaction(ctx.db, async (tx) => {
    await insertZone(tx, { id, code, name, timeZone: 'Asia/Shanghai', defaultDeadlineDays: 5, isDemo: false });
    const system = { zoneId: id, userId: null, username: 'system', displayName: CLI_ACTOR_NAME } as const;
    await recordAudit(tx, system, { action: 'zone.created', entity: 'zone', entityId: id, after: { code, name } });
    await ensureDefaultCategories(tx, system);
  });
  return `zone ${code} created (${id})`;
}
