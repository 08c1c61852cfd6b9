import { describe, expect, it } from 'vitest';
import { availableDemandActions, decideDemandAction, isTerminal, type ActionOptions, type DemandRefusal } from './decide-demand-action.js';
import type { DemandParty } from './demand-parties.js';
import { DEMAND_ACTIONS, DEMAND_STATUSES, type DemandAction, type DemandStatus } from './demand-vocabulary.js';

const F: DemandRefusal = 'FORBIDDEN';
const C: DemandRefusal = 'DEMAND_STATE_CONFLICT';
const P: DemandRefusal = 'DEMAND_EXTENSION_PENDING';
const N: DemandRefusal = 'DEMAND_NO_PENDING_EXTENSION';

type Outcome = DemandStatus | DemandRefusal;
type Outcomes = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
/** `pending` undefined: the row holds whether or not an extension request is pending. */
type When = { pending?: boolean; resolved?: boolean };
type Row = readonly [action: DemandAction, when: When, by: readonly DemandParty[], outcomes: Outcomes];

const PARTIES: readonly DemandParty[] = ['coordinator', 'leader', 'admin', 'lead', 'assisting', 'enterprise', 'cadre', 'submitter', 'system', 'onsite'];
const COLUMNS = ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting', 'settled', 'closed', 'declined', 'merged'] as const;

const COORDINATOR: readonly DemandParty[] = ['coordinator'];
const LEAD: readonly DemandParty[] = ['lead'];

/**
 * The state machine written out by hand. A row lists the parties with a say in the action and,
 * per status (columns in the order of the header), the next status or the refusal. Every party
 * not listed in a row is refused FORBIDDEN in every status.
 * F = FORBIDDEN, C = DEMAND_STATE_CONFLICT, P = DEMAND_EXTENSION_PENDING, N = DEMAND_NO_PENDING_EXTENSION.
 */
// prettier-ignore
const TABLE: readonly Row[] = [
  //                                                                           submitted    accepted     assigned       in_progress    waiting        settled     closed declined merged
  ['accept',            {},                  COORDINATOR,                    ['accepted', C,           C,             C,             C,             C,          C,     C,       C]],
  ['decline',           {},                  COORDINATOR,                    ['declined', 'declined',  C,             C,             C,             C,          C,     C,       C]],
  ['assign',            {},                  ['coordinator', 'onsite'],      ['assigned', 'assigned',  'assigned',    C,             C,             C,          C,     C,       C]],
  ['acknowledge',       {},                  LEAD,                           [C,          C,           'in_progress', C,             C,             C,          C,     C,       C]],
  ['progress',          {},                  ['lead', 'assisting', 'coordinator'], [C,    C,           'assigned',    'in_progress', 'waiting',     C,          C,     C,       C]],
  ['request_input',     {},                  LEAD,                           [C,          C,           'assigned',    'in_progress', 'waiting',     C,          C,     C,       C]],
  ['return',            {},                  LEAD,                           [C,          C,           'accepted',    'accepted',    C,             C,          C,     C,       C]],
  ['request_extension', { pending: false },  LEAD,                           [C,          C,           'assigned',    'in_progress', C,             C,          C,     C,       C]],
  ['request_extension', { pending: true },   LEAD,                           [C,          C,           P,             P,             C,             C,          C,     C,       C]],
  ['decide_extension',  { pending: false },  COORDINATOR,                    [C,          C,           N,             N,             N,             C,          C,     C,       C]],
  ['decide_extension',  { pending: true },   COORDINATOR,                    [C,          C,           'assigned',    'in_progress', 'waiting',     C,          C,     C,       C]],
  ['wait',              {},                  LEAD,                           [C,          C,           'waiting',     'waiting',     C,             C,          C,     C,       C]],
  ['resume',            {},                  ['lead', 'coordinator'],        [C,          C,           C,             C,             'in_progress', C,          C,     C,       C]],
  ['settle',            {},                  LEAD,                           [C,          C,           'settled',     'settled',     C,             C,          C,     C,       C]],
  ['confirm',           { resolved: true },  ['enterprise', 'coordinator'],  [C,          C,           C,             C,             C,             'closed',   C,     C,       C]],
  ['confirm',           { resolved: false }, ['enterprise', 'coordinator'],  [C,          C,           C,             C,             C,             'assigned', C,     C,       C]],
  ['auto_close',        {},                  ['system'],                     [C,          C,           C,             C,             C,             'closed',   C,     C,       C]],
  ['merge',             {},                  COORDINATOR,                    ['merged',   'merged',    'merged',      'merged',      'merged',      C,          C,     C,       C]],
  ['edit',              {},                  COORDINATOR,                    ['submitted', 'accepted', 'assigned',    'in_progress', 'waiting',     'settled',  C,     C,       C]],
  ['attach',            {},                  ['coordinator', 'lead', 'assisting', 'enterprise', 'cadre', 'submitter'],
                                                                             ['submitted', 'accepted', 'assigned',    'in_progress', 'waiting',     'settled',  C,     C,       C]],
];

type Case = { action: DemandAction; party: DemandParty; status: DemandStatus; pending: boolean; options: ActionOptions; note: string; expected: Outcome };

const CASES: Case[] = TABLE.flatMap(([action, when, by, outcomes]) =>
  (when.pending === undefined ? [false, true] : [when.pending]).flatMap((pending) =>
    PARTIES.flatMap((party) =>
      COLUMNS.map((status, i) => ({
        action,
        party,
        status,
        pending,
        options: when.resolved === undefined ? {} : { resolved: when.resolved },
        note: [pending ? ', an extension pending' : '', when.resolved === undefined ? '' : `, resolved: ${when.resolved}`].join(''),
        expected: by.includes(party) ? (outcomes[i] as Outcome) : F,
      })),
    ),
  ),
);

const asDecision = (outcome: Outcome) =>
  (DEMAND_STATUSES as readonly string[]).includes(outcome) ? { ok: true, next: outcome } : { ok: false, refusal: outcome };

describe('decideDemandAction', () => {
  it('has a table with one column per status and rows for every action', () => {
    expect(COLUMNS).toEqual([...DEMAND_STATUSES]);
    expect(new Set(TABLE.map(([action]) => action))).toEqual(new Set(DEMAND_ACTIONS));
  });

  it.each(CASES)(
    '$action by $party when $status$note → $expected',
    ({ action, party, status, pending, options, expected }) => {
      const decision = decideDemandAction({ status, hasPendingExtension: pending }, new Set([party]), action, options);
      expect(decision).toEqual(asDecision(expected));
    },
  );

  it.each<[string, DemandParty[], DemandStatus, DemandAction, Outcome]>([
    ['a coordinator who is also a leader may accept', ['coordinator', 'leader'], 'submitted', 'accept', 'accepted'],
    ['an enterprise user who submitted may confirm', ['enterprise', 'submitter'], 'settled', 'confirm', 'closed'],
    ['a cadre who reported it may attach', ['cadre', 'submitter'], 'in_progress', 'attach', 'in_progress'],
    ['a leader and admin still may not settle', ['leader', 'admin'], 'in_progress', 'settle', F],
    ['no party at all is forbidden', [], 'submitted', 'attach', F],
    ['a lead department that also assists may acknowledge', ['lead', 'assisting'], 'assigned', 'acknowledge', 'in_progress'],
  ])('decides %s', (_case, parties, status, action, expected) => {
    expect(decideDemandAction({ status, hasPendingExtension: false }, new Set(parties), action, { resolved: true })).toEqual(asDecision(expected));
  });
});

describe('availableDemandActions', () => {
  it.each<[string, DemandParty[], DemandStatus, boolean, DemandAction[]]>([
    ['the enterprise on a settled demand', ['enterprise'], 'settled', false, ['confirm', 'attach']],
    ['the enterprise on a demand in progress', ['enterprise', 'submitter'], 'in_progress', false, ['attach']],
    ['the lead department on an assigned demand', ['lead'], 'assigned', false,
      ['acknowledge', 'progress', 'request_input', 'return', 'request_extension', 'wait', 'settle', 'attach']],
    ['the lead department when an extension is pending', ['lead'], 'in_progress', true,
      ['progress', 'request_input', 'return', 'wait', 'settle', 'attach']],
    ['the lead department on a waiting demand', ['lead'], 'waiting', false, ['progress', 'request_input', 'resume', 'attach']],
    ['an assisting department', ['assisting'], 'in_progress', false, ['progress', 'attach']],
    ['the coordinator on a new demand', ['coordinator'], 'submitted', false, ['accept', 'decline', 'assign', 'merge', 'edit', 'attach']],
    ['the coordinator when an extension is pending', ['coordinator'], 'waiting', true, ['progress', 'decide_extension', 'resume', 'merge', 'edit', 'attach']],
    ['the coordinator on a settled demand', ['coordinator'], 'settled', false, ['confirm', 'edit', 'attach']],
    ['the system (auto_close is never a button)', ['system'], 'settled', false, []],
    ['a leader', ['leader'], 'in_progress', false, []],
    ['anyone on a closed demand', ['coordinator', 'lead', 'enterprise'], 'closed', false, []],
  ])('lists the actions of %s', (_case, parties, status, pending, actions) => {
    expect(availableDemandActions({ status, hasPendingExtension: pending }, new Set(parties))).toEqual(actions);
  });
});

describe('isTerminal', () => {
  it.each<[DemandStatus, boolean]>([
    ['submitted', false], ['accepted', false], ['assigned', false], ['in_progress', false], ['waiting', false],
    ['settled', false], ['closed', true], ['declined', true], ['merged', true],
  ])('%s → %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });
});
