import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { channelsFor, demandListScope, demandPolicy } from './demands.policy.js';
import type { DemandScope } from './demands.repository.js';

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
  ['department', { departmentId: 'd1' }, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'department+submitter' }],
  ['department', {}, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'submitter' }],
  ['cadre', {}, { create: true, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: ['cadre', 'visit'], scope: 'cadre+submitter' }],
  ['enterprise', { enterpriseId: 'e1' }, { create: true, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: ['portal'], scope: 'enterprise+submitter' }],
  ['enterprise', {}, { create: true, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: ['portal'], scope: 'submitter' }],
  ['approval', {}, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'submitter' }],
  ['industry', {}, { create: false, listAll: false, stats: false, export: false, bulkAssign: false, manageCategories: false, channels: [], scope: 'submitter' }],
];

/** 'all', or the parties a list is scoped to, e.g. 'department+submitter'. */
function describeScope(s: DemandScope): string {
  if (s.kind === 'all') return 'all';
  const parts = [s.departmentId && 'department', s.enterpriseId && 'enterprise', s.cadreUserId && 'cadre', 'submitter'];
  return parts.filter(Boolean).join('+');
}

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
      scope: describeScope(demandListScope(a)),
    }).toEqual(e);
  });
  it('scopes a department user to their department and a cadre to themselves', () => {
    expect(demandListScope(actor('department', { departmentId: 'd1' }))).toEqual({ kind: 'parties', departmentId: 'd1', enterpriseId: null, cadreUserId: null, submitterId: 'u-department' });
    expect(demandListScope(actor('cadre'))).toEqual({ kind: 'parties', departmentId: null, enterpriseId: null, cadreUserId: 'u-cadre', submitterId: 'u-cadre' });
  });
  it('gives a person with two scoped roles the union of both', () => {
    const both = { ...actor('department', { departmentId: 'd1' }), roles: ['department', 'cadre'] as Role[] };
    expect(describeScope(demandListScope(both))).toBe('department+cadre+submitter');
  });
});
