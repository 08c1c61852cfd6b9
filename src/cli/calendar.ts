import fs from 'node:fs';
import type { AppContext } from '../server/platform/context.js';
import { CalendarDataError, parseYearArrangement, type YearArrangement } from '../domain/calendar/index.js';
import { importArrangement } from '../server/calendar/calendar.service.js';
import { listZones } from '../server/zone/zone.repository.js';
import { requireZone, CLI_ACTOR_NAME } from './context.js';
import { exitWith } from './cli-exit.js';

/** Checks the file first (whatever the zones), then loads it into the zone given, or every zone. */
export async function importArrangementFile(ctx: AppContext, file: string, zoneCode?: string): Promise<string> {
  let arrangement: YearArrangement;
  try {
    arrangement = parseYearArrangement(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    if (e instanceof CalendarDataError) exitWith(`${e.field}: ${e.message}`, 2);
    exitWith(`cannot read ${file}: ${(e as Error).message}`, 2);
  }
  const zones = zoneCode ? [await requireZone(ctx, zoneCode)] : await listZones(ctx.db);
  if (zones.length === 0) await requireZone(ctx);
  for (const z of zones) {
    await importArrangement(ctx, { zoneId: z.id, userId: null, username: 'system', displayName: CLI_ACTOR_NAME }, arrangement);
  }
  return `official arrangement for ${arrangement.year} (${arrangement.notice}) loaded into ${zones.length} zone(s)`;
}
