/**
 * The words of a monthly bulletin's life (glossary: 月通报) and of its publication to the WeChat
 * official account. Kept as data so the server, the web app and the contracts share one list.
 */

/**
 * draft 草稿 → in_review 待审核 → approved 已审核 → published 已发布 → superseded 已更正（被新版本替代）.
 * A leader may return a bulletin under review to draft with a note. A correction of a published
 * bulletin is a new version (a draft of the same month) that, once published, supersedes it.
 */
export const BULLETIN_STATUSES = ['draft', 'in_review', 'approved', 'published', 'superseded'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

export const BULLETIN_ACTIONS = ['edit', 'submit', 'return', 'approve', 'publish', 'correct'] as const;
export type BulletinAction = (typeof BULLETIN_ACTIONS)[number];

/**
 * One publication of a bulletin version to the official account:
 * drafted 草稿已建 → submitted 已提交发表 → publishing 发表中 → published 已发表 | failed 失败 | revoked 已撤下.
 * A job starts in `drafted` (the article is being put into the account's draft box; its media id
 * is known once draft/add answers).
 */
export const PUBLISH_JOB_STATES = ['drafted', 'submitted', 'publishing', 'published', 'failed', 'revoked'] as const;
export type PublishJobState = (typeof PUBLISH_JOB_STATES)[number];
