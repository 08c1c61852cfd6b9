import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { channelsFor, demandListScope, demandPolicy } from './demands.policy.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  zoneId: 'z', userId: `u-${role}`, username: role, displayName: role, roles: [role], departmentId: null, enterpriseId: null, ...extra,
});

type Expected = {
  create: boolean; listAll: boolean; stats: boolean; export: boolean; bulkAssign: boolean; manageCategories: boolean;
  channels: string[]; scope: string;
};
// role × action; the transitions of one demand are decided by src/domain/demands (tested there).
const cases: [Role, Partial<Actor>, Expected][] = [
  ['admin', {}, { create: false, listAll: true, stats: true, export: true, bulkAssign: false, manageCategories: true, channels: [], scope: 'all' }],
  ['coordinator', {}, { create: true, listAll: true, stats: true, export: true, bulkAssign: true, manageCategories: true, channels: ['hotline', 'visit'], scope: 'all' }],
  ['leader', {}, { create: true, listAll: true, stats: true, export: true, bulkAssign: false, manageCategories: false, channels: ['visit'], scope: 'all' }],
  ['department', { departmentId: 'd1' }, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'department' }],
  ['department', {}, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'none' }],
  ['cadre', {}, { create: true, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: ['cadre', 'visit'], scope: 'cadre' }],
  ['enterprise', { enterpriseId: 'e1' }, { create: true, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: ['portal'], scope: 'enterprise' }],
  ['enterprise', {}, { create: true, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: ['portal'], scope: 'none' }],
  ['approval', {}, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'none' }],
  ['industry', {}, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'none' }],
];

describe('demandPolicy', () => {
  it('covers every role', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(ROLES));
  });
  it.each(cases)('%s %o', (role, extra, e) => {
    const a = actor(role, extra);
    expect({
      create: demandPolicy.create(a),
      listAll: demandPolicy.listAll(a),
      stats: demandPolicy.stats(a),
      export: demandPolicy.export(a),
      bulkAssign: demandPolicy.bulkAssign(a),
      manageCategories: demandPolicy.manageCategories(a),
      channels: channelsFor(a),
      scope: demandListScope(a).kind,
    }).toEqual(e);
  });
  it('scopes a department user to their department and a cadre to themselves', () => {
    expect(demandListScope(actor('department', { departmentId: 'd1' }))).toEqual({ kind: 'department', departmentId: 'd1' });
    expect(demandListScope(actor('cadre'))).toEqual({ kind: 'cadre', userId: 'u-cadre' });
  });
});
