import { hasRole, type Actor } from '../../domain/identity/actor.js';
import type { DemandScope } from './demands.repository.js';

/**
 * Who may do what with demands beyond one demand's state machine
 * (src/domain/demands/decide-demand-action.ts decides the transitions).
 */
export const demandPolicy = {
  /** Intake: the enterprise for itself, a cadre on behalf of an enterprise, the coordinator (hotline, visits), a leader (visits). */
  create: (a: Actor) => hasRole(a, 'enterprise', 'cadre', 'coordinator', 'leader'),
  listAll: (a: Actor) => hasRole(a, 'coordinator', 'leader', 'admin'),
  stats: (a: Actor) => hasRole(a, 'coordinator', 'leader', 'admin'),
  export: (a: Actor) => hasRole(a, 'coordinator', 'leader', 'admin'),
  bulkAssign: (a: Actor) => hasRole(a, 'coordinator'),
  manageCategories: (a: Actor) => hasRole(a, 'coordinator', 'admin'),
  readCategories: (a: Actor) => a.roles.length > 0,
};

export { channelsFor } from '../../domain/demands/index.js';

/**
 * The SQL scope of a list, from the same parties as demandParties() (src/domain/demands), so a list
 * and a single read never disagree: the whole zone for the coordinator, leaders and admin; otherwise
 * the demands where the user is a party — its department leads or assists, its own enterprise's, its
 * enterprises as liaison cadre, or what it filed. Several roles give the union.
 */
export function demandListScope(a: Actor): DemandScope {
  if (demandPolicy.listAll(a)) return { kind: 'all' };
  return {
    kind: 'parties',
    departmentId: hasRole(a, 'department') ? a.departmentId : null,
    enterpriseId: hasRole(a, 'enterprise') ? a.enterpriseId : null,
    cadreUserId: hasRole(a, 'cadre') ? a.userId : null,
    submitterId: a.userId,
  };
}
