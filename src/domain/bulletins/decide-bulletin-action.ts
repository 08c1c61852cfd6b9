import type { Role } from '../identity/index.js';
import type { BulletinAction, BulletinStatus } from './bulletin-vocabulary.js';
import { BULLETIN_ACTIONS } from './bulletin-vocabulary.js';

/**
 * The lifecycle of one bulletin version: for each action, the statuses it may start from, the
 * roles that may take it, and where it leads. `same` keeps the status.
 *
 * - edit (intro, title, picked cases): a draft, by the coordinator.
 * - submit for review: draft → in_review, by the coordinator.
 * - return with a note: in_review → draft, by a leader.
 * - approve: in_review → approved, by a leader.
 * - publish: approved → published (the snapshot is frozen), by the coordinator. When the version
 *   corrects an earlier one, that one goes published → superseded (`supersede`).
 * - correct with a reason: on a published version, by the coordinator. It stays published and a
 *   new draft version of the same month is created (`createsDraft`), which runs the same course;
 *   only one correction may be under way at a time.
 */
type Rule = { from: readonly BulletinStatus[]; by: readonly Role[]; to: BulletinStatus | 'same' };

export const BULLETIN_RULES: Record<BulletinAction, Rule> = {
  edit: { from: ['draft'], by: ['coordinator'], to: 'same' },
  submit: { from: ['draft'], by: ['coordinator'], to: 'in_review' },
  return: { from: ['in_review'], by: ['leader'], to: 'draft' },
  approve: { from: ['in_review'], by: ['leader'], to: 'approved' },
  publish: { from: ['approved'], by: ['coordinator'], to: 'published' },
  correct: { from: ['published'], by: ['coordinator'], to: 'same' },
};

export type BulletinActionFacts = {
  /** A newer version of the same month exists that is not yet published (a correction under way). */
  correctionUnderWay?: boolean;
};

/** Why an action is refused: the role has no say in it (forbidden, 403), or not now (conflict, 409). */
export type BulletinRefusal = 'forbidden' | 'conflict';

export type BulletinDecision =
  | { ok: true; next: BulletinStatus; createsDraft: boolean }
  | { ok: false; reason: BulletinRefusal };

/**
 * Decides whether a user with `roles` may take `action` on a bulletin version in `status`, and the
 * status it leads to. A role with no say gets 'forbidden' whatever the status; a role with a say
 * gets 'conflict' when the status, or a correction already under way, does not allow it now.
 * The note of `return` and the reason of `correct` are checked by `missingBulletinInput`.
 */
export function decideBulletinAction(
  status: BulletinStatus,
  roles: readonly Role[],
  action: BulletinAction,
  facts: BulletinActionFacts = {},
): BulletinDecision {
  const rule = BULLETIN_RULES[action];
  if (!rule.by.some((role) => roles.includes(role))) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'conflict' };
  if (action === 'correct' && facts.correctionUnderWay) return { ok: false, reason: 'conflict' };
  return { ok: true, next: rule.to === 'same' ? status : rule.to, createsDraft: action === 'correct' };
}

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/**
 * The field an action needs and lacks: `return` needs the leader's note, `correct` the reason shown
 * on the new version (blank counts as missing). Null when nothing is missing.
 */
export function missingBulletinInput(action: BulletinAction, input: { note?: string | null; reason?: string | null }): 'note' | 'reason' | null {
  if (action === 'return' && blank(input.note)) return 'note';
  if (action === 'correct' && blank(input.reason)) return 'reason';
  return null;
}

/** What the presenter sends as `can`, so the UI shows only the buttons that would work (the note or reason is asked for in the dialog). */
export function bulletinCan(status: BulletinStatus, roles: readonly Role[], facts: BulletinActionFacts = {}): Record<BulletinAction, boolean> {
  return Object.fromEntries(BULLETIN_ACTIONS.map((a) => [a, decideBulletinAction(status, roles, a, facts).ok])) as Record<BulletinAction, boolean>;
}

/**
 * The earlier version's status once its correction is published: published → superseded. Anything
 * else is a conflict (only a published version can be superseded).
 */
export function supersede(status: BulletinStatus): { ok: true; next: 'superseded' } | { ok: false; reason: 'conflict' } {
  return status === 'published' ? { ok: true, next: 'superseded' } : { ok: false, reason: 'conflict' };
}
