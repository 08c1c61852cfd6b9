import { hasRole, type Actor } from '../../domain/identity/actor.js';

/** How a user stands to one visit: the facts the per-visit rules look at. */
export type VisitFacts = {
  leaderId: string;
  status: 'planned' | 'done' | 'cancelled';
  departmentIds: readonly string[];
  cadreIds: readonly string[];
  /** The liaison cadres of the visit's enterprises. */
  enterpriseCadreIds: readonly string[];
};

const isOverseer = (a: Actor) => hasRole(a, 'coordinator', 'leader', 'admin');
const isVisitLeader = (a: Actor, v: VisitFacts) => hasRole(a, 'leader') && a.userId === v.leaderId;
const accompanies = (a: Actor, v: VisitFacts) =>
  (hasRole(a, 'cadre') && (v.cadreIds.includes(a.userId) || v.enterpriseCadreIds.includes(a.userId)))
  || (hasRole(a, 'department') && !!a.departmentId && v.departmentIds.includes(a.departmentId));

/**
 * Who may do what with visits (每周益企). The coordinator plans for every leader; a leader plans
 * their own visits; the visit's leader and the coordinator run its on-site office and sign it off;
 * accompanying cadres and departments read it and help record it; the cadres gather demands before it.
 */
export const visitPolicy = {
  /** The plan, the counts, compliance and coverage views. */
  listAll: (a: Actor) => isOverseer(a),
  views: (a: Actor) => isOverseer(a),
  /** Planning: the coordinator for any leader, a leader for themself. */
  plan: (a: Actor, leaderId?: string) => hasRole(a, 'coordinator') || (hasRole(a, 'leader') && (leaderId === undefined || leaderId === a.userId)),
  read: (a: Actor, v: VisitFacts) => isOverseer(a) || accompanies(a, v),
  /** Change the plan (move, edit) or cancel: while planned. */
  edit: (a: Actor, v: VisitFacts) => v.status === 'planned' && (hasRole(a, 'coordinator') || isVisitLeader(a, v)),
  /** The on-site office record, its problems and photos: until signed off. */
  record: (a: Actor, v: VisitFacts) => v.status === 'planned' && (hasRole(a, 'coordinator') || isVisitLeader(a, v) || (hasRole(a, 'cadre') && v.cadreIds.includes(a.userId))),
  /** 问需于企: linking the enterprises' open demands before the visit. */
  gather: (a: Actor, v: VisitFacts) => v.status === 'planned' && (hasRole(a, 'coordinator') || isVisitLeader(a, v) || (hasRole(a, 'cadre') && (v.cadreIds.includes(a.userId) || v.enterpriseCadreIds.includes(a.userId)))),
  signOff: (a: Actor, v: VisitFacts) => v.status === 'planned' && (hasRole(a, 'coordinator') || isVisitLeader(a, v)),
  /** The leader's own board: this week, next week, open demands from their visits. */
  board: (a: Actor) => hasRole(a, 'leader', 'coordinator'),
};
