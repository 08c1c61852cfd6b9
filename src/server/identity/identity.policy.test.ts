import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { identityPolicy, type IdentityAction } from './identity.policy.js';

const actor = (role: Role): Actor => ({
  zoneId: 'z',
  userId: 'u',
  username: role,
  displayName: role,
  roles: [role],
  departmentId: null,
  enterpriseId: null,
});

// role × action: the expected answer, written out so that a change to the policy shows here.
const table: Record<IdentityAction, Role[]> = {
  listDepartments: [...ROLES],
  manageDepartments: ['admin'],
  listUsers: ['admin', 'leader', 'coordinator', 'department', 'cadre', 'approval', 'industry'],
  manageUsers: ['admin'],
  readZone: [...ROLES],
  manageZone: ['admin'],
};

describe('identityPolicy', () => {
  for (const [action, allowed] of Object.entries(table) as [IdentityAction, Role[]][]) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${action} is ${expected ? 'allowed' : 'refused'} for ${role}`, () => {
        expect(identityPolicy[action](actor(role))).toBe(expected);
      });
    }
  }
  it('refuses everything to a user with no role', () => {
    const nobody = { ...actor('admin'), roles: [] };
    for (const action of Object.keys(table) as IdentityAction[]) expect(identityPolicy[action](nobody)).toBe(false);
  });
});
