import {
  pgTable, uuid, text, integer, boolean, timestamp, date, jsonb, numeric, primaryKey, unique, foreignKey, index,
} from 'drizzle-orm/pg-core';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';
import { users } from './identity.js';

const money = (name: string) => numeric(name, { precision: 18, scale: 2, mode: 'number' });

export const themes = pgTable(
  'themes',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Questions the visit record asks under this theme (走访主题的引导问题). */
    guidingQuestions: jsonb('guiding_questions').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.id] }), unique('themes_zone_name_key').on(t.zoneId, t.name)],
);

/** 一企一档: the enterprise registry. */
export const enterprises = pgTable(
  'enterprises',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    legalRepresentative: text('legal_representative'),
    industrySection: text('industry_section'),
    industryDivision: text('industry_division'),
    sizeSector: text('size_sector'),
    address: text('address'),
    foundedOn: date('founded_on', { mode: 'string' }),
    aboveScale: boolean('above_scale').notNull().default(false),
    cadreId: uuid('cadre_id'),
    /** 包联领导: the leader who owns the enterprise; overdue demands escalate to them. */
    leaderId: uuid('leader_id'),
    description: text('description'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('enterprises_zone_uscc_key').on(t.zoneId, t.uscc),
    foreignKey({ name: 'enterprises_cadre_fk', columns: [t.zoneId, t.cadreId], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'enterprises_leader_fk', columns: [t.zoneId, t.leaderId], foreignColumns: [users.zoneId, users.id] }),
    index('enterprises_name_idx').on(t.zoneId, t.name),
  ],
);

export const enterpriseThemes = pgTable(
  'enterprise_themes',
  {
    zoneId: uuid('zone_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    themeId: uuid('theme_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.enterpriseId, t.themeId] }),
    foreignKey({ name: 'enterprise_themes_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
    foreignKey({ name: 'enterprise_themes_theme_fk', columns: [t.zoneId, t.themeId], foreignColumns: [themes.zoneId, themes.id] }),
  ],
);

export const enterpriseQualifications = pgTable(
  'enterprise_qualifications',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name'),
    certificateNo: text('certificate_no'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'enterprise_qualifications_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
    index('enterprise_qualifications_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

export const enterpriseContacts = pgTable(
  'enterprise_contacts',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'enterprise_contacts_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
    index('enterprise_contacts_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

/** Yearly figures; money in yuan; null = not reported. */
export const enterpriseFigures = pgTable(
  'enterprise_figures',
  {
    zoneId: uuid('zone_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    year: integer('year').notNull(),
    employees: integer('employees'),
    revenue: money('revenue'),
    mainRevenue: money('main_revenue'),
    totalAssets: money('total_assets'),
    liabilities: money('liabilities'),
    rdExpense: money('rd_expense'),
    rdStaff: integer('rd_staff'),
    ipInvention: integer('ip_invention'),
    ipUtilityModel: integer('ip_utility_model'),
    ipDesign: integer('ip_design'),
    ipSoftware: integer('ip_software'),
    ipOther: integer('ip_other'),
    equityFinancing: money('equity_financing'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.enterpriseId, t.year] }),
    foreignKey({ name: 'enterprise_figures_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }).onDelete('cascade'),
  ],
);

/** An Excel import run: what was asked, how it ended, and the per-cell errors. */
export const enterpriseImports = pgTable(
  'enterprise_imports',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'enterprise_imports_user_fk', columns: [t.zoneId, t.createdBy], foreignColumns: [users.zoneId, users.id] }),
  ],
);
