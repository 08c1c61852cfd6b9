import type { Me } from '../app/session.js';
import type { VisitSummary } from './visit-api.js';

/**
 * What the plan page offers, mirroring visits.policy.ts on the server (which decides):
 * the coordinator plans for every leader, a leader plans their own visits.
 */
export function canPlanVisits(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes('coordinator') || me.roles.includes('leader');
}

/** The coordinator, leaders and the administrator see every visit (and may export the list). */
export function canSeeAllVisits(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes('coordinator') || me.roles.includes('leader') || me.roles.includes('admin');
}

/** A leader who is not also the coordinator plans only for themself (the leader field is fixed). */
export function plansOnlyForSelf(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes('leader') && !me.roles.includes('coordinator');
}

/** A planned visit can be dragged to another half-day by the coordinator or its own leader. */
export function canMoveVisit(me: Pick<Me, 'roles' | 'id'>, visit: Pick<VisitSummary, 'status' | 'leader'>): boolean {
  if (visit.status !== 'planned') return false;
  return me.roles.includes('coordinator') || (me.roles.includes('leader') && visit.leader.id === me.id);
}
