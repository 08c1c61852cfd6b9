import {
  pgTable, uuid, text, integer, boolean, timestamp, jsonb, primaryKey, unique, foreignKey, index,
} from 'drizzle-orm/pg-core';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';
import { users } from './identity.js';

/**
 * 月通报: one version of a month's bulletin on how demands were handled. A draft is computed from
 * the data each time it is read; publishing freezes `snapshot`, which no later change of a demand
 * alters. A correction is a new version of the same month (with its reason) that supersedes the
 * published one. Never deleted.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    /** YYYY-MM. */
    month: text('month').notNull(),
    version: integer('version').notNull().default(1),
    /** draft / in_review / approved / published / superseded. */
    status: text('status').notNull(),
    title: text('title').notNull(),
    intro: text('intro'),
    /** Demand ids the coordinator picked as typical cases, in order. */
    caseIds: jsonb('case_ids').$type<string[]>().notNull().default([]),
    /** The frozen bulletin (statistics, cases, visits, texts), set when published. */
    snapshot: jsonb('snapshot'),
    correctionReason: text('correction_reason'),
    supersedesId: uuid('supersedes_id'),
    reviewNote: text('review_note'),
    createdBy: uuid('created_by'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    unique('bulletins_zone_month_version_key').on(t.zoneId, t.month, t.version),
    foreignKey({ name: 'bulletins_supersedes_fk', columns: [t.zoneId, t.supersedesId], foreignColumns: [t.zoneId, t.id] }),
    foreignKey({ name: 'bulletins_created_by_fk', columns: [t.zoneId, t.createdBy], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'bulletins_approved_by_fk', columns: [t.zoneId, t.approvedBy], foreignColumns: [users.zoneId, users.id] }),
    foreignKey({ name: 'bulletins_published_by_fk', columns: [t.zoneId, t.publishedBy], foreignColumns: [users.zoneId, users.id] }),
    index('bulletins_status_idx').on(t.zoneId, t.status, t.month),
  ],
);

/** A zone's WeChat official account (公众号). The AppSecret is stored encrypted and never shown again. */
export const wechatAccounts = pgTable('wechat_accounts', {
  zoneId: uuid('zone_id').primaryKey().references(() => zones.id),
  appId: text('app_id').notNull(),
  /** AES-256-GCM under the server's secret key (src/server/wechat/secret-box.ts). */
  appSecretEncrypted: text('app_secret_encrypted').notNull(),
  /** The token of the callback URL's signature check (服务器配置 Token). */
  callbackToken: text('callback_token').notNull(),
  enabled: boolean('enabled').notNull().default(false),
  /** The stable access token, cached until shortly before it expires. */
  accessToken: text('access_token'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Publishing one bulletin version to the official account: drafted → submitted → publishing →
 * published | failed | revoked (src/domain/bulletins). Retrying a failed job never publishes twice.
 */
export const bulletinPublications = pgTable(
  'bulletin_publications',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    bulletinId: uuid('bulletin_id').notNull(),
    status: text('status').notNull(),
    draftMediaId: text('draft_media_id'),
    thumbMediaId: text('thumb_media_id'),
    publishId: text('publish_id'),
    articleId: text('article_id'),
    articleUrl: text('article_url'),
    /** The platform's last error, kept as given (errcode, errmsg, rid) and in plain words. */
    lastErrcode: integer('last_errcode'),
    lastErrmsg: text('last_errmsg'),
    failReason: text('fail_reason'),
    polls: integer('polls').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    foreignKey({ name: 'bulletin_publications_bulletin_fk', columns: [t.zoneId, t.bulletinId], foreignColumns: [bulletins.zoneId, bulletins.id] }),
    index('bulletin_publications_bulletin_idx').on(t.zoneId, t.bulletinId),
    index('bulletin_publications_publish_idx').on(t.zoneId, t.publishId),
  ],
);

/** Every call to the official-account API: what was asked and what the platform answered (errcode, errmsg, rid). */
export const wechatCalls = pgTable(
  'wechat_calls',
  {
    zoneId: uuid('zone_id').notNull(),
    id: uuid('id').notNull(),
    publicationId: uuid('publication_id'),
    endpoint: text('endpoint').notNull(),
    errcode: integer('errcode'),
    errmsg: text('errmsg'),
    rid: text('rid'),
    httpStatus: integer('http_status'),
    durationMs: integer('duration_ms'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    index('wechat_calls_publication_idx').on(t.zoneId, t.publicationId, t.at),
  ],
);

/** Images already uploaded for article bodies (media/uploadimg), by content hash, so none is uploaded twice. */
export const wechatImages = pgTable(
  'wechat_images',
  {
    zoneId: uuid('zone_id').notNull(),
    sha256: text('sha256').notNull(),
    url: text('url').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.sha256] })],
);
