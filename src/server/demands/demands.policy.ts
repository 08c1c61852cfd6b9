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
 * The SQL scope of a list, from the same parties as demandParties(): the whole zone for the
 * coordinator, leaders and admin; the department's lead and assisting demands; the enterprise's
 * own; a cadre's enterprises and what the cadre filed.
 */
export function demandListScope(a: Actor): DemandScope {
  if (demandPolicy.listAll(a)) return { kind: 'all' };
  if (hasRole(a, 'department') && a.departmentId) return { kind: 'department', departmentId: a.departmentId };
  if (hasRole(a, 'enterprise') && a.enterpriseId) return { kind: 'enterprise', enterpriseId: a.enterpriseId };
  if (hasRole(a, 'cadre')) return { kind: 'cadre', userId: a.userId };
  return { kind: 'none' };
}
