import { hasRole, type Actor } from '../../domain/identity/actor.js';
import { STAFF_ROLES } from '../../domain/identity/roles.js';

type EnterpriseRef = { id: string; cadreId: string | null };

const isStaff = (a: Actor) => a.roles.some((r) => STAFF_ROLES.includes(r));
const isRegistrar = (a: Actor) => hasRole(a, 'admin', 'coordinator', 'industry');
const isOwnEnterprise = (a: Actor, e: EnterpriseRef) => hasRole(a, 'enterprise') && a.enterpriseId === e.id;
const isTheirCadre = (a: Actor, e: EnterpriseRef) => hasRole(a, 'cadre') && e.cadreId === a.userId;

/** Fields an enterprise user may change on its own record; the rest is kept by the administration. */
export const ENTERPRISE_SELF_SERVICE_FIELDS = ['legalRepresentative', 'address', 'description', 'contacts', 'figures'] as const;

/**
 * Who may do what with the enterprise registry (一企一档). Staff read every
 * enterprise of the zone; an enterprise user reads only its own.
 */
export const enterprisePolicy = {
  read: (a: Actor, e: EnterpriseRef) => isStaff(a) || isOwnEnterprise(a, e),
  create: (a: Actor) => isRegistrar(a),
  update: (a: Actor, e: EnterpriseRef) => isRegistrar(a) || isTheirCadre(a, e) || isOwnEnterprise(a, e),
  /** Changing every field, not just the self-service ones. */
  updateAll: (a: Actor, e: EnterpriseRef) => isRegistrar(a) || isTheirCadre(a, e),
  /** Choosing the enterprise's liaison leader (包联领导): the registrars, not the cadre or the enterprise. */
  assignLeader: (a: Actor) => isRegistrar(a),
  import: (a: Actor) => isRegistrar(a),
  export: (a: Actor) => isRegistrar(a) || hasRole(a, 'leader'),
  listThemes: (a: Actor) => a.roles.length > 0,
  manageThemes: (a: Actor) => hasRole(a, 'admin', 'coordinator'),
};

/** The SQL scope of a list, from the same rules as `read`: all of the zone, one enterprise, or none. */
export function enterpriseListScope(a: Actor): { kind: 'all' } | { kind: 'one'; enterpriseId: string } | { kind: 'none' } {
  if (isStaff(a)) return { kind: 'all' };
  if (hasRole(a, 'enterprise') && a.enterpriseId) return { kind: 'one', enterpriseId: a.enterpriseId };
  return { kind: 'none' };
}
