import type { AppContext } from '../platform/context.js';
import type { Tx } from '../../db/client.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { findZone } from '../zone/zone.repository.js';
import { listCategoryRows } from '../demands/demands.repository.js';
import { listThemes } from '../enterprises/enterprises.repository.js';
import { DEMO_USERS } from './demo-data.js';
import { DEMO_THEME_QUESTIONS, generateDemoVisits } from './demo-visits.js';
import {
  countZoneVisits, insertDemoVisitRows, listEnterprisesForDemoVisits, listVisitDemandsForDemo, setUnsetThemeQuestions,
} from './demo-visits.repository.js';

const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});

/**
 * Gives the demo themes their guiding questions (where they have none) and the demo zone a year of
 * weekly visits, once: when the zone has none, inside loadDemo's transaction after the demo demands
 * (PGlite has one connection: every query goes through `tx`). The demands filed on visits are linked
 * to the visit they were raised in. Returns how many visits it added.
 */
export async function loadDemoVisits(
  ctx: AppContext, tx: Tx, system: SystemActor, known: { userIds: ReadonlyMap<string, string>; departments: ReadonlyMap<string, string> },
): Promise<number> {
  const zoneId = system.zoneId;
  const questionsSet = await setUnsetThemeQuestions(tx, zoneId, DEMO_THEME_QUESTIONS);
  if ((await countZoneVisits(tx, zoneId)) > 0) return 0;

  const zone = await findZone(tx, zoneId);
  const { today, timeZone } = await zoneToday(ctx, zoneId, tx);
  const calendar = await zoneCalendar(ctx, zoneId, tx);
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const id = known.userIds.get(u.username);
    if (id) users.set(id, u.displayName);
  }
  const leaders = DEMO_USERS.filter((u) => u.roles.includes('leader'))
    .map((u) => ({ id: known.userIds.get(u.username), name: u.displayName }))
    .filter((l): l is { id: string; name: string } => !!l.id);

  const rows = generateDemoVisits({
    zoneId,
    now: ctx.clock.now(),
    today,
    timeZone,
    calendar,
    minWeeks: zone?.visitMinWeeks ?? 8,
    leaders,
    plannerId: known.userIds.get('coordinator') ?? null,
    users,
    themes: (await listThemes(tx, zoneId)).map((t) => ({ id: t.id, name: t.name, guidingQuestions: t.guidingQuestions })),
    categoryCodes: (await listCategoryRows(tx, zoneId)).map(({ category }) => category.code),
    departments: known.departments,
    enterprises: await listEnterprisesForDemoVisits(tx, zoneId),
    visitDemands: await listVisitDemandsForDemo(tx, zoneId),
  });
  if (rows.visits.length === 0) return 0;

  await insertDemoVisitRows(tx, zoneId, rows);
  await recordAudit(tx, system, {
    action: 'demo.visits_loaded',
    entity: 'zone',
    entityId: zoneId,
    after: {
      today,
      visits: rows.visits.length,
      enterpriseVisits: rows.enterprises.length,
      byStatus: countBy(rows.visits, (v) => v.status),
      issues: countBy(rows.issues, (i) => i.resolution),
      demandsLinked: rows.demandLinks.length,
      demandsPassedOnByCadres: rows.rechannelled.map((r) => r.demandId),
      counters: rows.counters,
      themesWithQuestions: questionsSet,
    },
  });
  return rows.visits.length;
}
