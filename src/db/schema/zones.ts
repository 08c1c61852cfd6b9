import { pgTable, uuid, text, integer, boolean, timestamp, jsonb } from 'drizzle-orm/pg-core';

/** The tenant. Every other table carries `zone_id` and leads its keys with it. */
export const zones = pgTable('zones', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  defaultDeadlineDays: integer('default_deadline_days').notNull().default(5),
  /** 无事不扰: planning a visit to an enterprise seen fewer weeks ago than this is warned of (0 = never). */
  visitMinWeeks: integer('visit_min_weeks').notNull().default(8),
  /** How many days back a visit may be recorded after the fact. */
  visitBackdateDays: integer('visit_backdate_days').notNull().default(14),
  /** 月通报: a department with fewer demands than this in the month is listed but not ranked. */
  bulletinMinRanked: integer('bulletin_min_ranked').notNull().default(3),
  /**
   * 梯度培育: overrides of the unconfirmed rules (CultivationConfig in src/domain/cultivation) and
   * the pipeline's "close" margin; {} = the reference's defaults.
   */
  cultivationSettings: jsonb('cultivation_settings').$type<Record<string, unknown>>().notNull().default({}),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
