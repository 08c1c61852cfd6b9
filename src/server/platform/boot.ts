import { openDatabase } from '../../db/client.js';
import type { Config } from './config.js';
import { systemClock, type AppContext } from './context.js';
import { inTransaction } from './transaction.js';
import { failInterruptedImports } from '../enterprises/enterprises.repository.js';
import { listZones } from '../zone/zone.repository.js';
import { ensureDefaultCategories } from '../demands/demand-categories.service.js';

/** Opens the database named by the configuration and brings its schema up to date. */
export async function openContext(config: Config): Promise<AppContext> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const ctx: AppContext = { database, db: database.db, config, clock: systemClock };
  await inTransaction(ctx.db, (tx) => failInterruptedImports(tx));
  // Zones created before demand categories existed get the default tree.
  for (const zone of await listZones(ctx.db)) {
    await inTransaction(ctx.db, (tx) => ensureDefaultCategories(tx, { zoneId: zone.id, userId: null, username: 'system', displayName: '系统' }));
  }
  return ctx;
}
