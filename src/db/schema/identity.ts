import { pgTable, uuid, text, integer, boolean, timestamp, primaryKey, unique, foreignKey, index } from 'drizzle-orm/pg-core';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';
import { enterprises } from './enterprises.js';

export const departments = pgTable(
  'departments',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.id] }), unique('departments_zone_name_key').on(t.zoneId, t.name)],
);

export const users = pgTable(
  'users',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    phone: text('phone'),
    /** For notifications by e-mail, when SMTP is configured. */
    email: text('email'),
    departmentId: uuid('department_id'),
    enterpriseId: uuid('enterprise_id'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('users_zone_username_key').on(t.zoneId, t.username),
    foreignKey({ name: 'users_department_fk', columns: [t.zoneId, t.departmentId], foreignColumns: [departments.zoneId, departments.id] }),
    foreignKey({ name: 'users_enterprise_fk', columns: [t.zoneId, t.enterpriseId], foreignColumns: [enterprises.zoneId, enterprises.id] }),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    zoneId: uuid('zone_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.userId, t.role] }),
    foreignKey({ name: 'user_roles_user_fk', columns: [t.zoneId, t.userId], foreignColumns: [users.zoneId, users.id] }).onDelete('cascade'),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'sessions_user_fk', columns: [t.zoneId, t.userId], foreignColumns: [users.zoneId, users.id] }).onDelete('cascade'),
    index('sessions_expires_idx').on(t.zoneId, t.expiresAt),
  ],
);
