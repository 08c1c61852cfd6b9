import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { wechatPolicy, type WechatAction } from './wechat.policy.js';

const actor = (role: Role): Actor => ({
  zoneId: 'z', userId: 'u', username: role, displayName: role, roles: [role], departmentId: null, enterpriseId: null,
});

// role × action, written out so that a change to the policy shows here.
const table: Record<WechatAction, Role[]> = {
  readAccount: ['admin', 'coordinator'],
  manageAccount: ['admin', 'coordinator'],
  testAccount: ['admin', 'coordinator'],
};

describe('wechatPolicy', () => {
  for (const [action, allowed] of Object.entries(table) as [WechatAction, Role[]][]) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${action} is ${expected ? 'allowed' : 'refused'} for ${role}`, () => {
        expect(wechatPolicy[action](actor(role))).toBe(expected);
      });
    }
  }
  it('refuses everything to a user with no role', () => {
    const nobody = { ...actor('admin'), roles: [] };
    for (const action of Object.keys(table) as WechatAction[]) expect(wechatPolicy[action](nobody)).toBe(false);
  });
});
