import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { Config } from '../server/platform/config.js';
import { systemClock, type AppContext } from '../server/platform/context.js';
import type { Actor } from '../domain/identity/actor.js';
import type { CultivationScheme, EvaluationPurpose } from '../domain/cultivation/cultivation-evaluation.js';
import {
  HONOURS, QUALITATIVE_CLAIMS, QUALITY_ITEMS, type CultivationProfile, type HonourKey, type MakerChinaPlacing, type QualitativeClaimKey,
  type QualityItemKey, type RdInstitutionLevel, type ScopeIssueKey,
} from '../domain/cultivation/cultivation-profile.js';
import { SIZE_SECTORS } from '../domain/enterprises/size-sectors.js';
import { evaluateCultivation, rulesFor } from '../domain/cultivation/evaluate-cultivation.js';
import { DEFAULT_CULTIVATION_CONFIG } from '../domain/cultivation/cultivation-config.js';
import { emptyPostgresDatabase, openDatabase } from '../db/client.js';
import { seededRandom, demoUscc } from '../server/demo/demo-data.js';
import { inTransaction } from '../server/platform/transaction.js';
import { runDueJobs } from '../server/platform/jobs.js';
import { JOB_HANDLERS } from '../server/platform/job-handlers.js';
import { insertZone } from '../server/zone/zone.repository.js';
import { insertUser } from '../server/identity/identity.repository.js';
import { insertChildrenOfNew, insertEnterprises, type Children, type EnterpriseInsert } from '../server/enterprises/enterprises.repository.js';
import { createRun, getRun } from '../server/cultivation/cultivation-runs.service.js';

/** The issue's targets: the pure evaluation on one core, and a batch run of 100,000 enterprises on PostgreSQL. */
export const CULTIVATION_TARGETS = { evaluationsPerSecond: 200_000, batchSeconds: 30, batchEnterprises: 100_000 } as const;

/** Each rule version, on a date that selects it. */
const VERSIONS: { label: string; scheme: CultivationScheme; on: string; purpose: EvaluationPurpose }[] = [
  { label: '创新型 63号 附件1', scheme: 'innovative-sme', on: '2025-06-01', purpose: 'new' },
  { label: '专精特新 63号 附件2', scheme: 'specialised-sme', on: '2025-06-01', purpose: 'new' },
  { label: '专精特新 2号 附件1', scheme: 'specialised-sme', on: '2026-06-01', purpose: 'new' },
  { label: '小巨人 63号 附件3', scheme: 'little-giant', on: '2025-06-01', purpose: 'new' },
  { label: '小巨人 2号 附件2', scheme: 'little-giant', on: '2026-06-01', purpose: 'new' },
];

/**
 * Varied profiles: every sector, small to medium figures, ratios around the bands' edges, each
 * declared field present or missing (about one value in ten is missing), titles and claims drawn.
 */
export function benchProfiles(count: number, seed = 20261127): CultivationProfile[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = <T>(v: T): T | null => (rnd() < 0.1 ? null : v);
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
  const out: CultivationProfile[] = [];
  for (let i = 0; i < count; i++) {
    const revenue = Math.round(2_000_000 + rnd() * 400_000_000);
    const growth = 0.85 + rnd() * 0.4;
    const rdRatio = rnd() * 0.12;
    const employees = Math.round(10 + rnd() * 900);
    const assets = revenue * (0.6 + rnd());
    const honours = some(HONOURS.map((h) => h.key), 0.15) as HonourKey[];
    out.push({
      sector: pick(SIZE_SECTORS).key,
      employees: maybe(employees),
      revenue: maybe(revenue),
      revenuePreviousYear: maybe(Math.round(revenue / growth)),
      revenueYearBeforePrevious: maybe(Math.round(revenue / growth / growth)),
      mainBusinessRevenue: maybe(Math.round(revenue * (0.45 + rnd() * 0.55))),
      mainBusinessRevenuePreviousYear: maybe(Math.round((revenue / growth) * (0.45 + rnd() * 0.55))),
      mainBusinessRevenueYearBeforePrevious: maybe(Math.round((revenue / growth / growth) * 0.8)),
      totalAssets: maybe(Math.round(assets)),
      totalLiabilities: maybe(Math.round(assets * (0.2 + rnd() * 0.7))),
      rdExpense: maybe(Math.round(revenue * rdRatio)),
      rdExpensePreviousYear: maybe(Math.round((revenue / growth) * rdRatio * (0.8 + rnd() * 0.4))),
      rdExpenseYearBeforePrevious: maybe(Math.round((revenue / growth / growth) * rdRatio)),
      rdStaff: maybe(Math.round(employees * rnd() * 0.4)),
      netProfit: maybe(Math.round(revenue * (rnd() * 0.2 - 0.03))),
      yearsInNiche: maybe(Math.floor(rnd() * 15)),
      ip: { class1HighValue: maybe(rnd() < 0.1 ? 1 : 0), class1SelfDeveloped: maybe(Math.floor(rnd() * 4)), class1: maybe(Math.floor(rnd() * 8)), class2: maybe(Math.floor(rnd() * 20)) },
      strategicEmergingIndustry: maybe(rnd() < 0.4),
      honours,
      scienceAward: maybe({ level: pick(['none', 'none', 'provincial', 'national'] as const), rank: 1 + Math.floor(rnd() * 6), year: 2022 + Math.floor(rnd() * 4) }),
      rdInstitutionLevel: maybe(pick(['none', 'below-municipal', 'municipal', 'provincial', 'national'] as RdInstitutionLevel[])),
      equityFinancingLast2Years: maybe(rnd() < 0.2 ? Math.round(rnd() * 90_000_000) : 0),
      equityFinancingLast3Years: maybe(rnd() < 0.2 ? Math.round(rnd() * 100_000_000) : 0),
      makerChina: maybe(pick(['none', 'none', 'none', 'national-top500', 'national-top50'] as MakerChinaPlacing[])),
      digitalisationLevel: maybe(1 + Math.floor(rnd() * 4)),
      qualityItems: maybe(some(QUALITY_ITEMS.map((q) => q.key), 0.5) as QualityItemKey[]),
      productField2022: maybe(pick(['chain-key-link', 'six-foundations', 'time-honoured', 'none'] as const)),
      provincialPoints: maybe({ provincial: Math.floor(rnd() * 16) }),
      nicheMarketShare: maybe(rnd() * 0.3),
      nicheMarketRank: maybe(1 + Math.floor(rnd() * 20)),
      developmentScore: maybe(Math.round(30 + rnd() * 60)),
      developmentScorePreviousYear: maybe(Math.round(30 + rnd() * 60)),
      qualitativeClaims: maybe(some(QUALITATIVE_CLAIMS.map((c) => c.key), 0.6) as QualitativeClaimKey[]),
      scopeIssues: rnd() < 0.03 ? (['abnormal-operation'] as ScopeIssueKey[]) : [],
    });
    // One in eight is a strong candidate for the upper tiers, so that every scheme's qualifying path is timed too.
    if (i % 8 === 7) Object.assign(out[i]!, strongCandidate(rnd));
  }
  return out;
}

/** The figures and declarations of a medium enterprise that meets most 专精特新 and 小巨人 conditions. */
function strongCandidate(rnd: () => number): CultivationProfile {
  const revenue = 120_000_000 + Math.round(rnd() * 150_000_000);
  return {
    sector: 'industry', employees: 280 + Math.round(rnd() * 300),
    revenue, revenuePreviousYear: Math.round(revenue / 1.12), revenueYearBeforePrevious: Math.round(revenue / 1.25),
    mainBusinessRevenue: Math.round(revenue * 0.95), mainBusinessRevenuePreviousYear: Math.round((revenue / 1.12) * 0.95), mainBusinessRevenueYearBeforePrevious: Math.round((revenue / 1.25) * 0.95),
    totalAssets: revenue, totalLiabilities: Math.round(revenue * 0.45),
    rdExpense: Math.round(revenue * 0.07), rdExpensePreviousYear: Math.round((revenue / 1.12) * 0.07), rdExpenseYearBeforePrevious: Math.round((revenue / 1.25) * 0.07),
    rdStaff: 120, netProfit: Math.round(revenue * 0.11), yearsInNiche: 6 + Math.floor(rnd() * 6),
    ip: { class1HighValue: 1, class1SelfDeveloped: 5, class1: 6, class2: 10 }, strategicEmergingIndustry: true,
    honours: ['innovative-sme', 'specialised-sme', 'high-tech-enterprise'], rdInstitutionLevel: 'provincial', nicheMarketShare: 0.12 + rnd() * 0.1, nicheMarketRank: 2,
    developmentScore: 72, developmentScorePreviousYear: 68, digitalisationLevel: 3, qualityItems: ['quality-system-certified', 'own-brand'], productField2022: 'chain-key-link',
    qualitativeClaims: QUALITATIVE_CLAIMS.map((c) => c.key), scopeIssues: [],
  };
}

/**
 * (a) The pure evaluation, per rule version, on this one thread. The target is judged on the CPU
 * time the thread used ("on one core"), which other processes on the machine do not inflate; the
 * wall-clock rate is shown beside it.
 */
export function benchEvaluation(out: (s: string) => void, n = 300_000): boolean {
  const profiles = benchProfiles(20_000);
  let ok = true;
  out(`cultivation: pure evaluation of ${profiles.length.toLocaleString('en')} varied profiles, ${n.toLocaleString('en')} evaluations per rule version (one thread; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
  for (const v of VERSIONS) {
    const opts = { on: v.on, purpose: v.purpose, config: DEFAULT_CULTIVATION_CONFIG };
    for (let i = 0; i < 20_000; i++) evaluateCultivation(v.scheme, profiles[i % profiles.length]!, opts); // warm-up
    let qualified = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) if (evaluateCultivation(v.scheme, profiles[i % profiles.length]!, opts).qualified) qualified++;
    const cpu = process.cpuUsage(cpu0);
    const perCpuSecond = n / ((cpu.user + cpu.system) / 1e6);
    const perSecond = n / ((performance.now() - t0) / 1000);
    const met = perCpuSecond >= CULTIVATION_TARGETS.evaluationsPerSecond;
    if (!met) ok = false;
    out(`  ${v.label.padEnd(14)} ${perCpuSecond.toFixed(0).padStart(9)} /CPU-s  ${perSecond.toFixed(0).padStart(9)} /s wall  `
      + `(target ${CULTIVATION_TARGETS.evaluationsPerSecond.toLocaleString('en')} on one core) ${met ? 'ok' : 'MISSED'}  · ${((100 * qualified) / n).toFixed(1)}% qualified · ${rulesFor(v.scheme, v.on, v.purpose).definition.rulesVersion}`);
  }
  return ok;
}

/** 100,000 enterprises with three years of figures, written in batches (not timed). */
async function seedEnterprises(ctx: AppContext, zoneId: string, count: number): Promise<void> {
  const rnd = seededRandom(4242);
  const BATCH = 5_000;
  let serial = 600_000;
  for (let done = 0; done < count; ) {
    const rows: EnterpriseInsert[] = [];
    const children: { enterpriseId: string; children: Children }[] = [];
    while (rows.length < Math.min(BATCH, count - done)) {
      let uscc: string;
      try {
        uscc = demoUscc(serial++);
      } catch {
        continue;
      }
      const id = randomUUID();
      const n = done + rows.length;
      rows.push({ zoneId, id, name: `基准企业${n}有限公司`, uscc, sizeSector: rnd() < 0.8 ? 'industry' : 'software-it', foundedOn: `${2000 + Math.floor(rnd() * 20)}-05-01`, aboveScale: false });
      const revenue = Math.round(5_000_000 + rnd() * 300_000_000);
      const rdRatio = rnd() * 0.1;
      const employees = Math.round(20 + rnd() * 800);
      children.push({
        enterpriseId: id,
        children: {
          figures: [2023, 2024, 2025].map((year, k) => {
            const r = Math.round(revenue / (1 + (rnd() * 0.3 - 0.05)) ** (2 - k));
            const assets = Math.round(r * (0.7 + rnd()));
            return {
              year, employees, revenue: r, mainRevenue: Math.round(r * (0.5 + rnd() * 0.5)), totalAssets: assets, liabilities: Math.round(assets * (0.2 + rnd() * 0.6)),
              rdExpense: Math.round(r * rdRatio), rdStaff: Math.round(employees * rnd() * 0.3), ipInvention: Math.floor(rnd() * 6), ipUtilityModel: Math.floor(rnd() * 10),
              ipDesign: Math.floor(rnd() * 5), ipSoftware: Math.floor(rnd() * 10), ipOther: 0, equityFinancing: rnd() < 0.1 ? Math.round(rnd() * 30_000_000) : 0,
            };
          }),
          qualifications: rnd() < 0.3 ? [{ id: randomUUID(), kind: 'innovative-sme', validFrom: '2024-06-28', validUntil: '2027-06-27' }] : [],
        },
      });
    }
    await inTransaction(ctx.db, async (tx) => {
      await insertEnterprises(tx, rows);
      await insertChildrenOfNew(tx, zoneId, children);
    });
    done += rows.length;
  }
}

/**
 * (b) The batch evaluation through the same service and job code the server runs: 100,000
 * enterprises with figures in an emptied PostgreSQL database, a run created by createRun and
 * driven by the job worker's runDueJobs until done, every result written back.
 */
export async function benchBatchRun(config: Config, url: string, out: (s: string) => void, count: number = CULTIVATION_TARGETS.batchEnterprises): Promise<boolean> {
  await emptyPostgresDatabase(url);
  const database = await openDatabase({ databaseUrl: url, dataDir: null });
  await database.migrate();
  const ctx: AppContext = { database, db: database.db, config: { ...config, databaseUrl: url }, clock: systemClock };
  try {
    const zoneId = randomUUID();
    const userId = randomUUID();
    await inTransaction(ctx.db, async (tx) => {
      await insertZone(tx, { id: zoneId, code: 'bench-cultivation', name: '基准园区（梯度培育）' });
      await insertUser(tx, { zoneId, id: userId, username: 'industry', displayName: '基准工信人员', passwordHash: '' }, ['industry']);
    });
    const t0 = performance.now();
    await seedEnterprises(ctx, zoneId, count);
    await database.db.execute('analyze');
    out(`cultivation: seeded ${count.toLocaleString('en')} enterprises with 3 years of figures in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const actor: Actor = { zoneId, userId, username: 'industry', displayName: '基准工信人员', roles: ['industry'], departmentId: null, enterpriseId: null };
    const results: { label: string; seconds: number; ok: boolean }[] = [];
    for (const [scheme, on] of [['innovative-sme', '2026-06-01'], ['specialised-sme', '2026-06-01']] as const) {
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      const run = await createRun(ctx, actor, { scheme, on });
      for (;;) {
        const { ran } = await runDueJobs(ctx, JOB_HANDLERS);
        const now = await getRun(ctx, actor, run.id);
        if (now.status === 'done' || now.status === 'failed' || ran === 0) break;
      }
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const done = await getRun(ctx, actor, run.id);
      const ok = done.status === 'done' && done.processed === count && seconds <= CULTIVATION_TARGETS.batchSeconds;
      results.push({ label: scheme, seconds, ok });
      out(`  batch run ${scheme.padEnd(16)} ${done.processed.toLocaleString('en')} enterprises ${seconds.toFixed(1).padStart(6)} s  (target ${CULTIVATION_TARGETS.batchSeconds} s) ${ok ? 'ok' : 'MISSED'}`
        + `  · ${done.status}${done.error ? `: ${done.error}` : ''} · qualified ${done.qualifiedCount}, close ${done.closeCount}, far ${done.farCount}, incomplete ${done.incompleteCount}`
        + ` · this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s, load average ${loadavg()[0]!.toFixed(1)}`);
    }
    return results.every((r) => r.ok);
  } finally {
    await database.close();
  }
}
