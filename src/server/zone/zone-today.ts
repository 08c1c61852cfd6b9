import type { AppContext } from '../platform/context.js';
import { dateInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { findZone } from './zone.repository.js';
import type { Queryable } from '../../db/client.js';

/** Today's date in the zone's own time zone (the day a deadline or validity is judged on). */
export async function zoneToday(ctx: AppContext, zoneId: string, db: Queryable = ctx.db): Promise<{ today: string; timeZone: string }> {
  const zone = await findZone(db, zoneId);
  const timeZone = zone?.timeZone ?? 'Asia/Shanghai';
  return { today: dateInZone(ctx.clock.now(), timeZone), timeZone };
}
