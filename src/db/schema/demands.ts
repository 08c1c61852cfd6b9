import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, boolean, timestamp, date, jsonb, bigint, primaryKey, unique, foreignKey, index,
} from 'drizzle-orm/pg-core';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';
import { departments, users } from './identity.js';
import { enterprises } from './enterprises.js';

/** 诉求分类: a zone's category tree; a category may name a default lead department and its own deadline. */
export const demandCategories = pgTable(
  'demand_categories',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    defaultDepartmentId: uuid('default_department_id'),
    /** null = the zone's default (zones.default_deadline_days). */
    deadlineWorkingDays: integer('deadline_working_days'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.code] }),
    unique('demand_categories_zone_name_key').on(t.zoneId, t.name),
    foreignKey({ name: 'demand_categories_parent_fk', columns: [t.zoneId, t.parentCode], foreignColumns: [t.zoneId, t.code] }),
    foreignKey({ name: 'demand_categories_department_fk', columns: [t.zoneId, t.defaultDepartmentId], foreignColumns: [departments.zoneId, departments.id] }),
  ],
);

/** 诉求. Never deleted: declined, merged and closed demands stay for the reports. */
export const demands = pgTable(
  'demands',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    /** Human reference, e.g. SQ2026-00042, unique in the zone. */
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryCode: text('category_code').notNull(),
    channel: text('channel').notNull(),
    confidentiality: text('confidentiality').notNull().default('public'),
    /** The text public reports use when confidentiality is "anonymised". */
    anonymisedTitle: text('anonymised_title'),
    anonymisedDescription: text('anonymised_description'),
    status: text('status').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    leadDepartmentId: uuid('lead_department_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** Deadline basis (domain/demands/compute-deadline.ts) and its result. */
    deadlineBaseOn: date('deadline_base_on', { mode: 'string' }),
    deadlineDays: integer('deadline_days'),
    pausedDays: integer('paused_days').notNull().default(0),
    dueOn: date('due_on', { mode: 'string' }),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    extended: boolean('extended').notNull().default(false),
    waitingSince: date('waiting_since', { mode: 'string' }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settledOnTime: boolean('settled_on_time'),
    answer: text('answer'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    resolved: boolean('resolved'),
    confirmedByDefault: boolean('confirmed_by_default').notNull().default(false),
    satisfaction: text('satisfaction'),
    confirmComment: text('confirm_comment'),
    bounceCount: integer('bounce_count').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** 0 none, 1 coordinator, 2 leader. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    mergedIntoId: uuid('merged_into_id'),
    /** The visit the demand came from (the visits issue), and the leader who owns its escalation. */
    visitId: uuid('visit_id'),
    ownerLeaderId: uuid('owner_leader_id'),
    /** jieba tokens of number, title and description, indexed with to_tsvector('simple', …). */
    searchTokens: text('search_tokens').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('demands_zone_number_key').on(t.zoneId, t.number),
    foreignKey({ name: 'demands_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }),
    foreignKey({ name: 'demands_category_fk', columns: [t.zoneId, t.categoryCode], foreignColumns: [demandCategories.zoneId, demandCategories.code] }),
    foreignKey({ name: 'demands_lead_department_fk', columns: [t.zoneId, t.leadDepartmentId], foreignColumns: [departments.zoneId, departments.id] }),
    foreignKey({ name: 'demands_submitted_by_fk', columns: [t.zoneId, t.submittedBy], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'demands_owner_leader_fk', columns: [t.zoneId, t.ownerLeaderId], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'demands_merged_into_fk', columns: [t.zoneId, t.mergedIntoId], foreignColumns: [t.zoneId, t.id] }),
    index('demands_status_due_idx').on(t.zoneId, t.status, t.dueOn),
    index('demands_submitted_idx').on(t.zoneId, t.submittedAt),
    index('demands_enterprise_idx').on(t.zoneId, t.enterpriseId, t.submittedAt),
    index('demands_lead_department_idx').on(t.zoneId, t.leadDepartmentId, t.status, t.dueOn),
    index('demands_category_idx').on(t.zoneId, t.categoryCode, t.submittedAt),
    index('demands_visit_idx').on(t.zoneId, t.visitId),
    // zone_id inside the GIN index (btree_gin) so a common word is searched within one zone, not across all.
    index('demands_search_idx').using('gin', t.zoneId, sql`to_tsvector('simple', ${t.searchTokens})`),
  ],
);

/** 配合单位: the assisting departments of a demand. */
export const demandAssistingDepartments = pgTable(
  'demand_assisting_departments',
  {
    zoneId: uuid('zone_id').notNull(),
    demandId: uuid('demand_id').notNull(),
    departmentId: uuid('department_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.demandId, t.departmentId] }),
    foreignKey({ name: 'demand_assisting_demand_fk', columns: [t.zoneId, t.demandId], foreignColumns: [demands.zoneId, demands.id] }).onDelete('cascade'),
    foreignKey({ name: 'demand_assisting_department_fk', columns: [t.zoneId, t.departmentId], foreignColumns: [departments.zoneId, departments.id] }),
    index('demand_assisting_department_idx').on(t.zoneId, t.departmentId),
  ],
);

/** The demand's timeline: every change, who made it, and whether the enterprise may see it. */
export const demandEvents = pgTable(
  'demand_events',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    kind: text('kind').notNull(),
    internal: boolean('internal').notNull().default(false),
    note: text('note'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'demand_events_demand_fk', columns: [t.zoneId, t.demandId], foreignColumns: [demands.zoneId, demands.id] }),
    index('demand_events_demand_idx').on(t.zoneId, t.demandId, t.seq),
  ],
);

/** 延期申请. */
export const demandExtensions = pgTable(
  'demand_extensions',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    requestedDueOn: date('requested_due_on', { mode: 'string' }).notNull(),
    previousDueOn: date('previous_due_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'demand_extensions_demand_fk', columns: [t.zoneId, t.demandId], foreignColumns: [demands.zoneId, demands.id] }),
    index('demand_extensions_demand_idx').on(t.zoneId, t.demandId),
  ],
);

/** Files attached to a demand, stored under DATA_DIR/attachments/<zone>/<id>. */
export const demandAttachments = pgTable(
  'demand_attachments',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    internal: boolean('internal').notNull().default(false),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'demand_attachments_demand_fk', columns: [t.zoneId, t.demandId], foreignColumns: [demands.zoneId, demands.id] }),
    index('demand_attachments_demand_idx').on(t.zoneId, t.demandId),
  ],
);

/** 督办: a demand pushed up — to the coordinator (level 1) or the leader (level 2). */
export const demandEscalations = pgTable(
  'demand_escalations',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    level: integer('level').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'demand_escalations_demand_fk', columns: [t.zoneId, t.demandId], foreignColumns: [demands.zoneId, demands.id] }),
    index('demand_escalations_open_idx').on(t.zoneId, t.resolvedAt, t.at),
  ],
);

/** Per-zone counters (demand numbers per year). */
export const zoneCounters = pgTable(
  'zone_counters',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    name: text('name').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.name] })],
);

/** In-app notifications. */
export const notifications = pgTable(
  'notifications',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    data: jsonb('data').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'notifications_user_fk', columns: [t.zoneId, t.userId], foreignColumns: [users.zoneId, users.id] }).onDelete('cascade'),
    index('notifications_user_idx').on(t.zoneId, t.userId, t.at),
  ],
);

/**
 * Durable scheduled jobs (reminders, escalations, automatic closing). A job is
 * keyed so it is scheduled once; a worker claims due jobs with FOR UPDATE SKIP
 * LOCKED and marks them done in the same transaction as their effect.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull().default({}),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('scheduled_jobs_zone_kind_key_key').on(t.zoneId, t.kind, t.key),
    index('scheduled_jobs_due_idx').on(t.state, t.runAt),
  ],
);
