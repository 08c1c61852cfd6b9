import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import { industrySectionOf } from '../../domain/enterprises/index.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit, type AuditChange } from '../audit/audit.service.js';
import { findZoneByCode, insertZone } from '../zone/zone.repository.js';
import { ensureDefaultCategories } from '../demands/demand-categories.service.js';
import { findDepartmentByName, findUserByUsername, insertDepartment, insertUser, listDepartments } from '../identity/identity.repository.js';
import { hashPassword } from '../identity/passwords.js';
import { insertChildrenOfNew, insertEnterprises, insertTheme, listThemes, mapUsccToIds } from '../enterprises/enterprises.repository.js';
import { DEMO_DEPARTMENTS, DEMO_THEMES, DEMO_USERS, DEMO_ZONE, demoEnterprises } from './demo-data.js';
import { loadDemoDemands } from './demo-demands.service.js';
import { loadDemoVisits } from './demo-visits.service.js';
import { loadDemoCultivation } from './demo-cultivation.js';

export type DemoLoadResult = {
  zoneId: string;
  created: { departments: number; themes: number; enterprises: number; users: number };
  /** Demands added: a year of them when the zone had none, else 0. */
  demands: number;
  password: string | null;
  usernames: string[];
};

export class DemoRefusedError extends Error {}

/** A readable generated password: letters and digits, no look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  const body = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}7`;
}

/**
 * Loads the demo zone; running it again only adds what is missing. It refuses
 * to touch a zone with the demo's code that is not marked as demo (real data).
 */
export async function loadDemo(ctx: AppContext, opts: { password: string | null }): Promise<DemoLoadResult> {
  const existing = await findZoneByCode(ctx.db, DEMO_ZONE.code);
  if (existing && !existing.isDemo) throw new DemoRefusedError(`zone "${DEMO_ZONE.code}" holds real data; the demo is not loaded into it`);
  const zoneId = existing?.id ?? randomUUID();
  const system: SystemActor = { zoneId, userId: null, username: 'system', displayName: '系统（演示数据）' };

  const missingUsers = [];
  for (const u of DEMO_USERS) if (!existing || !(await findUserByUsername(ctx.db, zoneId, u.username))) missingUsers.push(u);
  const password = missingUsers.length > 0 ? (opts.password ?? generatePassword()) : null;
  const passwordHash = password ? await hashPassword(password) : '';

  const created = { departments: 0, themes: 0, enterprises: 0, users: 0 };
  let demands = 0;
  await inTransaction(ctx.db, async (tx) => {
    const changes: AuditChange[] = [];
    if (!existing) {
      await insertZone(tx, { id: zoneId, code: DEMO_ZONE.code, name: DEMO_ZONE.name, timeZone: DEMO_ZONE.timeZone, defaultDeadlineDays: 5, isDemo: true });
      changes.push({ action: 'zone.created', entity: 'zone', entityId: zoneId, after: { ...DEMO_ZONE, isDemo: true } });
    }
    if (!existing) await ensureDefaultCategories(tx, system);
    for (const d of DEMO_DEPARTMENTS) {
      if (await findDepartmentByName(tx, zoneId, d.name)) continue;
      const id = randomUUID();
      await insertDepartment(tx, { zoneId, id, ...d });
      changes.push({ action: 'department.created', entity: 'department', entityId: id, after: d });
      created.departments++;
    }
    const themeRows = await listThemes(tx, zoneId);
    for (const t of DEMO_THEMES) {
      if (themeRows.some((r) => r.name === t.name)) continue;
      const id = randomUUID();
      await insertTheme(tx, { zoneId, id, ...t });
      changes.push({ action: 'theme.created', entity: 'theme', entityId: id, after: t });
      created.themes++;
    }
    const themeIds = new Map((await listThemes(tx, zoneId)).map((t) => [t.name, t.id]));
    const departments = new Map((await listDepartments(tx, zoneId, { limit: 1000, offset: 0 })).rows.map((d) => [d.name, d.id]));

    // Cadres first (enterprises point at them), then enterprises, then the users that point at enterprises.
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const found = await findUserByUsername(tx, zoneId, u.username);
      if (found) userIds.set(u.username, found.id);
    }
    const addUser = async (u: (typeof DEMO_USERS)[number], enterpriseId: string | null) => {
      if (userIds.has(u.username) || !password) return;
      const id = randomUUID();
      await insertUser(
        tx,
        { zoneId, id, username: u.username, displayName: u.displayName, passwordHash, departmentId: u.department ? departments.get(u.department)! : null, enterpriseId, isDemo: true },
        u.roles,
      );
      userIds.set(u.username, id);
      changes.push({ action: 'user.created', entity: 'user', entityId: id, after: { username: u.username, displayName: u.displayName, roles: u.roles } });
      created.users++;
    };
    for (const u of DEMO_USERS.filter((x) => x.enterpriseIndex === undefined)) await addUser(u, null);

    const cadres = DEMO_USERS.filter((u) => u.roles.includes('cadre')).map((u) => userIds.get(u.username) ?? null);
    // Liaison leaders (包联领导) take the enterprises in turn: leader, leader2, leader, …
    const leaders = ['leader', 'leader2'].map((username) => userIds.get(username) ?? null);
    const all = demoEnterprises();
    const known = await mapUsccToIds(tx, zoneId, all.map((e) => e.uscc));
    const fresh = all.map((e, i) => ({ ...e, leaderId: leaders[i % leaders.length] ?? null })).filter((e) => !known.has(e.uscc)).map((e) => ({ ...e, id: randomUUID() }));
    await insertEnterprises(
      tx,
      fresh.map((e) => ({
        zoneId, id: e.id, name: e.name, uscc: e.uscc, legalRepresentative: e.legalRepresentative, industryDivision: e.industryDivision,
        industrySection: industrySectionOf(e.industryDivision) ?? null, sizeSector: e.sizeSector, address: e.address, foundedOn: e.foundedOn,
        aboveScale: e.aboveScale, cadreId: cadres[e.cadreIndex % cadres.length] ?? null, leaderId: e.leaderId, isDemo: true,
      })),
    );
    await insertChildrenOfNew(
      tx, zoneId,
      fresh.map((e) => ({
        enterpriseId: e.id,
        children: {
          themeIds: e.theme ? [themeIds.get(e.theme)!] : [],
          contacts: [{ id: randomUUID(), name: e.contact.name, phone: e.contact.phone, title: '总经理助理', isPrimary: true, position: 0 }],
          qualifications: e.qualifications.map((q) => ({ id: randomUUID(), ...q })),
          figures: e.figures,
        },
      })),
    );
    for (const e of fresh) {
      changes.push({ action: 'enterprise.created', entity: 'enterprise', entityId: e.id, after: { name: e.name, uscc: e.uscc, demo: true } });
    }
    created.enterprises = fresh.length;
    const ids = await mapUsccToIds(tx, zoneId, all.map((e) => e.uscc));
    for (const u of DEMO_USERS.filter((x) => x.enterpriseIndex !== undefined)) await addUser(u, ids.get(all[u.enterpriseIndex!]!.uscc)!);

    changes.push({ action: 'demo.loaded', entity: 'zone', entityId: zoneId, after: created });
    await recordAudit(tx, system, changes);

    // A year of demands, once (the zone has none yet); it records its own summary audit entry.
    demands = await loadDemoDemands(ctx, tx, system, { userIds, departments });
    // A year of weekly visits, once, linked to the demands filed on them; it records its own audit entry.
    await loadDemoVisits(ctx, tx, system, { userIds, departments });
    // Official lists of the three tiers (2023–2026) and the demo enterprise's self-assessments, once.
    await loadDemoCultivation(ctx, tx, system, { userIds });
  });
  return { zoneId, created, demands, password, usernames: DEMO_USERS.map((u) => u.username) };
}
