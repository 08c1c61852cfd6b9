import type { AppContext } from '../platform/context.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import { inTransaction } from '../platform/transaction.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { deadlineOf, loadForChange, scheduleDeadlineJobs, writeChange, type Env } from './demand-change.js';
import { listProvisionalDeadlines } from './demands.repository.js';

/**
 * After an official arrangement replaces a provisional year, every open deadline computed on
 * the provisional year is computed again from its basis; those that move get a timeline entry
 * and new reminder and escalation jobs. Returns how many deadlines moved or became official.
 */
export async function recomputeProvisionalDeadlines(ctx: AppContext, by: Actor | SystemActor): Promise<number> {
  const calendar = await zoneCalendar(ctx, by.zoneId);
  const { today, timeZone } = await zoneToday(ctx, by.zoneId);
  return inTransaction(ctx.db, async (tx) => {
    const env: Env = { tx, now: ctx.clock.now(), today, timeZone, calendar };
    let changed = 0;
    for (const d of await listProvisionalDeadlines(tx, by.zoneId)) {
      if (!d.baseOn || d.days === null) continue;
      const deadline = deadlineOf(calendar, { baseOn: d.baseOn, days: d.days, pausedDays: d.pausedDays });
      if (deadline.provisional && deadline.dueOn === d.dueOn) continue;
      const { row } = await loadForChange(tx, { zoneId: by.zoneId, userId: null, username: 'system', displayName: '系统（工作日历）' }, d.id);
      await writeChange(env, by, row, {
        action: 'deadline_recomputed',
        patch: { dueOn: deadline.dueOn, dueProvisional: deadline.provisional },
        events: [{ kind: 'deadline_recomputed', data: { previousDueOn: d.dueOn, dueOn: deadline.dueOn, provisional: deadline.provisional } }],
      });
      if (row.status !== 'waiting' && deadline.dueOn !== d.dueOn) await scheduleDeadlineJobs(env, by.zoneId, d.id, deadline.dueOn);
      changed += 1;
    }
    return changed;
  });
}
