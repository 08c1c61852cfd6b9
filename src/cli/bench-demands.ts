import { randomUUID } from 'node:crypto';
import type { Config } from '../server/platform/config.js';
import { systemClock, type AppContext } from '../server/platform/context.js';
import type { Actor } from '../domain/identity/actor.js';
import { DEFAULT_DEMAND_CATEGORIES } from '../domain/demands/index.js';
import { dateInZone } from '../domain/calendar/day-bounds-in-zone.js';
import { addDays } from '../domain/calendar/index.js';
import { emptyPostgresDatabase, openDatabase } from '../db/client.js';
import { listDemands } from '../server/demands/demands.service.js';
import { demandStats } from '../server/demands/demand-stats.service.js';
import { searchTokens } from '../server/demands/search-tokens.js';
import { analyzeDemands, seedBenchZone, type BenchTemplate } from '../server/demands/demand-bench-seed.repository.js';
import { BENCH_DEMAND_TEXTS } from './bench-demand-texts.js';
import { inTransaction } from '../server/platform/transaction.js';
import { previousMonth } from '../domain/bulletins/index.js';
import { createBulletinIn } from '../server/bulletins/bulletins.service.js';
import { buildBulletinContent } from '../server/bulletins/bulletin-content.js';

/** The targets on this 2-core machine, PostgreSQL, 1,000,000 demands in 50 zones. */
export const DEMAND_TARGETS = { listP95Ms: 100, searchP95Ms: 100, countsMaxMs: 1000, bulletinMaxMs: 1000 } as const;

const ZONES = 50;
const PER_ZONE = 20_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Seeds 1,000,000 demands across 50 zones into an emptied PostgreSQL database, then times the
 * coordinator's filtered list, the Chinese full-text search and the period counts through the
 * same service functions the routes call. Returns false when a target is missed.
 */
export async function benchDemands(config: Config, url: string, out: (s: string) => void, opts: { zones?: number; perZone?: number } = {}): Promise<boolean> {
  const zones = opts.zones ?? ZONES;
  const perZone = opts.perZone ?? PER_ZONE;
  await emptyPostgresDatabase(url);
  const database = await openDatabase({ databaseUrl: url, dataDir: null });
  await database.migrate();
  const ctx: AppContext = { database, db: database.db, config: { ...config, databaseUrl: url }, clock: systemClock };
  try {
    const today = dateInZone(new Date(), 'Asia/Shanghai');
    const templates: BenchTemplate[] = BENCH_DEMAND_TEXTS.map((t) => ({ ...t, tokens: searchTokens(`${t.title} ${t.description}`) }));
    const categories = DEFAULT_DEMAND_CATEGORIES.map((c) => c.code);
    const zoneIds: string[] = [];
    const t0 = performance.now();
    for (let z = 0; z < zones; z++) {
      const id = randomUUID();
      zoneIds.push(id);
      await seedBenchZone(ctx.db, { id, code: `bench-${z}`, name: `基准园区${z}` }, { departments: 12, enterprises: 200, demands: perZone }, templates, categories, today);
    }
    await analyzeDemands(ctx.db);
    out(`demands: seeded ${(zones * perZone).toLocaleString('en')} in ${zones} zones in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const actorOf = (zoneId: string): Actor => ({ zoneId, userId: randomUUID(), username: 'bench', displayName: 'bench', roles: ['coordinator'], departmentId: null, enterpriseId: null });
    const month = today.slice(0, 7);
    const filters = [
      { status: 'open' },
      { overdue: true },
      { categoryCode: 'property-certificate' },
      { status: 'open', categoryCode: 'utilities', sort: 'due' as const },
      { channel: 'hotline' as const, from: `${month}-01`, to: today },
      { escalated: true },
      { status: 'submitted,accepted', sort: 'submitted' as const },
      { provisional: false, page: 5 },
      {},
    ];
    const words = ['产证', '贷款', '环评', '消防验收', '用工', '电力', '补贴', '厂房 土地', '排污许可', '人才公寓'];
    const time = async (fn: () => Promise<unknown>) => {
      const s = performance.now();
      await fn();
      return performance.now() - s;
    };
    // Warm up the pool and caches as a running server would be.
    for (const zoneId of zoneIds.slice(0, 5)) await listDemands(ctx, actorOf(zoneId), { status: 'open' });
    const list: number[] = [];
    const search: number[] = [];
    for (let i = 0; i < 300; i++) {
      const zoneId = zoneIds[(i * 7) % zoneIds.length]!;
      list.push(await time(() => listDemands(ctx, actorOf(zoneId), filters[i % filters.length]!)));
      search.push(await time(() => listDemands(ctx, actorOf(zoneId), { q: words[i % words.length]!, ...(i % 3 === 0 ? { status: 'open' } : {}) })));
    }
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const zoneId = zoneIds[(i * 3) % zoneIds.length]!;
      const from = i % 2 === 0 ? `${month}-01` : addDays(today, -365);
      counts.push(await time(() => demandStats(ctx, actorOf(zoneId), from, today)));
    }
    // 月通报: a month's bulletin computed from the data (the draft's content; publishing freezes the same).
    const bulletins: number[] = [];
    for (let i = 0; i < 10; i++) {
      const zoneId = zoneIds[(i * 5) % zoneIds.length]!;
      const system = { zoneId, userId: null, username: 'system' as const, displayName: 'bench' };
      const row = await inTransaction(ctx.db, (tx) => createBulletinIn(ctx, tx, system, i % 2 === 0 ? month : previousMonth(month)));
      bulletins.push(await time(() => buildBulletinContent(ctx, ctx.db, row, null)));
    }
    const listP95 = percentile(list, 95);
    const searchP95 = percentile(search, 95);
    const countsMax = Math.max(...counts);
    const row = (label: string, value: number, target: number) => {
      out(`${label.padEnd(44)} ${value.toFixed(1).padStart(8)} ms  (target ${target} ms) ${value <= target ? 'ok' : 'MISSED'}`);
      return value <= target;
    };
    const ok = [
      row('coordinator filtered list, p95 (300 queries)', listP95, DEMAND_TARGETS.listP95Ms),
      row('full-text search, p95 (300 queries)', searchP95, DEMAND_TARGETS.searchP95Ms),
      row('period counts (month / year), max of 20', countsMax, DEMAND_TARGETS.countsMaxMs),
      row('monthly bulletin computed, max of 10', Math.max(...bulletins), DEMAND_TARGETS.bulletinMaxMs),
    ].every(Boolean);
    out(`  list p50 ${percentile(list, 50).toFixed(1)} ms · search p50 ${percentile(search, 50).toFixed(1)} ms · counts p50 ${percentile(counts, 50).toFixed(1)} ms`);
    return ok;
  } finally {
    await database.close();
  }
}
