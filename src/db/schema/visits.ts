import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, timestamp, date, jsonb, bigint, primaryKey, unique, uniqueIndex, foreignKey, index, boolean,
} from 'drizzle-orm/pg-core';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';
import { departments, users } from './identity.js';
import { enterprises, themes } from './enterprises.js';
import { demands, demandCategories } from './demands.js';

/**
 * 走访: one leadership visit of the weekly visit programme (每周益企), in one half-day slot of its
 * leader, to one or more enterprises. Never deleted: a visit that did not happen is cancelled.
 * demands.visit_id links the demands gathered for it and raised in it (the FK is added in
 * migration 0003, since demands.ts cannot import this file without a cycle).
 */
export const visits = pgTable(
  'visits',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    /** Human reference, e.g. ZF2026-0042, unique in the zone. */
    number: text('number').notNull(),
    visitOn: date('visit_on', { mode: 'string' }).notNull(),
    /** am 上午 / pm 下午 (src/domain/visits/visit-vocabulary.ts). */
    halfDay: text('half_day').notNull(),
    leaderId: uuid('leader_id').notNull(),
    themeId: uuid('theme_id'),
    /** planned / done / cancelled. */
    status: text('status').notNull(),
    purpose: text('purpose'),
    /** The on-site office record (现场办公): decisions agreed and follow-ups. */
    decisions: text('decisions'),
    followUps: text('follow_ups'),
    /** Answers to the theme's guiding questions: [{ question, answer }]. */
    guideAnswers: jsonb('guide_answers').notNull().default([]),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    signedOffBy: uuid('signed_off_by'),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('visits_zone_number_key').on(t.zoneId, t.number),
    foreignKey({ name: 'visits_leader_fk', columns: [t.zoneId, t.leaderId], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'visits_theme_fk', columns: [t.zoneId, t.themeId], foreignColumns: [themes.zoneId, themes.id] }),
    foreignKey({ name: 'visits_created_by_fk', columns: [t.zoneId, t.createdBy], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'visits_signed_off_by_fk', columns: [t.zoneId, t.signedOffBy], foreignColumns: [users.zoneId, users.id] }),
    index('visits_on_idx').on(t.zoneId, t.visitOn, t.halfDay),
    index('visits_leader_idx').on(t.zoneId, t.leaderId, t.visitOn),
    // Backstop of the half-day check (visits.service.ts): one visit not cancelled per leader and slot.
    uniqueIndex('visits_leader_slot_key').on(t.zoneId, t.leaderId, t.visitOn, t.halfDay).where(sql`status <> 'cancelled'`),
  ],
);

/** The enterprises of a visit (one row = one enterprise-visit, 家次), with what the enterprise raised. */
export const visitEnterprises = pgTable(
  'visit_enterprises',
  {
    zoneId: uuid('zone_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    position: integer('position').notNull().default(0),
    /** 企业反映: what the enterprise raised at the on-site office. */
    raised: text('raised'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.visitId, t.enterpriseId] }),
    foreignKey({ name: 'visit_enterprises_visit_fk', columns: [t.zoneId, t.visitId], foreignColumns: [visits.zoneId, visits.id] }).onDelete('cascade'),
    foreignKey({ name: 'visit_enterprises_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }),
    index('visit_enterprises_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

/** Accompanying departments: planned (陪同), and whether they attended the on-site office. */
export const visitDepartments = pgTable(
  'visit_departments',
  {
    zoneId: uuid('zone_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    attended: boolean('attended'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.visitId, t.departmentId] }),
    foreignKey({ name: 'visit_departments_visit_fk', columns: [t.zoneId, t.visitId], foreignColumns: [visits.zoneId, visits.id] }).onDelete('cascade'),
    foreignKey({ name: 'visit_departments_department_fk', columns: [t.zoneId, t.departmentId], foreignColumns: [departments.zoneId, departments.id] }),
  ],
);

/** Accompanying liaison cadres (挂点干部). */
export const visitCadres = pgTable(
  'visit_cadres',
  {
    zoneId: uuid('zone_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.visitId, t.userId] }),
    foreignKey({ name: 'visit_cadres_visit_fk', columns: [t.zoneId, t.visitId], foreignColumns: [visits.zoneId, visits.id] }).onDelete('cascade'),
    foreignKey({ name: 'visit_cadres_user_fk', columns: [t.zoneId, t.userId], foreignColumns: [users.zoneId, users.id] }),
  ],
);

/**
 * A problem raised at the on-site office, settled one of two ways: answered on the spot (answer), or
 * turned into a demand already assigned (demand_id). Both count as problems of the visit.
 */
export const visitIssues = pgTable(
  'visit_issues',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    visitId: uuid('visit_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    text: text('text').notNull(),
    categoryCode: text('category_code').notNull(),
    /** answered 当场答复 / demand 转为诉求. */
    resolution: text('resolution').notNull(),
    answer: text('answer'),
    demandId: uuid('demand_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'visit_issues_visit_fk', columns: [t.zoneId, t.visitId], foreignColumns: [visits.zoneId, visits.id] }).onDelete('cascade'),
    foreignKey({ name: 'visit_issues_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }),
    foreignKey({ name: 'visit_issues_category_fk', columns: [t.zoneId, t.categoryCode], foreignColumns: [demandCategories.zoneId, demandCategories.code] }),
    foreignKey({ name: 'visit_issues_demand_fk', columns: [t.zoneId, t.demandId], foreignColumns: [demands.zoneId, demands.id] }),
    foreignKey({ name: 'visit_issues_created_by_fk', columns: [t.zoneId, t.createdBy], foreignColumns: [users.zoneId, users.id] }),
    index('visit_issues_visit_idx').on(t.zoneId, t.visitId),
  ],
);

/** Photos of the visit, stored under DATA_DIR/visit-photos. */
export const visitPhotos = pgTable(
  'visit_photos',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    visitId: uuid('visit_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'visit_photos_visit_fk', columns: [t.zoneId, t.visitId], foreignColumns: [visits.zoneId, visits.id] }).onDelete('cascade'),
    foreignKey({ name: 'visit_photos_uploaded_by_fk', columns: [t.zoneId, t.uploadedBy], foreignColumns: [users.zoneId, users.id] }),
    index('visit_photos_visit_idx').on(t.zoneId, t.visitId),
  ],
);
