import { hasRole, type Actor } from '../../domain/identity/actor.js';
import { STAFF_ROLES } from '../../domain/identity/roles.js';

/**
 * Who may do what with people and departments. One predicate per action;
 * tested as a role × action table in identity.policy.test.ts.
 */
const isStaff = (a: Actor) => a.roles.some((r) => STAFF_ROLES.includes(r));

export const identityPolicy = {
  /** Departments are public knowledge inside the zone (an enterprise sees which department handles its demand). */
  listDepartments: (a: Actor) => a.roles.length > 0,
  manageDepartments: (a: Actor) => hasRole(a, 'admin'),
  /** Staff see the people of the zone (to pick a cadre, a handler); enterprise users do not. */
  listUsers: (a: Actor) => isStaff(a),
  manageUsers: (a: Actor) => hasRole(a, 'admin'),
  readZone: (a: Actor) => a.roles.length > 0,
  manageZone: (a: Actor) => hasRole(a, 'admin'),
};

export type IdentityAction = keyof typeof identityPolicy;
