import {
  pgTable, uuid, text, integer, boolean, timestamp, date, jsonb, numeric, primaryKey, unique, uniqueIndex, foreignKey, index,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';
import { users } from './identity.js';
import { enterprises, enterpriseQualifications } from './enterprises.js';

const points = (name: string) => numeric(name, { precision: 6, scale: 2, mode: 'number' });

/**
 * 自评: an enterprise's self-assessment for one tier. The enterprise fills the profile (pre-filled
 * from its yearly figures) and submits it with a declaration of truthfulness; the server evaluates
 * it then and keeps that evaluation; the industry officer accepts it or returns it with a reason.
 * draft → submitted → accepted | returned (→ submitted again).
 */
export const cultivationAssessments = pgTable(
  'cultivation_assessments',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** innovative-sme / specialised-sme / little-giant */
    scheme: text('scheme').notNull(),
    /** new / review (复核) */
    purpose: text('purpose').notNull().default('new'),
    /** the date whose rules apply (YYYY-MM-DD) */
    evaluationOn: date('evaluation_on', { mode: 'string' }).notNull(),
    /** draft / submitted / accepted / returned */
    status: text('status').notNull(),
    /** CultivationProfile as filled in */
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
    /** the server's Evaluation at submission (null for a draft) */
    evaluation: jsonb('evaluation'),
    qualified: boolean('qualified'),
    outcome: text('outcome'),
    total: points('total'),
    rulesVersion: text('rules_version'),
    declaredBy: uuid('declared_by'),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    createdBy: uuid('created_by'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'cultivation_assessments_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
    foreignKey({ name: 'cultivation_assessments_declared_by_fk', columns: [t.zoneId, t.declaredBy], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'cultivation_assessments_reviewed_by_fk', columns: [t.zoneId, t.reviewedBy], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'cultivation_assessments_created_by_fk', columns: [t.zoneId, t.createdBy], foreignColumns: [users.zoneId, users.id] }),
    index('cultivation_assessments_enterprise_idx').on(t.zoneId, t.enterpriseId, t.scheme),
    index('cultivation_assessments_status_idx').on(t.zoneId, t.status, t.updatedAt),
    /** one submission awaiting review per enterprise and tier (backs the service's row lock) */
    uniqueIndex('cultivation_assessments_open_submission_key').on(t.zoneId, t.enterpriseId, t.scheme).where(sql`status = 'submitted'`),
  ],
);

/**
 * 批量评价: the evaluation of every enterprise of the zone for one tier on one date, run as a
 * durable job with progress. queued → running → done | failed.
 */
export const cultivationRuns = pgTable(
  'cultivation_runs',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    scheme: text('scheme').notNull(),
    purpose: text('purpose').notNull().default('new'),
    evaluationOn: date('evaluation_on', { mode: 'string' }).notNull(),
    rulesVersion: text('rules_version'),
    status: text('status').notNull(),
    /** the pipeline's "close" margin used (points below the pass, or unmet conditions) */
    closeWithin: integer('close_within').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    qualifiedCount: integer('qualified_count').notNull().default(0),
    closeCount: integer('close_count').notNull().default(0),
    farCount: integer('far_count').notNull().default(0),
    incompleteCount: integer('incomplete_count').notNull().default(0),
    error: text('error'),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'cultivation_runs_started_by_fk', columns: [t.zoneId, t.startedBy], foreignColumns: [users.zoneId, users.id] }),
    index('cultivation_runs_created_idx').on(t.zoneId, t.createdAt),
  ],
);

/** One enterprise's result in a run: where it sits in the pipeline, and its evaluation. */
export const cultivationResults = pgTable(
  'cultivation_results',
  {
    zoneId: uuid('zone_id').notNull(),
    runId: uuid('run_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** qualified / close / far / incomplete */
    pipeline: text('pipeline').notNull(),
    outcome: text('outcome').notNull(),
    qualified: boolean('qualified').notNull(),
    route: text('route'),
    total: points('total'),
    /** points (score schemes) or unmet conditions (condition schemes) short of qualifying */
    shortBy: points('short_by'),
    evaluation: jsonb('evaluation').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.runId, t.enterpriseId] }),
    foreignKey({ name: 'cultivation_results_run_fk', columns: [t.zoneId, t.runId], foreignColumns: [cultivationRuns.zoneId, cultivationRuns.id] }).onDelete('cascade'),
    foreignKey({ name: 'cultivation_results_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
    index('cultivation_results_pipeline_idx').on(t.zoneId, t.runId, t.pipeline, t.shortBy),
  ],
);

/**
 * 名单: an official list of recognised enterprises (e.g. 2025年第一批创新型中小企业评价名单). Putting an
 * enterprise on it gives the enterprise the tier's qualification, valid 3 years from the list's date.
 */
export const cultivationLists = pgTable(
  'cultivation_lists',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    /** the tier: innovative-sme / specialised-sme / little-giant */
    scheme: text('scheme').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer'),
    documentNo: text('document_no'),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('cultivation_lists_zone_name_key').on(t.zoneId, t.name),
    foreignKey({ name: 'cultivation_lists_created_by_fk', columns: [t.zoneId, t.createdBy], foreignColumns: [users.zoneId, users.id] }),
    index('cultivation_lists_published_idx').on(t.zoneId, t.scheme, t.publishedOn),
  ],
);

export const cultivationListEntries = pgTable(
  'cultivation_list_entries',
  {
    zoneId: uuid('zone_id').notNull(),
    listId: uuid('list_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** the enterprise_qualifications row the entry created */
    qualificationId: uuid('qualification_id').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.listId, t.enterpriseId] }),
    foreignKey({ name: 'cultivation_list_entries_list_fk', columns: [t.zoneId, t.listId], foreignColumns: [cultivationLists.zoneId, cultivationLists.id] }).onDelete('cascade'),
    foreignKey({ name: 'cultivation_list_entries_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
    foreignKey({ name: 'cultivation_list_entries_qualification_fk', columns: [t.zoneId, t.qualificationId], foreignColumns: [enterpriseQualifications.zoneId, enterpriseQualifications.id] }),
    index('cultivation_list_entries_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

/** Reminders sent (expiry, yearly update), so that each is sent once. */
export const cultivationReminders = pgTable(
  'cultivation_reminders',
  {
    zoneId: uuid('zone_id').notNull(),
    qualificationId: uuid('qualification_id').notNull(),
    /** e.g. expiry-90, expiry-30, update-2027 */
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.qualificationId, t.kind] }),
    foreignKey({ name: 'cultivation_reminders_qualification_fk', columns: [t.zoneId, t.qualificationId], foreignColumns: [enterpriseQualifications.zoneId, enterpriseQualifications.id] }).onDelete('cascade'),
  ],
);
