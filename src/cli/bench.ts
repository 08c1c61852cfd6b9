import type { Config } from '../server/platform/config.js';
import { buildWorkingCalendar, addWorkingDays, OFFICIAL_ARRANGEMENTS } from '../domain/calendar/index.js';
import { checkUscc } from '../domain/enterprises/index.js';
import { demoUscc } from '../server/demo/demo-data.js';

/** Speed targets are checked here, never as timing assertions in tests. */
export async function runBenchmarks(_config: Config): Promise<void> {
  const time = (label: string, n: number, fn: (i: number) => void) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    const ms = performance.now() - t0;
    process.stdout.write(`${label.padEnd(40)} ${(n / (ms / 1000)).toFixed(0).padStart(10)} ops/s\n`);
  };
  const calendar = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });
  time('addWorkingDays(5) over 2024–2026', 100_000, (i) => addWorkingDays(calendar, `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, 5));
  const codes = Array.from({ length: 1000 }, (_, i) => demoUscc(i + 1));
  time('checkUscc', 200_000, (i) => checkUscc(codes[i % codes.length]!));
}
