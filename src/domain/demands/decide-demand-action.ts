import type { DemandAction, DemandStatus } from './demand-vocabulary.js';
import { TERMINAL_STATUSES } from './demand-vocabulary.js';
import type { DemandFacts, DemandParty } from './demand-parties.js';

/**
 * The state machine of a demand: for each action, the states it may start
 * from, the parties who may take it, and where it leads. `same` keeps the
 * status (a note, an extension request); `confirm` leads to `closed` when the
 * enterprise says resolved and back to `assigned` (reopened) when not.
 */
type Rule = { from: readonly DemandStatus[]; by: readonly DemandParty[]; to: DemandStatus | 'same' | ((o: ActionOptions) => DemandStatus) };

const OPEN_BEFORE_SETTLEMENT: readonly DemandStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting'];
const NOT_TERMINAL: readonly DemandStatus[] = [...OPEN_BEFORE_SETTLEMENT, 'settled'];

export const DEMAND_RULES: Record<DemandAction, Rule> = {
  accept: { from: ['submitted'], by: ['coordinator'], to: 'accepted' },
  decline: { from: ['submitted', 'accepted'], by: ['coordinator'], to: 'declined' },
  // Assigning a submitted demand accepts it; assigning an assigned one (not yet acknowledged) reassigns it.
  // A visit's on-site office assigns the demands it creates there.
  assign: { from: ['submitted', 'accepted', 'assigned'], by: ['coordinator', 'onsite'], to: 'assigned' },
  acknowledge: { from: ['assigned'], by: ['lead'], to: 'in_progress' },
  progress: { from: ['assigned', 'in_progress', 'waiting'], by: ['lead', 'assisting', 'coordinator'], to: 'same' },
  request_input: { from: ['assigned', 'in_progress', 'waiting'], by: ['lead'], to: 'same' },
  return: { from: ['assigned', 'in_progress'], by: ['lead'], to: 'accepted' },
  request_extension: { from: ['assigned', 'in_progress'], by: ['lead'], to: 'same' },
  decide_extension: { from: ['assigned', 'in_progress', 'waiting'], by: ['coordinator'], to: 'same' },
  wait: { from: ['assigned', 'in_progress'], by: ['lead'], to: 'waiting' },
  resume: { from: ['waiting'], by: ['lead', 'coordinator'], to: 'in_progress' },
  settle: { from: ['assigned', 'in_progress'], by: ['lead'], to: 'settled' },
  // The enterprise answers the follow-up itself; the coordinator may record an answer given by phone (电话回访).
  confirm: { from: ['settled'], by: ['enterprise', 'coordinator'], to: (o) => (o.resolved === false ? 'assigned' : 'closed') },
  auto_close: { from: ['settled'], by: ['system'], to: 'closed' },
  merge: { from: OPEN_BEFORE_SETTLEMENT, by: ['coordinator'], to: 'merged' },
  edit: { from: NOT_TERMINAL, by: ['coordinator'], to: 'same' },
  attach: { from: NOT_TERMINAL, by: ['coordinator', 'lead', 'assisting', 'enterprise', 'submitter', 'cadre'], to: 'same' },
};

export type ActionOptions = { resolved?: boolean };

/** Why an action is refused: not your demand to act on (403), or not now (409). */
export type DemandRefusal = 'FORBIDDEN' | 'DEMAND_STATE_CONFLICT' | 'DEMAND_EXTENSION_PENDING' | 'DEMAND_NO_PENDING_EXTENSION';

export type DemandDecision = { ok: true; next: DemandStatus } | { ok: false; refusal: DemandRefusal };

/**
 * Decides whether `parties` may take `action` on a demand in its current state, and the state it
 * leads to. Who comes first: a party with no say gets FORBIDDEN whatever the state; a party with
 * a say gets DEMAND_STATE_CONFLICT when the state does not allow it now.
 */
export function decideDemandAction(
  facts: Pick<DemandFacts, 'status' | 'hasPendingExtension'>,
  parties: ReadonlySet<DemandParty>,
  action: DemandAction,
  options: ActionOptions = {},
): DemandDecision {
  const rule = DEMAND_RULES[action];
  if (!rule.by.some((p) => parties.has(p))) return { ok: false, refusal: 'FORBIDDEN' };
  if (!rule.from.includes(facts.status)) return { ok: false, refusal: 'DEMAND_STATE_CONFLICT' };
  if (action === 'request_extension' && facts.hasPendingExtension) return { ok: false, refusal: 'DEMAND_EXTENSION_PENDING' };
  if (action === 'decide_extension' && !facts.hasPendingExtension) return { ok: false, refusal: 'DEMAND_NO_PENDING_EXTENSION' };
  const next = rule.to === 'same' ? facts.status : typeof rule.to === 'function' ? rule.to(options) : rule.to;
  return { ok: true, next };
}

/** The actions `parties` may take now: what the presenter sends so the UI shows only those buttons. */
export function availableDemandActions(facts: Pick<DemandFacts, 'status' | 'hasPendingExtension'>, parties: ReadonlySet<DemandParty>): DemandAction[] {
  return (Object.keys(DEMAND_RULES) as DemandAction[]).filter((a) => a !== 'auto_close' && decideDemandAction(facts, parties, a).ok);
}

export function isTerminal(status: DemandStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
