import type { AppContext } from '../platform/context.js';
import type { Tx } from '../../db/client.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { findZone } from '../zone/zone.repository.js';
import { listCategoryRows } from '../demands/demands.repository.js';
import { DEMO_USERS, demoEnterprises } from './demo-data.js';
import { CATEGORY_LEAD_DEPARTMENTS, enterpriseGroupOf, generateDemoDemands, type DemoPerson } from './demo-demands.js';
import { countZoneDemands, insertDemoDemandRows, listEnterpriseFactsForDemo, setUnsetCategoryDepartments } from './demo-demands.repository.js';

const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});

/**
 * Gives the demo zone a year of demands, once: when the zone has none, inside loadDemo's
 * transaction (PGlite has one connection: every query goes through `tx`). Returns how many
 * demands it added (0 when the zone already has demands).
 */
export async function loadDemoDemands(
  ctx: AppContext, tx: Tx, system: SystemActor, known: { userIds: ReadonlyMap<string, string>; departments: ReadonlyMap<string, string> },
): Promise<number> {
  const zoneId = system.zoneId;
  if ((await countZoneDemands(tx, zoneId)) > 0) return 0;
  const zone = await findZone(tx, zoneId);
  const { today, timeZone } = await zoneToday(ctx, zoneId, tx);
  const calendar = await zoneCalendar(ctx, zoneId, tx);
  const categories = (await listCategoryRows(tx, zoneId)).map(({ category: c }) => ({
    code: c.code, name: c.name, deadlineDays: c.deadlineWorkingDays ?? zone?.defaultDeadlineDays ?? 5,
  }));

  const person = (username: string): DemoPerson | null => {
    const u = DEMO_USERS.find((x) => x.username === username);
    const id = known.userIds.get(username);
    return u && id ? { id, name: u.displayName } : null;
  };
  const users = new Map<string, DemoPerson>();
  const departmentUsers = new Map<string, DemoPerson>();
  for (const u of DEMO_USERS) {
    const p = person(u.username);
    if (!p) continue;
    users.set(p.id!, p);
    const departmentId = u.department ? known.departments.get(u.department) : undefined;
    if (u.roles.includes('department') && departmentId && !departmentUsers.has(departmentId)) departmentUsers.set(departmentId, p);
  }
  const coordinator = person('coordinator') ?? { id: null, name: '企业服务中心' };
  const leaders = DEMO_USERS.filter((u) => u.roles.includes('leader')).map((u) => person(u.username)).filter((p): p is DemoPerson => p !== null);

  const demo = demoEnterprises();
  const groups = new Map(demo.map((e) => [e.uscc, enterpriseGroupOf(e.theme, e.industryDivision)]));
  const facts = await listEnterpriseFactsForDemo(tx, zoneId);
  const enterpriseUser = DEMO_USERS.find((u) => u.roles.includes('enterprise') && u.enterpriseIndex !== undefined);
  const ownUscc = enterpriseUser ? demo[enterpriseUser.enterpriseIndex!]?.uscc : undefined;
  const own = enterpriseUser ? person(enterpriseUser.username) : null;
  const ownEnterpriseId = (own && facts.find((f) => f.uscc === ownUscc)?.id) ?? null;

  const rows = generateDemoDemands({
    zoneId,
    now: ctx.clock.now(),
    today,
    timeZone,
    calendar,
    categories,
    departments: known.departments,
    coordinator,
    leaders,
    enterpriseUser: ownEnterpriseId ? own : null,
    ownEnterpriseId,
    departmentUsers,
    users,
    enterprises: facts.map((f) => ({
      id: f.id, name: f.name, group: groups.get(f.uscc) ?? null, legalRepresentative: f.legalRepresentative, contacts: f.contacts, cadreId: f.cadreId, leaderId: f.leaderId,
    })),
  });
  if (rows.demands.length === 0) return 0;

  const categoryDepartments = Object.entries(CATEGORY_LEAD_DEPARTMENTS)
    .map(([code, name]) => ({ code, departmentId: known.departments.get(name) }))
    .filter((c): c is { code: string; departmentId: string } => !!c.departmentId && categories.some((x) => x.code === c.code));
  const categoriesWithDepartment = await setUnsetCategoryDepartments(tx, zoneId, categoryDepartments);
  await insertDemoDemandRows(tx, zoneId, rows);
  await recordAudit(tx, system, {
    action: 'demo.demands_loaded',
    entity: 'zone',
    entityId: zoneId,
    after: {
      today,
      demands: rows.demands.length,
      events: rows.events.length,
      extensions: rows.extensions.length,
      escalations: rows.escalations.length,
      scheduledJobs: countBy(rows.jobs, (j) => j.state ?? 'pending'),
      byStatus: countBy(rows.demands, (d) => d.status),
      byChannel: countBy(rows.demands, (d) => d.channel),
      byCategory: countBy(rows.demands, (d) => d.categoryCode),
      counters: rows.counters,
      categoriesWithDepartment,
    },
  });
  return rows.demands.length;
}
