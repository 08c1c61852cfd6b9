import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';

/**
 * The dashboard's own grouped queries: the series 诉求统计 (countDemands) has no month or week
 * grouping for. Each is one statement over the zone's rows (zone_id first, so the
 * (zone_id, submitted_at) and (zone_id, visit_on) indexes serve them); periods are passed as
 * instants computed from the zone's days, as countDemands takes them.
 */

type Row = Record<string, unknown>;
async function rowsOf(db: Queryable, query: SQL): Promise<Row[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: Row[] }).rows;
}

/** [from, before) instants of consecutive periods. */
export type Bounds = { from: Date; before: Date };

/** The periods as a VALUES list m(i, lo, hi) to join on. */
function periodsTable(bounds: Bounds[]): SQL {
  const rows = bounds.map((b, i) => sql`(${i}::int, ${b.from.toISOString()}::timestamptz, ${b.before.toISOString()}::timestamptz)`);
  return sql`m(i, lo, hi) as (values ${sql.join(rows, sql`, `)})`;
}

export type ReceivedByStatusRow = { received: number; handling: number; overdue: number; settled: number; ended: number };

/**
 * For each period, the demands submitted in it (countDemands' `received`) split by the group of
 * their current status; overdue is the list's overdue filter (assigned or in progress, deadline
 * before `today`), so the four groups add up to `received`.
 */
export async function countReceivedByStatus(db: Queryable, zoneId: string, bounds: Bounds[], today: string): Promise<ReceivedByStatusRow[]> {
  if (bounds.length === 0) return [];
  const late = sql`(d.status in ('assigned', 'in_progress') and d.due_on < ${today})`;
  const rows = await rowsOf(db, sql`
    with ${periodsTable(bounds)}
    select m.i,
      count(d.id)::int as received,
      count(d.id) filter (where ${late})::int as overdue,
      count(d.id) filter (where d.status in ('submitted', 'accepted', 'assigned', 'in_progress', 'waiting') and not coalesce(${late}, false))::int as handling,
      count(d.id) filter (where d.status in ('settled', 'closed'))::int as settled,
      count(d.id) filter (where d.status in ('declined', 'merged'))::int as ended
    from m
    left join demands d on d.zone_id = ${zoneId} and d.submitted_at >= m.lo and d.submitted_at < m.hi
    group by m.i
    order by m.i`);
  return rows.map((r) => ({
    received: Number(r.received), handling: Number(r.handling), overdue: Number(r.overdue), settled: Number(r.settled), ended: Number(r.ended),
  }));
}

export type SatisfactionRow = { satisfied: number; basicallySatisfied: number; dissatisfied: number };

/** For each period, the demands closed in it with a rating, by rating (countDemands' `rated`). */
export async function countSatisfaction(db: Queryable, zoneId: string, bounds: Bounds[]): Promise<SatisfactionRow[]> {
  if (bounds.length === 0) return [];
  const rows = await rowsOf(db, sql`
    with ${periodsTable(bounds)}
    select m.i,
      count(d.id) filter (where d.satisfaction = 'satisfied')::int as satisfied,
      count(d.id) filter (where d.satisfaction = 'basically-satisfied')::int as basically_satisfied,
      count(d.id) filter (where d.satisfaction = 'dissatisfied')::int as dissatisfied
    from m
    left join demands d on d.zone_id = ${zoneId} and d.closed_at >= m.lo and d.closed_at < m.hi and d.satisfaction is not null
    group by m.i
    order by m.i`);
  return rows.map((r) => ({ satisfied: Number(r.satisfied), basicallySatisfied: Number(r.basically_satisfied), dissatisfied: Number(r.dissatisfied) }));
}

export async function countEnterprises(db: Queryable, zoneId: string): Promise<number> {
  const [row] = await rowsOf(db, sql`select count(*)::int as n from enterprises e where e.zone_id = ${zoneId}`);
  return Number(row?.n ?? 0);
}

export type VisitDayRow = { day: string; visits: number; enterpriseVisits: number };

/**
 * Done visits and their enterprise-visits (家次) per day from..to inclusive, as 走访统计 counts
 * them (countVisits: done visits in the period; one row of visit_enterprises = one 家次).
 */
export async function countDoneVisitsByDay(db: Queryable, zoneId: string, from: string, to: string): Promise<VisitDayRow[]> {
  const rows = await rowsOf(db, sql`
    select v.visit_on::text as day, count(distinct v.id)::int as visits, count(ve.enterprise_id)::int as enterprise_visits
    from visits v
    left join visit_enterprises ve on ve.zone_id = v.zone_id and ve.visit_id = v.id
    where v.zone_id = ${zoneId} and v.status = 'done' and v.visit_on >= ${from} and v.visit_on <= ${to}
    group by v.visit_on
    order by v.visit_on`);
  return rows.map((r) => ({ day: String(r.day), visits: Number(r.visits), enterpriseVisits: Number(r.enterprise_visits) }));
}
