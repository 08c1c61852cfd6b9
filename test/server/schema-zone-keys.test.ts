import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends, startTestApp, type TestApp } from './harness.js';

/**
 * Every tenant table is keyed by zone: a zone_id column, and zone_id first in
 * every primary key, unique key and foreign key, so no row, lookup or
 * reference can cross from one zone into another. Read from the live catalog,
 * so a migration that forgets it fails here whatever the Drizzle schema says.
 */

type Row = Record<string, unknown>;

async function query(t: TestApp, statement: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await t.ctx.db.execute(statement)) as unknown as { rows: Row[] };
  return result.rows;
}

const cols = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? v.split(',') : []);

for (const backend of backends()) {
  describe(`database schema zone keys [${backend.name}]`, () => {
    let t: TestApp;
    let tables: string[] = [];
    beforeAll(async () => {
      t = await startTestApp(backend, { demo: false });
      const rows = await query(
        t,
        sql`select c.relname::text as name
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p')
             order by 1`,
      );
      tables = rows.map((r) => String(r.name));
    });
    afterAll(() => t.close());

    it('checks a non-empty list of tables that includes users, enterprises and audit_entries when the schema is migrated', () => {
      expect(tables.length).toBeGreaterThan(3);
      expect(tables).toEqual(expect.arrayContaining(['zones', 'users', 'enterprises', 'audit_entries']));
    });

    it('finds a zone_id column in every table except zones when reading information_schema', async () => {
      const rows = await query(
        t,
        sql`select table_name::text as table_name
              from information_schema.columns
             where table_schema = 'public' and column_name = 'zone_id'`,
      );
      const withZone = new Set(rows.map((r) => String(r.table_name)));
      const lacking = tables.filter((name) => name !== 'zones' && !withZone.has(name));
      expect(lacking).toEqual([]);
    });

    it('puts zone_id first in every primary key and unique constraint when reading pg_constraint', async () => {
      const rows = await query(
        t,
        sql`select con.conname::text as name, rel.relname::text as table_name, con.contype::text as kind,
                   (select string_agg(a.attname::text, ',' order by k.ord)
                      from unnest(con.conkey) with ordinality as k(attnum, ord)
                      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns
              from pg_constraint con
              join pg_class rel on rel.oid = con.conrelid
              join pg_namespace n on n.oid = rel.relnamespace
             where n.nspname = 'public' and con.contype in ('p', 'u')`,
      );
      const keys = rows.filter((r) => r.table_name !== 'zones');
      expect(keys.length).toBeGreaterThan(0);
      const offenders = keys
        .filter((r) => cols(r.columns)[0] !== 'zone_id')
        .map((r) => `${String(r.table_name)}.${String(r.name)} (${String(r.columns)})`);
      expect(offenders).toEqual([]);
      // Every tenant table has a primary key.
      const withPk = new Set(keys.filter((r) => r.kind === 'p').map((r) => String(r.table_name)));
      expect(tables.filter((name) => name !== 'zones' && !withPk.has(name))).toEqual([]);
    });

    it('puts zone_id first in every unique index when reading pg_index', async () => {
      const rows = await query(
        t,
        sql`select ic.relname::text as name, rel.relname::text as table_name,
                   (select string_agg(coalesce(a.attname::text, '(expression)'), ',' order by k.ord)
                      from unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
                      left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum) as columns
              from pg_index i
              join pg_class ic on ic.oid = i.indexrelid
              join pg_class rel on rel.oid = i.indrelid
              join pg_namespace n on n.oid = rel.relnamespace
             where n.nspname = 'public' and i.indisunique`,
      );
      const indexes = rows.filter((r) => r.table_name !== 'zones');
      expect(indexes.length).toBeGreaterThan(0);
      const offenders = indexes
        .filter((r) => cols(r.columns)[0] !== 'zone_id')
        .map((r) => `${String(r.table_name)}.${String(r.name)} (${String(r.columns)})`);
      expect(offenders).toEqual([]);
    });

    it('starts both column lists of every foreign key with zone_id when the target is not zones(id)', async () => {
      const rows = await query(
        t,
        sql`select con.conname::text as name, rel.relname::text as table_name, ref.relname::text as ref_table,
                   (select string_agg(a.attname::text, ',' order by k.ord)
                      from unnest(con.conkey) with ordinality as k(attnum, ord)
                      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
                   (select string_agg(a.attname::text, ',' order by k.ord)
                      from unnest(con.confkey) with ordinality as k(attnum, ord)
                      join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns
              from pg_constraint con
              join pg_class rel on rel.oid = con.conrelid
              join pg_class ref on ref.oid = con.confrelid
              join pg_namespace n on n.oid = rel.relnamespace
             where n.nspname = 'public' and con.contype = 'f'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      const offenders = rows
        .filter((r) => {
          const from = cols(r.columns);
          const to = cols(r.ref_columns);
          if (r.ref_table === 'zones' && to.length === 1 && to[0] === 'id') return false;
          return from[0] !== 'zone_id' || to[0] !== 'zone_id';
        })
        .map((r) => `${String(r.table_name)}.${String(r.name)} (${String(r.columns)}) -> ${String(r.ref_table)}(${String(r.ref_columns)})`);
      expect(offenders).toEqual([]);
      // Tenant-to-tenant references exist and were checked (not only references to zones).
      expect(rows.some((r) => r.ref_table !== 'zones')).toBe(true);
    });
  });
}
