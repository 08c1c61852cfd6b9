import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { UNSETTLED_STATUSES } from '../../domain/demands/index.js';
import type { HalfDay, VisitStatus } from '../../domain/visits/index.js';

/**
 * The read-only queries behind the programme's views (compliance, counts, coverage, the leader's
 * board). Every query is scoped to one zone; dates travel as text (YYYY-MM-DD) so both engines
 * answer the same.
 */

type Row = Record<string, unknown>;
async function rowsOf(db: Queryable, query: SQL): Promise<Row[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: Row[] }).rows;
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** A json column: PGlite and node-postgres both parse it, but be tolerant of a string. */
const jsonOf = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ─── Compliance ─────────────────────────────────────────────────────────────

/** The zone's active leaders, in the order they were created (the demo's order of rank). */
export async function listActiveLeaders(db: Queryable, zoneId: string): Promise<{ id: string; name: string }[]> {
  const rows = await rowsOf(db, sql`
    select u.id, u.display_name as name
    from users u
    where u.zone_id = ${zoneId} and u.active
      and exists (select 1 from user_roles r where r.zone_id = u.zone_id and r.user_id = u.id and r.role = 'leader')
    order by u.created_at, u.display_name, u.id`);
  return rows.map((r) => ({ id: str(r.id), name: str(r.name) }));
}

export type VisitSlotRow = { leaderId: string; date: string; halfDay: HalfDay; status: VisitStatus };

/** The slots (leader, day, half-day, status) of the visits not cancelled between two days, inclusive. */
export async function listVisitSlots(db: Queryable, zoneId: string, from: string, to: string): Promise<VisitSlotRow[]> {
  const rows = await rowsOf(db, sql`
    select v.leader_id, v.visit_on::text as visit_on, v.half_day, v.status
    from visits v
    where v.zone_id = ${zoneId} and v.visit_on >= ${from} and v.visit_on <= ${to} and v.status <> 'cancelled'`);
  return rows.map((r) => ({ leaderId: str(r.leader_id), date: str(r.visit_on), halfDay: r.half_day as HalfDay, status: r.status as VisitStatus }));
}

// ─── Counts ─────────────────────────────────────────────────────────────────

export type CountVisitRow = { id: string; themeId: string | null; date: string; status: VisitStatus; enterpriseIds: string[] };
export type CountDemandRow = { visitId: string; categoryName: string; settled: boolean; settledOnTime: boolean | null };

function doneVisitsIn(zoneId: string, from: string, to: string, themeId: string | undefined): SQL {
  return sql`v.zone_id = ${zoneId} and v.status = 'done' and v.visit_on >= ${from} and v.visit_on <= ${to}
    ${themeId ? sql`and v.theme_id = ${themeId}` : sql``}`;
}

/** The done visits of the period (and theme), each with its enterprises. */
export async function listDoneVisitsForCounts(db: Queryable, zoneId: string, from: string, to: string, themeId?: string): Promise<CountVisitRow[]> {
  const rows = await rowsOf(db, sql`
    select v.id, v.theme_id, v.visit_on::text as visit_on, v.status,
      coalesce((select json_agg(ve.enterprise_id order by ve.position)
        from visit_enterprises ve where ve.zone_id = v.zone_id and ve.visit_id = v.id), '[]'::json) as enterprise_ids
    from visits v
    where ${doneVisitsIn(zoneId, from, to, themeId)}
    order by v.visit_on, v.id`);
  return rows.map((r) => ({
    id: str(r.id),
    themeId: strOrNull(r.theme_id),
    date: str(r.visit_on),
    status: r.status as VisitStatus,
    enterpriseIds: jsonOf<string[]>(r.enterprise_ids),
  }));
}

/**
 * The problems of the period's done visits (and theme): the demands linked to them (gathered before
 * or raised in them; a demand merged into another counts in the other), plus the problems answered
 * on the spot, which count as raised and settled on time under their category.
 */
export async function listVisitProblems(db: Queryable, zoneId: string, from: string, to: string, themeId?: string): Promise<CountDemandRow[]> {
  const rows = await rowsOf(db, sql`
    select d.visit_id, c.name as category_name, c.position, d.settled_at is not null as settled, d.settled_on_time
    from demands d
    join visits v on v.zone_id = d.zone_id and v.id = d.visit_id
    join demand_categories c on c.zone_id = d.zone_id and c.code = d.category_code
    where d.zone_id = ${zoneId} and d.status <> 'merged' and ${doneVisitsIn(zoneId, from, to, themeId)}
    union all
    select i.visit_id, c.name as category_name, c.position, true as settled, true as settled_on_time
    from visit_issues i
    join visits v on v.zone_id = i.zone_id and v.id = i.visit_id
    join demand_categories c on c.zone_id = i.zone_id and c.code = i.category_code
    where i.zone_id = ${zoneId} and i.resolution = 'answered' and ${doneVisitsIn(zoneId, from, to, themeId)}
    -- Categories raised equally often keep the zone's order of categories.
    order by position, category_name`);
  return rows.map((r) => ({
    visitId: str(r.visit_id),
    categoryName: str(r.category_name),
    settled: r.settled === true,
    settledOnTime: r.settled_on_time === null || r.settled_on_time === undefined ? null : r.settled_on_time === true,
  }));
}

// ─── Coverage ───────────────────────────────────────────────────────────────

export type CoverageFilter = {
  q?: string;
  themeId?: string;
  aboveScale?: boolean;
  /** true: start-ups only (founded on or after startupSince); false: the others (older, or no founding date). */
  startup?: boolean;
  startupSince: string;
  cadreId?: string;
  state?: 'never' | 'recent' | 'due';
  /** Visits done after this day are "recent" (tooSoon); null when the zone sets no minimum. */
  recentAfter: string | null;
  /** Done visits after this day count as "in the last 12 months". */
  yearAgo: string;
  today: string;
  sort: 'lastVisitOn' | 'name' | 'visits';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export type CoverageDbRow = {
  enterpriseId: string;
  name: string;
  aboveScale: boolean;
  foundedOn: string | null;
  cadreName: string | null;
  themes: string[];
  lastVisitOn: string | null;
  visitsLastYear: number;
  nextVisitOn: string | null;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The zone's enterprises with their last done visit, done visits in the last year and next planned
 * visit: one grouped pass over the visits joined to the enterprises, filtered, sorted and paged in
 * the database (the total comes from a window count over the same rows).
 */
export async function listCoverageRows(db: Queryable, zoneId: string, f: CoverageFilter): Promise<{ rows: CoverageDbRow[]; total: number }> {
  const conds: SQL[] = [sql`e.zone_id = ${zoneId}`];
  if (f.q?.trim()) conds.push(sql`e.name ilike ${`%${escapeLike(f.q.trim())}%`}`);
  if (f.themeId) {
    conds.push(sql`exists (select 1 from enterprise_themes et where et.zone_id = e.zone_id and et.enterprise_id = e.id and et.theme_id = ${f.themeId})`);
  }
  if (f.aboveScale !== undefined) conds.push(sql`e.above_scale = ${f.aboveScale}`);
  if (f.startup === true) conds.push(sql`e.founded_on >= ${f.startupSince}::date`);
  if (f.startup === false) conds.push(sql`(e.founded_on is null or e.founded_on < ${f.startupSince}::date)`);
  if (f.cadreId) conds.push(sql`e.cadre_id = ${f.cadreId}`);
  const recent = f.recentAfter === null ? sql`false` : sql`(s.last_visit_on is not null and s.last_visit_on > ${f.recentAfter}::date)`;
  if (f.state === 'never') conds.push(sql`s.last_visit_on is null`);
  if (f.state === 'recent') conds.push(recent);
  if (f.state === 'due') conds.push(sql`s.last_visit_on is not null and not ${recent}`);

  const dir = f.order === 'desc' ? sql`desc` : sql`asc`;
  const order = {
    // Ascending: never visited first, then the longest forgotten.
    lastVisitOn: f.order === 'desc' ? sql`s.last_visit_on desc nulls last` : sql`s.last_visit_on asc nulls first`,
    name: sql`e.name ${dir}`,
    visits: sql`coalesce(s.visits_last_year, 0) ${dir}`,
  }[f.sort];

  const rows = await rowsOf(db, sql`
    with s as (
      select ve.enterprise_id,
        max(v.visit_on) filter (where v.status = 'done') as last_visit_on,
        count(*) filter (where v.status = 'done' and v.visit_on > ${f.yearAgo}::date)::int as visits_last_year,
        min(v.visit_on) filter (where v.status = 'planned' and v.visit_on >= ${f.today}::date) as next_visit_on
      from visit_enterprises ve
      join visits v on v.zone_id = ve.zone_id and v.id = ve.visit_id
      where ve.zone_id = ${zoneId} and v.status in ('done', 'planned')
      group by ve.enterprise_id
    )
    select e.id, e.name, e.above_scale, e.founded_on::text as founded_on, u.display_name as cadre_name,
      coalesce((select json_agg(t.name order by t.name) from enterprise_themes et
        join themes t on t.zone_id = et.zone_id and t.id = et.theme_id
        where et.zone_id = e.zone_id and et.enterprise_id = e.id), '[]'::json) as themes,
      s.last_visit_on::text as last_visit_on, coalesce(s.visits_last_year, 0) as visits_last_year, s.next_visit_on::text as next_visit_on,
      count(*) over () as total
    from enterprises e
    left join s on s.enterprise_id = e.id
    left join users u on u.zone_id = e.zone_id and u.id = e.cadre_id
    where ${sql.join(conds, sql` and `)}
    order by ${order}, e.name, e.id
    limit ${f.limit} offset ${f.offset}`);
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  // A page past the end has no row to carry the window count: count on its own.
  if (rows.length === 0 && f.offset > 0) {
    const [n] = await rowsOf(db, sql`
      with s as (
        select ve.enterprise_id, max(v.visit_on) as last_visit_on
        from visit_enterprises ve join visits v on v.zone_id = ve.zone_id and v.id = ve.visit_id
        where ve.zone_id = ${zoneId} and v.status = 'done'
        group by ve.enterprise_id
      )
      select count(*)::int as n from enterprises e left join s on s.enterprise_id = e.id
      where ${sql.join(conds, sql` and `)}`);
    total = Number(n?.n ?? 0);
  }
  return {
    total,
    rows: rows.map((r) => ({
      enterpriseId: str(r.id),
      name: str(r.name),
      aboveScale: r.above_scale === true,
      foundedOn: strOrNull(r.founded_on),
      cadreName: strOrNull(r.cadre_name),
      themes: jsonOf<string[]>(r.themes),
      lastVisitOn: strOrNull(r.last_visit_on),
      visitsLastYear: Number(r.visits_last_year),
      nextVisitOn: strOrNull(r.next_visit_on),
    })),
  };
}

// ─── The leader's board ─────────────────────────────────────────────────────

const UNSETTLED = sql.join(UNSETTLED_STATUSES.map((s) => sql`${s}`), sql`, `);

/**
 * The demands of the leader's visits (gathered for or raised in them) not yet settled, every
 * leader's when leaderId is null; the nearest deadline first.
 */
export async function listOpenVisitDemandIds(db: Queryable, zoneId: string, leaderId: string | null, limit: number): Promise<string[]> {
  const rows = await rowsOf(db, sql`
    select d.id from demands d
    join visits v on v.zone_id = d.zone_id and v.id = d.visit_id
    where d.zone_id = ${zoneId} and d.status in (${UNSETTLED})
      ${leaderId ? sql`and v.leader_id = ${leaderId}` : sql``}
    order by d.due_on asc nulls last, d.submitted_at, d.id
    limit ${limit}`);
  return rows.map((r) => str(r.id));
}

/** A theme's name in the zone, or null when the zone has no such theme. */
export async function findThemeName(db: Queryable, zoneId: string, themeId: string): Promise<string | null> {
  const [row] = await rowsOf(db, sql`select t.name from themes t where t.zone_id = ${zoneId} and t.id = ${themeId}`);
  return row ? str(row.name) : null;
}
