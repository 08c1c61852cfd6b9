import type { Config } from '../server/platform/config.js';
import type { AppContext } from '../server/platform/context.js';
import type { SystemActor } from '../domain/identity/actor.js';
import { openContext } from '../server/platform/boot.js';
import { exitWith } from './cli-exit.js';
import { findDefaultZone, findZoneByCode, type ZoneRow } from '../server/zone/zone.repository.js';

/** Opens the database for one command and always closes it. */
export async function withContext(config: Config, fn: (ctx: AppContext) => Promise<void>): Promise<void> {
  const ctx = await openContext(config);
  try {
    await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

export async function requireZone(ctx: AppContext, code?: string): Promise<ZoneRow> {
  const zone = code ? await findZoneByCode(ctx.db, code) : await findDefaultZone(ctx.db);
  return zone ?? exitWith(code ? `no zone with code "${code}"` : 'no zone yet: run `yiqi zones add <code> <name>` or `yiqi demo load`');
}

/** How the command line appears in the audit log. */
export const CLI_ACTOR_NAME = '命令行 (yiqi CLI)';

/** The command line acts as the platform itself, recorded as such in the audit log. */
export async function zoneActor(ctx: AppContext, code?: string): Promise<SystemActor> {
  const zone = await requireZone(ctx, code);
  return { zoneId: zone.id, userId: null, username: 'system', displayName: CLI_ACTOR_NAME };
}
