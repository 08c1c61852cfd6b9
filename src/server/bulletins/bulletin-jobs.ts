import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import { addDays, CalendarRangeError, isWeekend, isWorkingDay, type WorkingCalendar } from '../../domain/calendar/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { monthBounds, nextMonth, previousMonth } from '../../domain/bulletins/index.js';
import { scheduleJob, type JobHandlers } from '../platform/jobs.js';
import type { JobRow } from '../platform/jobs.repository.js';
import { inTransaction } from '../platform/transaction.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { listZones } from '../zone/zone.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { createBulletinIn } from './bulletins.service.js';
import { listMonthVersions } from './bulletins.repository.js';

const KIND = 'bulletin.monthly-draft';
const systemOf = (zoneId: string): SystemActor => ({ zoneId, userId: null, username: 'system', displayName: '系统（月通报）' });

/**
 * The first working day of a month on the zone's calendar (a month without one: its last day). A
 * month beyond the calendar's years (next year's arrangement not yet published) falls back to its
 * first Monday-to-Friday day, so the monthly chain never stops for want of a calendar.
 */
export function firstWorkingDay(calendar: WorkingCalendar, month: string): string {
  const { from, to } = monthBounds(month);
  for (let d = from; d <= to; d = addDays(d, 1)) {
    try {
      if (isWorkingDay(calendar, d).workingDay) return d;
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
      if (!isWeekend(d)) return d;
    }
  }
  return to;
}

/**
 * Schedules the draft for the month before `month`, at 09:00 on `month`'s first working day. The
 * key names the month, so scheduling twice is harmless.
 */
async function scheduleFor(tx: Tx, calendar: WorkingCalendar, zoneId: string, timeZone: string, month: string): Promise<void> {
  const day = firstWorkingDay(calendar, month);
  const runAt = new Date(startOfDayInZone(day, timeZone).getTime() + 9 * 3_600_000);
  await scheduleJob(tx, { zoneId, kind: KIND, key: month, runAt, payload: { month: previousMonth(month) } });
}

/** On the first working day of a month: the previous month's draft, the coordinators told; then next month's job. */
async function monthlyDraft(ctx: AppContext, tx: Tx, job: JobRow): Promise<void> {
  const { month } = job.payload as { month: string };
  const system = systemOf(job.zoneId);
  if ((await listMonthVersions(tx, job.zoneId, month)).length === 0) {
    const row = await createBulletinIn(ctx, tx, system, month);
    await notify(tx, job.zoneId, ctx.clock.now(), [{ to: { roles: ['coordinator'] }, kind: 'bulletin.draft', entity: 'bulletin', entityId: row.id, params: { month } }]);
  }
  const { timeZone } = await zoneToday(ctx, job.zoneId, tx);
  await scheduleFor(tx, await zoneCalendar(ctx, job.zoneId, tx), job.zoneId, timeZone, nextMonth(job.key));
}

/**
 * Makes sure every zone has its next monthly draft scheduled — on start and on every tick of the
 * worker, so a zone created later gets its job too (scheduling again is harmless): this month's
 * first working day if still ahead (or today), otherwise next month's.
 */
export async function scheduleMonthlyDrafts(ctx: AppContext, log: (e: unknown) => void = () => undefined): Promise<void> {
  for (const zone of await listZones(ctx.db)) {
    // One zone's trouble never keeps the others' drafts from being scheduled.
    await inTransaction(ctx.db, async (tx) => {
      const { today, timeZone } = await zoneToday(ctx, zone.id, tx);
      const calendar = await zoneCalendar(ctx, zone.id, tx);
      const month = today.slice(0, 7);
      const target = firstWorkingDay(calendar, month) >= today ? month : nextMonth(month);
      await scheduleFor(tx, calendar, zone.id, timeZone, target);
    }).catch(log);
  }
}

export const bulletinJobHandlers: JobHandlers = { [KIND]: monthlyDraft };
