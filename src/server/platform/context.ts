import type { Database, Db } from '../../db/client.js';
import type { Config } from './config.js';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What services need from the platform: the database, configuration and a clock. */
export type AppContext = {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
};
