import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Lang } from '../../contracts/errors.js';
import {
  DASHBOARD_MONTHS_DEFAULT, RED_LIST_SIZE, VISIT_WEEKS,
  type CategoryShare, type Dashboard, type DashboardMonth, type DepartmentOnTime, type RedListItem, type SatisfactionMonth, type VisitWeek,
} from '../../contracts/dashboard.js';
import { addDays, toDayNumber, type WorkingCalendar } from '../../domain/calendar/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { countdown, type Confidentiality } from '../../domain/demands/index.js';
import { isoWeekOf } from '../../domain/visits/index.js';
import { rateOf } from '../../domain/bulletins/index.js';
import { forbidden } from '../platform/errors.js';
import { zoneToday } from '../zone/zone-today.js';
import { findZone } from '../zone/zone.repository.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { demandStats } from '../demands/demand-stats.service.js';
import { listDemandRows, type DemandListRow } from '../demands/demands.repository.js';
import { dashboardPolicy } from './dashboard.policy.js';
import { isoWeeksEndingAt, monthsEndingAt, type MonthPeriod } from './dashboard-periods.js';
import { countDoneVisitsByDay, countEnterprises, countReceivedByStatus, countSatisfaction, type Bounds } from './dashboard.repository.js';


function boundsOf(months: MonthPeriod[], timeZone: string): Bounds[] {
  return months.map((m) => ({ from: startOfDayInZone(m.from, timeZone), before: startOfDayInZone(addDays(m.to, 1), timeZone) }));
}

function redListItem(row: DemandListRow, calendar: WorkingCalendar, today: string): RedListItem {
  const dueOn = row.dueOn!;
  let workingDaysOverdue: number | null = null;
  try {
    workingDaysOverdue = -countdown(calendar, today, dueOn).workingDaysLeft;
  } catch {
    // The calendar lacks a year between the deadline and today: the calendar days still tell.
  }
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    confidentiality: row.confidentiality as Confidentiality,
    enterpriseName: row.enterpriseName,
    categoryName: row.categoryName,
    departmentId: row.leadDepartmentId,
    departmentName: row.leadDepartmentName,
    dueOn,
    daysOverdue: toDayNumber(today) - toDayNumber(dueOn),
    workingDaysOverdue,
    escalationLevel: row.escalationLevel,
  };
}

/** Ranked departments by on-time rate (then more settled, then name); the unranked after them by settled. */
function byStanding(a: DepartmentOnTime, b: DepartmentOnTime): number {
  if (a.ranked !== b.ranked) return a.ranked ? -1 : 1;
  if (a.ranked) {
    const diff = (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1);
    if (diff !== 0) return diff;
  }
  return b.settled - a.settled || a.departmentName.localeCompare(b.departmentName, 'zh');
}

/**
 * 数据看板: everything the leader's dashboard and the hall's large screen show, in one read. The
 * year's figures come from 诉求统计 itself (demandStats, 1 January to today), the red list and the
 * escalations from the demand list's own filters (overdue, escalated), so a click-through lands on
 * a list with the same count; only the month and week series have their own grouped queries.
 */
export async function dashboard(ctx: AppContext, actor: Actor, months = DASHBOARD_MONTHS_DEFAULT, lang: Lang = 'zh'): Promise<Dashboard> {
  if (!dashboardPolicy.view(actor)) throw forbidden();
  const zoneId = actor.zoneId;
  const [{ today, timeZone }, zone, calendar] = await Promise.all([zoneToday(ctx, zoneId), findZone(ctx.db, zoneId), zoneCalendar(ctx, zoneId)]);
  const yearFrom = `${today.slice(0, 4)}-01-01`;
  const minRanked = zone?.bulletinMinRanked ?? 0;
  const periods = monthsEndingAt(today, months);
  const bounds = boundsOf(periods, timeZone);
  const weeks = isoWeeksEndingAt(today, VISIT_WEEKS);
  const visitsFrom = weeks[0]!.monday < yearFrom ? weeks[0]!.monday : yearFrom;

  const [year, received, rated, enterprises, visitDays, red, escalated] = await Promise.all([
    demandStats(ctx, actor, yearFrom, today, lang),
    countReceivedByStatus(ctx.db, zoneId, bounds, today),
    countSatisfaction(ctx.db, zoneId, bounds),
    countEnterprises(ctx.db, zoneId),
    countDoneVisitsByDay(ctx.db, zoneId, visitsFrom, today),
    listDemandRows(ctx.db, zoneId, { scope: { kind: 'all' }, overdue: true, today, sort: 'due', order: 'asc', limit: RED_LIST_SIZE, offset: 0 }),
    listDemandRows(ctx.db, zoneId, { scope: { kind: 'all' }, escalated: true, today, limit: 0, offset: 0 }),
  ]);

  const monthRows: DashboardMonth[] = periods.map((p, i) => ({ ...p, ...received[i]! }));
  const satisfaction: SatisfactionMonth[] = periods.map((p, i) => {
    const r = rated[i]!;
    const total = r.satisfied + r.basicallySatisfied + r.dissatisfied;
    return { ...p, ...r, rated: total, rate: rateOf(r.satisfied + r.basicallySatisfied, total) };
  });

  const departments: DepartmentOnTime[] = year.byDepartment
    .filter((d) => d.key !== '')
    .map((d) => ({
      departmentId: d.key,
      departmentName: d.name,
      received: d.received,
      settled: d.settled,
      settledOnTime: d.settledOnTime,
      onTimeRate: d.onTimeRate,
      ranked: d.settled >= minRanked && d.settled > 0,
    }))
    .sort(byStanding);
  const categories: CategoryShare[] = year.byCategory
    .filter((c) => c.received > 0)
    .map((c) => ({ categoryCode: c.key, categoryName: c.name, received: c.received }))
    .sort((a, b) => b.received - a.received || a.categoryName.localeCompare(b.categoryName, 'zh'));

  const visitWeeks: VisitWeek[] = weeks.map((w) => ({ ...w, visits: 0, enterpriseVisits: 0 }));
  const weekIndex = new Map(visitWeeks.map((w, i) => [w.week, i]));
  let visits = 0;
  let enterpriseVisits = 0;
  for (const day of visitDays) {
    const i = weekIndex.get(isoWeekOf(day.day).week);
    if (i !== undefined) {
      visitWeeks[i]!.visits += day.visits;
      visitWeeks[i]!.enterpriseVisits += day.enterpriseVisits;
    }
    if (day.day >= yearFrom) {
      visits += day.visits;
      enterpriseVisits += day.enterpriseVisits;
    }
  }

  return {
    zoneName: zone?.name ?? '',
    timeZone,
    today,
    yearFrom,
    generatedAt: ctx.clock.now().toISOString(),
    minRanked,
    headline: {
      enterprises,
      received: year.received,
      settled: year.settled,
      settledOnTime: year.settledOnTime,
      onTimeRate: year.onTimeRate,
      satisfactionRate: year.satisfactionRate,
      visits,
      enterpriseVisits,
      overdueNow: red.total,
      openEscalations: escalated.total,
    },
    months: monthRows,
    satisfaction,
    departments,
    categories,
    redList: { items: red.rows.map((r) => redListItem(r, calendar, today)), total: red.total },
    visitWeeks,
  };
}
