import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Bulk data for the demands benchmark (`yiqi bench --postgres`): one zone's demands generated
 * inside PostgreSQL from a few text templates, in the proportions a year of real work has
 * (mostly closed; some open in every state; some overdue). Used only by the benchmark.
 */
export type BenchTemplate = { title: string; description: string; categoryCode: string; tokens: string };

export async function seedBenchZone(
  db: Db,
  zone: { id: string; code: string; name: string },
  counts: { departments: number; enterprises: number; demands: number },
  templates: BenchTemplate[],
  categories: string[],
  today: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into zones (id, code, name) values (${zone.id}, ${zone.code}, ${zone.name})`);
    await tx.execute(sql`insert into demand_categories (zone_id, code, name, position)
      select ${zone.id}, c, c, row_number() over () from unnest(${`{${categories.join(',')}}`}::text[]) c`);
    await tx.execute(sql`insert into departments (zone_id, id, name, kind)
      select ${zone.id}, gen_random_uuid(), '部门' || g, 'responsible' from generate_series(1, ${counts.departments}) g`);
    await tx.execute(sql`insert into enterprises (zone_id, id, name, uscc)
      select ${zone.id}, gen_random_uuid(), '基准企业' || g || '有限公司', 'BENCH' || lpad(g::text, 13, '0') from generate_series(1, ${counts.enterprises}) g`);
    await tx.execute(sql`create temp table if not exists bench_templates (i int, title text, description text, category_code text, tokens text) on commit drop`);
    await tx.execute(sql`delete from bench_templates`);
    for (const [i, t] of templates.entries()) {
      await tx.execute(sql`insert into bench_templates values (${i}, ${t.title}, ${t.description}, ${t.categoryCode}, ${t.tokens})`);
    }
    const n = templates.length;
    // Per demand g: a template, an enterprise, a department, a submission day within the last year and a status.
    await tx.execute(sql`
      with e as (select id, row_number() over (order by id) - 1 as k from enterprises where zone_id = ${zone.id}),
           d as (select id, row_number() over (order by id) - 1 as k from departments where zone_id = ${zone.id}),
           g as (
             select g, (g * 7919) % ${n} as ti, (g * 104729) % ${counts.enterprises} as ek, (g * 1299709) % ${counts.departments} as dk,
               (${today}::date - ((g * 31) % 365)::int) as day, (g * 2654435761) % 1000 as r
             from generate_series(1::bigint, ${counts.demands}::bigint) g
           ),
           s as (
             select g.*, case
               when r < 800 then 'closed' when r < 830 then 'settled' when r < 880 then 'in_progress' when r < 910 then 'assigned'
               when r < 920 then 'waiting' when r < 940 then 'submitted' when r < 950 then 'accepted' when r < 990 then 'declined' else 'merged' end as status
             from g
           )
      insert into demands (zone_id, id, number, enterprise_id, title, description, category_code, channel, confidentiality, status,
        submitted_at, accepted_at, lead_department_id, assigned_at, deadline_base_on, deadline_days, due_on, settled_at, settled_on_time,
        closed_at, satisfaction, escalation_level, search_tokens)
      select ${zone.id}, gen_random_uuid(), 'SQ-B' || lpad(s.g::text, 7, '0'), e.id, t.title, t.description, t.category_code,
        (array['portal','visit','cadre','hotline'])[1 + s.g % 4], 'public', s.status,
        s.day::timestamptz + interval '2 hours',
        case when s.status not in ('submitted') then s.day::timestamptz + interval '4 hours' end,
        case when s.status not in ('submitted', 'accepted', 'declined', 'merged') then d.id end,
        case when s.status not in ('submitted', 'accepted', 'declined', 'merged') then s.day::timestamptz + interval '5 hours' end,
        case when s.status not in ('submitted', 'accepted', 'declined', 'merged') then s.day end,
        case when s.status not in ('submitted', 'accepted', 'declined', 'merged') then 5 end,
        case when s.status not in ('submitted', 'accepted', 'declined', 'merged') then s.day + 7 end,
        case when s.status in ('settled', 'closed') then s.day::timestamptz + interval '4 days' end,
        case when s.status in ('settled', 'closed') then s.r % 10 <> 0 end,
        case when s.status in ('closed', 'declined', 'merged') then s.day::timestamptz + interval '9 days' end,
        case when s.status = 'closed' then (array['satisfied','satisfied','basically-satisfied','dissatisfied'])[1 + s.r % 4] end,
        case when s.status in ('assigned', 'in_progress') and s.day + 7 < ${today}::date then 2 else 0 end,
        t.tokens
      from s join bench_templates t on t.i = s.ti join e on e.k = s.ek join d on d.k = s.dk`);
  });
}

export async function analyzeDemands(db: Db): Promise<void> {
  await db.execute(sql`analyze demands`);
}
