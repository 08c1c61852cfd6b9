import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../identity/index.js';
import { BULLETIN_ACTIONS, BULLETIN_STATUSES, type BulletinAction, type BulletinStatus } from './bulletin-vocabulary.js';
import { bulletinCan, decideBulletinAction, missingBulletinInput, supersede, type BulletinRefusal } from './decide-bulletin-action.js';

const F: BulletinRefusal = 'forbidden';
const C: BulletinRefusal = 'conflict';

type Outcome = BulletinStatus | BulletinRefusal;
type Row = readonly [action: BulletinAction, by: readonly Role[], outcomes: readonly [Outcome, Outcome, Outcome, Outcome, Outcome]];

const COLUMNS = ['draft', 'in_review', 'approved', 'published', 'superseded'] as const;

/**
 * The lifecycle written out by hand: the roles with a say in each action and, per status (columns
 * in the order of the header), the next status or the refusal. Every role not listed in a row is
 * refused 'forbidden' in every status.
 */
// prettier-ignore
const TABLE: readonly Row[] = [
  //                                  draft        in_review    approved     published    superseded
  ['edit',    ['coordinator'],        ['draft',    C,           C,           C,           C]],
  ['submit',  ['coordinator'],        ['in_review', C,          C,           C,           C]],
  ['return',  ['leader'],             [C,          'draft',     C,           C,           C]],
  ['approve', ['leader'],             [C,          'approved',  C,           C,           C]],
  ['publish', ['coordinator'],        [C,          C,           'published', C,           C]],
  ['correct', ['coordinator'],        [C,          C,           C,           'published', C]],
];

const CASES = TABLE.flatMap(([action, by, outcomes]) =>
  ROLES.flatMap((role) => COLUMNS.map((status, i) => ({ action, role, status, expected: by.includes(role) ? outcomes[i]! : F }))),
);

const asDecision = (action: BulletinAction, outcome: Outcome) =>
  (BULLETIN_STATUSES as readonly string[]).includes(outcome)
    ? { ok: true, next: outcome, createsDraft: action === 'correct' }
    : { ok: false, reason: outcome };

describe('decideBulletinAction', () => {
  it('has a table with one column per status and one row per action', () => {
    expect(COLUMNS).toEqual([...BULLETIN_STATUSES]);
    expect(TABLE.map(([action]) => action)).toEqual([...BULLETIN_ACTIONS]);
  });

  it.each(CASES)('$action by $role when $status → $expected', ({ action, role, status, expected }) => {
    expect(decideBulletinAction(status, [role], action)).toEqual(asDecision(action, expected));
  });

  it.each<[string, Role[], BulletinStatus, BulletinAction, Outcome]>([
    ['a coordinator who is also a leader may approve', ['coordinator', 'leader'], 'in_review', 'approve', 'approved'],
    ['a leader who is also a coordinator may publish', ['leader', 'coordinator'], 'approved', 'publish', 'published'],
    ['nobody at all is forbidden', [], 'draft', 'edit', F],
    ['an administrator may not publish', ['admin'], 'approved', 'publish', F],
  ])('decides %s', (_case, roles, status, action, expected) => {
    expect(decideBulletinAction(status, roles, action)).toEqual(asDecision(action, expected));
  });

  it('refuses a second correction while one is under way, and a stranger still as forbidden', () => {
    expect(decideBulletinAction('published', ['coordinator'], 'correct', { correctionUnderWay: true })).toEqual({ ok: false, reason: 'conflict' });
    expect(decideBulletinAction('published', ['leader'], 'correct', { correctionUnderWay: true })).toEqual({ ok: false, reason: 'forbidden' });
    expect(decideBulletinAction('published', ['coordinator'], 'correct', { correctionUnderWay: false })).toEqual({ ok: true, next: 'published', createsDraft: true });
  });
});

describe('missingBulletinInput', () => {
  it.each<[BulletinAction, { note?: string | null; reason?: string | null }, 'note' | 'reason' | null]>([
    ['return', { note: '第二部分数据需核对' }, null],
    ['return', {}, 'note'],
    ['return', { note: '   ' }, 'note'],
    ['return', { note: null }, 'note'],
    ['correct', { reason: '财政局办结数更正' }, null],
    ['correct', { reason: '' }, 'reason'],
    ['correct', { note: '备注' }, 'reason'],
    ['approve', {}, null],
    ['publish', {}, null],
  ])('%s with %j → %s', (action, input, missing) => {
    expect(missingBulletinInput(action, input)).toBe(missing);
  });
});

describe('bulletinCan', () => {
  it.each<[string, Role[], BulletinStatus, boolean, BulletinAction[]]>([
    ['the coordinator on a draft', ['coordinator'], 'draft', false, ['edit', 'submit']],
    ['a leader on a draft', ['leader'], 'draft', false, []],
    ['a leader on a bulletin under review', ['leader'], 'in_review', false, ['return', 'approve']],
    ['the coordinator on an approved bulletin', ['coordinator'], 'approved', false, ['publish']],
    ['the coordinator on a published bulletin', ['coordinator'], 'published', false, ['correct']],
    ['the coordinator on a published bulletin already being corrected', ['coordinator'], 'published', true, []],
    ['the coordinator on a superseded bulletin', ['coordinator'], 'superseded', false, []],
    ['an administrator (reads only)', ['admin'], 'in_review', false, []],
  ])('lets %s do %j', (_case, roles, status, correctionUnderWay, actions) => {
    const can = bulletinCan(status, roles, { correctionUnderWay });
    expect(BULLETIN_ACTIONS.filter((a) => can[a])).toEqual(actions);
  });
});

describe('supersede', () => {
  it.each(BULLETIN_STATUSES.map((s) => [s] as const))('%s', (status) => {
    expect(supersede(status)).toEqual(status === 'published' ? { ok: true, next: 'superseded' } : { ok: false, reason: 'conflict' });
  });
});
