import { describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { dashboardPolicy } from './dashboard.policy.js';

const actor = (roles: Actor['roles']): Actor => ({
  zoneId: 'z', userId: 'u', username: 'u', displayName: 'u', roles, departmentId: null, enterpriseId: null,
});

// role × action, written out so that a change to the policy shows here.
const allowed: Record<keyof typeof dashboardPolicy, readonly string[]> = {
  view: ['coordinator', 'leader', 'admin'],
};

describe('dashboardPolicy', () => {
  for (const [action, roles] of Object.entries(allowed) as [keyof typeof dashboardPolicy, readonly string[]][]) {
    for (const role of ROLES) {
      const expected = roles.includes(role);
      it(`${action} is ${expected ? 'allowed' : 'refused'} for ${role}`, () => {
        expect(dashboardPolicy[action](actor([role]))).toBe(expected);
      });
    }
    it(`${action} is refused to a user with no role, and allowed to a department user who is also a leader`, () => {
      expect(dashboardPolicy[action](actor([]))).toBe(false);
      expect(dashboardPolicy[action](actor(['department', 'leader']))).toBe(true);
    });
  }
});
