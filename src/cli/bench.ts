import type { Config } from '../server/platform/config.js';
import { buildWorkingCalendar, addWorkingDays, OFFICIAL_ARRANGEMENTS } from '../domain/calendar/index.js';
import { checkUscc } from '../domain/enterprises/index.js';
import { demoUscc } from '../server/demo/demo-data.js';
import { benchImport, reportImport, type Engine } from './bench-import.js';
import { benchDemands } from './bench-demands.js';
import { benchBatchRun, benchEvaluation } from './bench-cultivation.js';

const IMPORT_ROWS = 10_000;

/** Speed targets are checked here, never as timing assertions in tests. A missed target sets a non-zero exit code. */
export async function runBenchmarks(config: Config, opts: { postgresUrl?: string } = {}): Promise<void> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const time = (label: string, n: number, fn: (i: number) => void) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    const ms = performance.now() - t0;
    out(`${label.padEnd(40)} ${(n / (ms / 1000)).toFixed(0).padStart(10)} ops/s`);
  };
  const calendar = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });
  time('addWorkingDays(5) over 2024–2026', 100_000, (i) => addWorkingDays(calendar, `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, 5));
  const codes = Array.from({ length: 1000 }, (_, i) => demoUscc(i + 1));
  time('checkUscc', 200_000, (i) => checkUscc(codes[i % codes.length]!));
  out('');
  let allMet = benchEvaluation(out);

  // A PostgreSQL database of the benchmark's own (--postgres), emptied before the run.
  const benchDatabaseUrl = opts.postgresUrl?.trim() || null;
  const engines: Engine[] = [{ name: 'pglite', url: null }];
  if (benchDatabaseUrl) engines.push({ name: 'postgres', url: benchDatabaseUrl });
  for (const engine of engines) {
    out('');
    const result = await benchImport(config, engine, IMPORT_ROWS);
    if (!reportImport(result, out)) allMet = false;
  }
  if (benchDatabaseUrl) {
    out('');
    if (!(await benchDemands(config, benchDatabaseUrl, out))) allMet = false;
    out('');
    if (!(await benchBatchRun(config, benchDatabaseUrl, out))) allMet = false;
  }
  if (!benchDatabaseUrl) out('\n(PostgreSQL benchmarks skipped — import, 1,000,000 demands, the 100,000-enterprise cultivation run: pass --postgres <url>, a database that is emptied for the run)');
  if (!allMet) {
    out('\nFAIL: a speed target was missed');
    process.exitCode = 1;
  }
}
