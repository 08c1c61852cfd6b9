import type { Db, Tx } from '../../db/client.js';

/** Runs `fn` in one transaction: everything it writes, audit rows included, commits or rolls back together. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
