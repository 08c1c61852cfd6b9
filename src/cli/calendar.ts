import fs from 'node:fs';
import type { AppContext } from '../server/platform/context.js';
import { importArrangement } from '../server/calendar/calendar.service.js';
import { listZones } from '../server/zone/zone.repository.js';
import { DomainError } from '../server/platform/errors.js';
import { requireZone } from './context.js';

export async function importArrangementFile(ctx: AppContext, file: string, zoneCode?: string): Promise<string> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const zones = zoneCode ? [await requireZone(ctx, zoneCode)] : await listZones(ctx.db);
  let year = 0;
  for (const z of zones) {
    try {
      const a = await importArrangement(ctx, { zoneId: z.id, userId: null, username: 'system', displayName: '命令行 (yiqi CLI)' }, json);
      year = a.year;
    } catch (e) {
      if (e instanceof DomainError && Array.isArray(e.details)) {
        for (const d of e.details) process.stderr.write(`${d.field}: ${d.message}\n`);
        process.exit(2);
      }
      throw e;
    }
  }
  return `official arrangement for ${year} loaded into ${zones.length} zone(s)`;
}
