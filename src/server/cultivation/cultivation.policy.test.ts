import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import type { Actor } from '../../domain/identity/actor.js';
import { ASSESSMENT_STATUSES, type AssessmentAction, type AssessmentStatus } from '../../contracts/cultivation.js';
import { assessmentActions, assessmentListScope, cultivationPolicy } from './cultivation.policy.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  zoneId: 'z', userId: `u-${role}`, username: role, displayName: role, roles: [role], departmentId: null, enterpriseId: null, ...extra,
});

// The assessment under test belongs to enterprise e1.
const E = 'e1';
type Who = [label: string, a: Actor];
const OWN = actor('enterprise', { enterpriseId: E });
const OTHER = actor('enterprise', { enterpriseId: 'e2' });
const WHO: Who[] = [
  ['admin', actor('admin')],
  ['industry', actor('industry')],
  ['leader', actor('leader')],
  ['coordinator', actor('coordinator')],
  ['department', actor('department', { departmentId: 'd1' })],
  ['cadre', actor('cadre')],
  ['approval', actor('approval')],
  ['enterprise of e1', OWN],
  ['enterprise of e2', OTHER],
  ['enterprise without an enterprise', actor('enterprise')],
];

/** Per-assessment actions by who × status (e1's assessment). */
const ACTIONS: Record<string, Record<AssessmentStatus, AssessmentAction[]>> = {
  admin: { draft: ['edit', 'submit'], returned: ['edit', 'submit'], submitted: ['accept', 'return'], accepted: [] },
  industry: { draft: ['edit', 'submit'], returned: ['edit', 'submit'], submitted: ['accept', 'return'], accepted: [] },
  leader: { draft: [], returned: [], submitted: [], accepted: [] },
  coordinator: { draft: [], returned: [], submitted: [], accepted: [] },
  department: { draft: [], returned: [], submitted: [], accepted: [] },
  cadre: { draft: [], returned: [], submitted: [], accepted: [] },
  approval: { draft: [], returned: [], submitted: [], accepted: [] },
  'enterprise of e1': { draft: ['edit', 'submit'], returned: ['edit', 'submit'], submitted: [], accepted: [] },
  'enterprise of e2': { draft: [], returned: [], submitted: [], accepted: [] },
  'enterprise without an enterprise': { draft: [], returned: [], submitted: [], accepted: [] },
};

/** Whole-area actions by who: read an assessment of e1, create one for e1, list, settings, runs, lists, counts. */
type AreaRow = {
  read: boolean; create: boolean; createForAny: boolean; list: boolean; readSettings: boolean; manageSettings: boolean; evaluate: boolean;
  readRuns: boolean; manageRuns: boolean; readLists: boolean; manageLists: boolean; readCounts: boolean; scope: string;
};
const officer: AreaRow = {
  read: true, create: true, createForAny: true, list: true, readSettings: true, manageSettings: true, evaluate: true,
  readRuns: true, manageRuns: true, readLists: true, manageLists: true, readCounts: true, scope: 'all',
};
const overseer: AreaRow = { ...officer, create: false, createForAny: false, manageSettings: false, manageRuns: false, manageLists: false };
const outsider: AreaRow = {
  read: false, create: false, createForAny: false, list: false, readSettings: true, manageSettings: false, evaluate: true,
  readRuns: false, manageRuns: false, readLists: false, manageLists: false, readCounts: false, scope: 'none',
};
const AREA: Record<string, AreaRow> = {
  admin: officer,
  industry: officer,
  leader: overseer,
  coordinator: overseer,
  department: outsider,
  cadre: outsider,
  approval: outsider,
  'enterprise of e1': { ...outsider, read: true, create: true, list: true, scope: 'one:e1' },
  'enterprise of e2': { ...outsider, list: true, scope: 'one:e2' },
  'enterprise without an enterprise': outsider,
};

const scopeLabel = (a: Actor) => {
  const s = assessmentListScope(a);
  return s.kind === 'one' ? `one:${s.enterpriseId}` : s.kind;
};

describe('cultivationPolicy', () => {
  it('covers every role', () => {
    expect(new Set(WHO.flatMap(([, a]) => a.roles))).toEqual(new Set(ROLES));
  });

  for (const [label, a] of WHO) {
    for (const status of ASSESSMENT_STATUSES) {
      it(`lets ${label} do ${JSON.stringify(ACTIONS[label]![status])} with a ${status} assessment of e1`, () => {
        expect(assessmentActions(a, { enterpriseId: E, status })).toEqual(ACTIONS[label]![status]);
      });
    }
    it(`answers ${label}'s area-wide questions as expected`, () => {
      expect({
        read: cultivationPolicy.readAssessment(a, { enterpriseId: E }),
        create: cultivationPolicy.createAssessment(a, E),
        createForAny: cultivationPolicy.createForAnyEnterprise(a),
        list: cultivationPolicy.listAssessments(a),
        readSettings: cultivationPolicy.readSettings(a),
        manageSettings: cultivationPolicy.manageSettings(a),
        evaluate: cultivationPolicy.evaluate(a),
        readRuns: cultivationPolicy.readRuns(a),
        manageRuns: cultivationPolicy.manageRuns(a),
        readLists: cultivationPolicy.readLists(a),
        manageLists: cultivationPolicy.manageLists(a),
        readCounts: cultivationPolicy.readCounts(a),
        scope: scopeLabel(a),
      }).toEqual(AREA[label]);
    });
  }

  it('keeps the list scope and the single read in agreement for enterprise users', () => {
    for (const [, a] of WHO) {
      const scope = assessmentListScope(a);
      if (scope.kind === 'one') expect(cultivationPolicy.readAssessment(a, { enterpriseId: scope.enterpriseId })).toBe(true);
      if (scope.kind === 'none') expect(cultivationPolicy.readAssessment(a, { enterpriseId: E })).toBe(false);
    }
  });

  it('gives a user without roles nothing', () => {
    const nobody = { ...actor('admin'), roles: [] };
    expect(cultivationPolicy.evaluate(nobody)).toBe(false);
    expect(cultivationPolicy.readSettings(nobody)).toBe(false);
    expect(assessmentListScope(nobody)).toEqual({ kind: 'none' });
  });
});
