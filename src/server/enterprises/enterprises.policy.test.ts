import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { enterprisePolicy, enterpriseListScope } from './enterprises.policy.js';

const E = { id: 'e1', cadreId: 'u-cadre' };
const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  zoneId: 'z', userId: `u-${role}`, username: role, displayName: role, roles: [role], departmentId: null, enterpriseId: null, ...extra,
});

type Case = [Role, Partial<Actor>, { read: boolean; create: boolean; update: boolean; updateAll: boolean; import: boolean; export: boolean; manageThemes: boolean }];
// role × action for enterprise e1 whose liaison cadre is u-cadre.
const cases: Case[] = [
  ['admin', {}, { read: true, create: true, update: true, updateAll: true, import: true, export: true, manageThemes: true }],
  ['coordinator', {}, { read: true, create: true, update: true, updateAll: true, import: true, export: true, manageThemes: true }],
  ['industry', {}, { read: true, create: true, update: true, updateAll: true, import: true, export: true, manageThemes: false }],
  ['leader', {}, { read: true, create: false, update: false, updateAll: false, import: false, export: true, manageThemes: false }],
  ['department', {}, { read: true, create: false, update: false, updateAll: false, import: false, export: false, manageThemes: false }],
  ['approval', {}, { read: true, create: false, update: false, updateAll: false, import: false, export: false, manageThemes: false }],
  ['cadre', {}, { read: true, create: false, update: true, updateAll: true, import: false, export: false, manageThemes: false }],
  ['cadre', { userId: 'u-other' }, { read: true, create: false, update: false, updateAll: false, import: false, export: false, manageThemes: false }],
  ['enterprise', { enterpriseId: 'e1' }, { read: true, create: false, update: true, updateAll: false, import: false, export: false, manageThemes: false }],
  ['enterprise', { enterpriseId: 'e2' }, { read: false, create: false, update: false, updateAll: false, import: false, export: false, manageThemes: false }],
];

describe('enterprisePolicy', () => {
  it('covers every role', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(ROLES));
  });
  for (const [role, extra, expected] of cases) {
    const a = actor(role, extra);
    const label = `${role}${Object.keys(extra).length ? ' ' + JSON.stringify(extra) : ''}`;
    it(`answers ${label} as expected`, () => {
      expect({
        read: enterprisePolicy.read(a, E),
        create: enterprisePolicy.create(a),
        update: enterprisePolicy.update(a, E),
        updateAll: enterprisePolicy.updateAll(a, E),
        import: enterprisePolicy.import(a),
        export: enterprisePolicy.export(a),
        manageThemes: enterprisePolicy.manageThemes(a),
      }).toEqual(expected);
    });
  }
});

describe('enterpriseListScope', () => {
  it('gives staff the whole zone, an enterprise user its own, and nobody else anything', () => {
    expect(enterpriseListScope(actor('leader'))).toEqual({ kind: 'all' });
    expect(enterpriseListScope(actor('enterprise', { enterpriseId: 'e1' }))).toEqual({ kind: 'one', enterpriseId: 'e1' });
    expect(enterpriseListScope(actor('enterprise'))).toEqual({ kind: 'none' });
    expect(enterpriseListScope({ ...actor('admin'), roles: [] })).toEqual({ kind: 'none' });
  });
});
