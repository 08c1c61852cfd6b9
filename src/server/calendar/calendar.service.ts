import type { AppContext } from '../platform/context.js';
import type { Queryable } from '../../db/client.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import {
  OFFICIAL_ARRANGEMENTS, addWorkingDays, buildWorkingCalendar, isWorkingDay, parseYearArrangement, CalendarDataError, CalendarRangeError,
  addDays, type DayOverride, type WorkingCalendar, type YearArrangement,
} from '../../domain/calendar/index.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { calendarPolicy } from './calendar.policy.js';
import { recomputeProvisionalDeadlines } from '../demands/demand-deadlines.service.js';
import { deleteOverride, insertOverride, listArrangements, listOverrides, upsertArrangement } from './calendar.repository.js';

/** Built calendars per zone; dropped whenever the zone's arrangements or overrides change. */
const cache = new Map<string, WorkingCalendar>();

/** The built-in official years, replaced year by year by arrangements loaded into the zone. */
export function mergeArrangements(loaded: readonly YearArrangement[]): YearArrangement[] {
  const byYear = new Map<number, YearArrangement>(OFFICIAL_ARRANGEMENTS.map((a) => [a.year, a]));
  for (const a of loaded) byYear.set(a.year, a);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** What a zone's calendar is built from: the official years (built in or loaded) and the zone's overrides. */
async function zoneCalendarInput(ctx: AppContext, zoneId: string, db: Queryable = ctx.db): Promise<{ arrangements: YearArrangement[]; overrides: DayOverride[] }> {
  const arrangements = await listArrangements(db, zoneId);
  const overrides = await listOverrides(db, zoneId);
  return {
    arrangements: mergeArrangements(arrangements.map((a) => a.data as YearArrangement)),
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind as DayOverride['kind'], reason: o.reason })),
  };
}

/** The zone's calendar; inside a transaction pass it as `db` (PGlite has one connection: ctx.db would wait for it). */
export async function zoneCalendar(ctx: AppContext, zoneId: string, db: Queryable = ctx.db): Promise<WorkingCalendar> {
  const hit = cache.get(zoneId);
  if (hit) return hit;
  const calendar = buildWorkingCalendar(await zoneCalendarInput(ctx, zoneId, db));
  cache.set(zoneId, calendar);
  return calendar;
}

function calendarError(e: unknown): never {
  if (e instanceof CalendarDataError) {
    throw new DomainError('CALENDAR_INVALID', [{ field: e.field, reason: 'invalid', message: e.messages.zh, messages: e.messages }]);
  }
  if (e instanceof CalendarRangeError) {
    throw new DomainError('CALENDAR_OUT_OF_RANGE', [{ field: 'date', reason: 'out-of-range', message: e.messages.zh, messages: e.messages }]);
  }
  throw e;
}

export async function listCalendarYears(ctx: AppContext, actor: Actor) {
  if (!calendarPolicy.read(actor)) throw forbidden();
  const calendar = await zoneCalendar(ctx, actor.zoneId);
  const loaded = new Set((await listArrangements(ctx.db, actor.zoneId)).map((a) => a.year));
  const lastOfficial = Math.max(...Object.values(calendar.years).filter((y) => y.status === 'official').map((y) => y.year));
  const shown = Object.values(calendar.years).filter((y) => y.year >= 2024 && y.year <= lastOfficial + 2);
  return shown.map((y) => ({
    year: y.year,
    status: y.status,
    notice: y.notice,
    source: y.source,
    builtIn: y.status === 'official' && !loaded.has(y.year),
    offRanges: y.offRanges,
    adjustedWorkdays: y.adjustedWorkdays,
  }));
}

/** Loads an official arrangement into a zone (replacing the provisional or earlier version of that year). */
export async function importArrangement(ctx: AppContext, by: Actor | SystemActor, json: unknown) {
  if ('roles' in by && !calendarPolicy.manage(by)) throw forbidden();
  let arrangement: YearArrangement;
  try {
    arrangement = parseYearArrangement(json);
    buildWorkingCalendar({ arrangements: mergeArrangements([arrangement]) });
  } catch (e) {
    calendarError(e);
  }
  await inTransaction(ctx.db, async (tx) => {
    await upsertArrangement(tx, { zoneId: by.zoneId, year: arrangement.year, notice: arrangement.notice, data: arrangement, importedBy: by.userId });
    await recordAudit(tx, by, { action: 'calendar.arrangement_loaded', entity: 'calendar_year', entityId: String(arrangement.year), after: arrangement });
  });
  cache.delete(by.zoneId);
  await recomputeProvisionalDeadlines(ctx, by);
  return arrangement;
}

export async function listCalendarOverrides(ctx: AppContext, actor: Actor) {
  if (!calendarPolicy.read(actor)) throw forbidden();
  const rows = await listOverrides(ctx.db, actor.zoneId);
  return rows.map((r) => ({ date: r.date, kind: r.kind as 'closure' | 'working', reason: r.reason }));
}

export async function addCalendarOverride(ctx: AppContext, actor: Actor, input: { date: string; kind: 'closure' | 'working'; reason: string }) {
  if (!calendarPolicy.manage(actor)) throw forbidden();
  const current = await zoneCalendarInput(ctx, actor.zoneId);
  if (current.overrides.some((o) => o.date === input.date)) {
    throw new DomainError('CONFLICT', [fieldError('date', 'override-exists', { value: input.date })]);
  }
  const reason = input.reason.trim();
  try {
    // Checked against the zone's own calendar (its loaded years), not only the built-in ones.
    buildWorkingCalendar({ arrangements: current.arrangements, overrides: [...current.overrides, { ...input, reason }] });
  } catch (e) {
    calendarError(e);
  }
  await inTransaction(ctx.db, async (tx) => {
    await insertOverride(tx, { zoneId: actor.zoneId, date: input.date, kind: input.kind, reason });
    await recordAudit(tx, actor, { action: 'calendar.override_added', entity: 'calendar_override', entityId: input.date, after: { ...input, reason } });
  });
  cache.delete(actor.zoneId);
  return { ...input, reason };
}

export async function removeCalendarOverride(ctx: AppContext, actor: Actor, date: string) {
  if (!calendarPolicy.manage(actor)) throw forbidden();
  await inTransaction(ctx.db, async (tx) => {
    const gone = await deleteOverride(tx, actor.zoneId, date);
    if (!gone) throw notFound();
    await recordAudit(tx, actor, { action: 'calendar.override_removed', entity: 'calendar_override', entityId: date, before: { date: gone.date, kind: gone.kind, reason: gone.reason } });
  });
  cache.delete(actor.zoneId);
}

export async function dueDate(ctx: AppContext, actor: Actor, from: string, days: number) {
  if (!calendarPolicy.read(actor)) throw forbidden();
  try {
    return addWorkingDays(await zoneCalendar(ctx, actor.zoneId), from, days);
  } catch (e) {
    calendarError(e);
  }
}

export async function calendarMonth(ctx: AppContext, actor: Actor, year: number, month: number) {
  if (!calendarPolicy.read(actor)) throw forbidden();
  const calendar = await zoneCalendar(ctx, actor.zoneId);
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const days = [];
  try {
    for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
      const a = isWorkingDay(calendar, d);
      days.push({ date: d, workingDay: a.workingDay, kind: a.kind, reason: a.reason, provisional: a.provisional });
    }
  } catch (e) {
    calendarError(e);
  }
  return days;
}
