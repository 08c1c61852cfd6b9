import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { DemandStats } from '../../contracts/demands.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { addDays } from '../../domain/calendar/index.js';
import { fieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { zoneToday } from '../zone/zone-today.js';
import { demandPolicy } from './demands.policy.js';
import { DEMAND_LABELS } from '../../contracts/demand-labels.js';
import type { Lang } from '../../contracts/errors.js';
import { countDemands, type CountRow } from './demands.repository.js';
import { checkQueryDays } from '../platform/query-days.js';

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

function line(r: CountRow, name: string) {
  return {
    key: r.key ?? '',
    name,
    received: r.received,
    settled: r.settled,
    settledOnTime: r.settledOnTime,
    overdue: r.overdue,
    onTimeRate: rate(r.settledOnTime, r.settled),
    satisfactionRate: rate(r.satisfiedOrBasically, r.rated),
  };
}

/** The counts the seed reports, for the days from..to (inclusive) in the zone's time zone. */
export async function demandStats(ctx: AppContext, actor: Actor, from: string, to: string, lang: Lang = 'zh'): Promise<DemandStats> {
  const labels = DEMAND_LABELS[lang];
  if (!demandPolicy.stats(actor)) throw forbidden();
  checkQueryDays({ from, to });
  if (to < from) throw new DomainError('VALIDATION_FAILED', [fieldError('to', 'valid-until-before-start')]);
  const { today, timeZone } = await zoneToday(ctx, actor.zoneId);
  const start = startOfDayInZone(from, timeZone);
  const before = startOfDayInZone(addDays(to, 1), timeZone);
  const count = (group: Parameters<typeof countDemands>[7]) => countDemands(ctx.db, actor.zoneId, start, before, from, to, today, group);
  const [[total], byCategory, byDepartment, byChannel] = await Promise.all([count(null), count('category'), count('department'), count('channel')]);
  const t = total!;
  return {
    from,
    to,
    received: t.received,
    accepted: t.accepted,
    declined: t.declined,
    settled: t.settled,
    settledOnTime: t.settledOnTime,
    overdue: t.overdue,
    extended: t.extended,
    reopened: t.reopened,
    confirmedByDefault: t.confirmedByDefault,
    onTimeRate: rate(t.settledOnTime, t.settled),
    satisfactionRate: rate(t.satisfiedOrBasically, t.rated),
    byCategory: byCategory.map((r) => line(r, r.name ?? r.key ?? '')),
    byDepartment: byDepartment.map((r) => line(r, r.name ?? labels.unassigned)),
    byChannel: byChannel.map((r) => line(r, (labels.channel as Record<string, string>)[r.key ?? ''] ?? r.key ?? '')),
  };
}
