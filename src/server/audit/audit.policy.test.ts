import { describe, it, expect } from 'vitest';
import { ROLES } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { canReadAudit } from './audit.policy.js';
import { calendarPolicy } from '../calendar/calendar.policy.js';

const actor = (role: (typeof ROLES)[number]): Actor => ({
  zoneId: 'z', userId: 'u', username: role, displayName: role, roles: [role], departmentId: null, enterpriseId: null,
});

// role × action, written out so that a change to either policy shows here.
const table: Record<string, { allowed: readonly string[]; check: (a: Actor) => boolean }> = {
  'audit.read': { allowed: ['admin'], check: canReadAudit },
  'calendar.read': { allowed: ROLES, check: calendarPolicy.read },
  'calendar.manage': { allowed: ['admin'], check: calendarPolicy.manage },
};

describe('audit and calendar policies', () => {
  for (const [action, { allowed, check }] of Object.entries(table)) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${action} is ${expected ? 'allowed' : 'refused'} for ${role}`, () => {
        expect(check(actor(role))).toBe(expected);
      });
    }
    it(`${action} is refused to a user with no role`, () => {
      expect(check({ ...actor('admin'), roles: [] })).toBe(false);
    });
  }
});
