import type { Actor } from '../identity/actor.js';
import type { DemandStatus } from './demand-vocabulary.js';

/** What the rules need to know about a demand to decide who may do what. */
export type DemandFacts = {
  status: DemandStatus;
  enterpriseId: string;
  enterpriseCadreId: string | null;
  submittedBy: string | null;
  leadDepartmentId: string | null;
  assistingDepartmentIds: readonly string[];
  hasPendingExtension: boolean;
};

/**
 * How the actor stands to one demand. A person can be several parties at once
 * (a coordinator who is also a leader); every rule asks "is one of them allowed".
 * 'onsite' is the on-site office of a visit (现场办公), where the leader and the departments agree
 * who settles a problem and the demand is assigned at once; demandParties never gives it — only the
 * visit service does, for the demands it creates at the visit.
 */
export type DemandParty = 'coordinator' | 'leader' | 'admin' | 'lead' | 'assisting' | 'enterprise' | 'cadre' | 'submitter' | 'system' | 'onsite';

export function demandParties(actor: Actor | 'system', d: DemandFacts): Set<DemandParty> {
  const parties = new Set<DemandParty>();
  if (actor === 'system') return parties.add('system');
  const has = (r: string) => (actor.roles as readonly string[]).includes(r);
  if (has('coordinator')) parties.add('coordinator');
  if (has('leader')) parties.add('leader');
  if (has('admin')) parties.add('admin');
  if (has('department') && actor.departmentId) {
    if (actor.departmentId === d.leadDepartmentId) parties.add('lead');
    else if (d.assistingDepartmentIds.includes(actor.departmentId)) parties.add('assisting');
  }
  if (has('enterprise') && actor.enterpriseId === d.enterpriseId) parties.add('enterprise');
  if (has('cadre') && d.enterpriseCadreId === actor.userId) parties.add('cadre');
  if (d.submittedBy === actor.userId) parties.add('submitter');
  return parties;
}

/** Who may read a demand at all. Anyone else is answered "not found". */
export function canReadDemand(parties: ReadonlySet<DemandParty>): boolean {
  return parties.size > 0;
}

/**
 * Internal notes (between the administration's people) are hidden from the enterprise. Having
 * submitted the demand is not enough: a submitter with no other party may be an enterprise user
 * who has since left the enterprise (or lost the role), so it takes a party of the administration.
 */
export function seesInternalNotes(parties: ReadonlySet<DemandParty>): boolean {
  return [...parties].some((p) => p !== 'enterprise' && p !== 'submitter');
}
