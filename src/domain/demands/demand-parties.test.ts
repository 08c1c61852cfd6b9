import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/actor.js';
import type { Role } from '../identity/roles.js';
import { canReadDemand, demandParties, seesInternalNotes, type DemandFacts, type DemandParty } from './demand-parties.js';

const demand: DemandFacts = {
  status: 'in_progress',
  enterpriseId: 'ent-songyuan',
  enterpriseCadreId: 'user-cadre-wang',
  submittedBy: 'user-ent-zhang',
  leadDepartmentId: 'dept-natural-resources',
  assistingDepartmentIds: ['dept-housing', 'dept-tax'],
  hasPendingExtension: false,
};

const actor = (userId: string, roles: Role[], scope: { departmentId?: string; enterpriseId?: string } = {}): Actor => ({
  zoneId: 'zone-jdz',
  userId,
  username: userId,
  displayName: userId,
  roles,
  departmentId: scope.departmentId ?? null,
  enterpriseId: scope.enterpriseId ?? null,
});

describe('demandParties', () => {
  it.each<[string, Actor | 'system', DemandFacts, DemandParty[]]>([
    ['a coordinator', actor('user-coord', ['coordinator']), demand, ['coordinator']],
    ['a coordinator who is also a leader', actor('user-coord', ['coordinator', 'leader']), demand, ['coordinator', 'leader']],
    ['an admin', actor('user-admin', ['admin']), demand, ['admin']],
    ['a handler of the lead department', actor('user-dept', ['department'], { departmentId: 'dept-natural-resources' }), demand, ['lead']],
    ['a handler of an assisting department', actor('user-dept', ['department'], { departmentId: 'dept-tax' }), demand, ['assisting']],
    ['a handler of an unrelated department', actor('user-dept', ['department'], { departmentId: 'dept-education' }), demand, []],
    ['a handler of a department listed as lead and assisting',
      actor('user-dept', ['department'], { departmentId: 'dept-housing' }), { ...demand, leadDepartmentId: 'dept-housing' }, ['lead']],
    ['a handler without a department', actor('user-dept', ['department']), demand, []],
    ['a handler when no lead department is set yet', actor('user-dept', ['department'], { departmentId: 'dept-natural-resources' }),
      { ...demand, leadDepartmentId: null, assistingDepartmentIds: [] }, []],
    ['an approval officer of the lead department (not a department handler)',
      actor('user-appr', ['approval'], { departmentId: 'dept-natural-resources' }), demand, []],
    ['a user of the enterprise', actor('user-ent-li', ['enterprise'], { enterpriseId: 'ent-songyuan' }), demand, ['enterprise']],
    ['the enterprise user who submitted it', actor('user-ent-zhang', ['enterprise'], { enterpriseId: 'ent-songyuan' }), demand, ['enterprise', 'submitter']],
    ['a user of another enterprise', actor('user-ent-other', ['enterprise'], { enterpriseId: 'ent-huaci' }), demand, []],
    ['the liaison cadre of the enterprise', actor('user-cadre-wang', ['cadre']), demand, ['cadre']],
    ['a liaison cadre of another enterprise', actor('user-cadre-liu', ['cadre']), demand, []],
    ['the cadre when the enterprise has none', actor('user-cadre-wang', ['cadre']), { ...demand, enterpriseCadreId: null }, []],
    ['the cadre who reported it for the enterprise (代报)', actor('user-cadre-wang', ['cadre']), { ...demand, submittedBy: 'user-cadre-wang' }, ['cadre', 'submitter']],
    ['the submitter who has left the enterprise', actor('user-ent-zhang', ['enterprise'], { enterpriseId: 'ent-huaci' }), demand, ['submitter']],
    ['anyone when nobody is recorded as submitter', actor('user-ent-other', ['enterprise'], { enterpriseId: 'ent-huaci' }), { ...demand, submittedBy: null }, []],
    ['the system', 'system', demand, ['system']],
  ])('finds the parties of %s', (_case, who, facts, parties) => {
    expect(demandParties(who, facts)).toEqual(new Set(parties));
  });
});

describe('canReadDemand', () => {
  it.each<[DemandParty[], boolean]>([
    [[], false],
    [['enterprise'], true],
    [['submitter'], true],
    [['assisting'], true],
    [['system'], true],
  ])('%j → %s', (parties, readable) => {
    expect(canReadDemand(new Set(parties))).toBe(readable);
  });
});

describe('seesInternalNotes', () => {
  it.each<[DemandParty[], boolean]>([
    [['coordinator'], true],
    [['leader'], true],
    [['admin'], true],
    [['lead'], true],
    [['assisting'], true],
    [['cadre'], true],
    [['system'], true],
    [['cadre', 'submitter'], true],
    [['enterprise'], false],
    [['enterprise', 'submitter'], false],
    [['submitter'], false],
    [[], false],
  ])('%j → %s', (parties, sees) => {
    expect(seesInternalNotes(new Set(parties))).toBe(sees);
  });
});
