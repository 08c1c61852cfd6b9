import ExcelJS from 'exceljs';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { hasRole } from '../../domain/identity/actor.js';
import { addDays, CalendarRangeError, isWorkingDay, toDayNumber } from '../../domain/calendar/index.js';
import { countVisits, coverageWarning, formatVisitSentence, isoWeekOf, weeklyCompliance } from '../../domain/visits/index.js';
import type {
  ComplianceResult, CoverageQuery, CoverageResult, LeaderVisitBoard, VisitCountsResult,
} from '../../contracts/visits.js';
import { fieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { pageWindow } from '../platform/paging.js';
import { checkQueryDays } from '../platform/query-days.js';
import { zoneToday } from '../zone/zone-today.js';
import { findZone } from '../zone/zone.repository.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { presentSummary } from '../demands/demand-presenter.js';
import { findDemandsByIds } from '../demands/demands.repository.js';
import { visitPolicy } from './visits.policy.js';
import { listVisitSummaries } from './visit-presenter.js';
import {
  findThemeName, listActiveLeaders, listCoverageRows, listDoneVisitsForCounts, listOpenVisitDemandIds, listVisitProblems, listVisitSlots,
} from './visit-views.repository.js';

/** The longest compliance period asked at once: two years of weeks. */
export const COMPLIANCE_MAX_YEARS = 2;
/** How many open demands the board lists (the nearest deadlines). */
const BOARD_DEMAND_LIMIT = 50;
/** More than two weeks of every leader's half-days could hold. */
const BOARD_VISIT_LIMIT = 200;

/** The same day `years` years earlier (29 February → 28 February). */
function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  const year = String(Number(y) - years).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}

/** Both days in range, from ≤ to, and (when maxYears is given) no longer than that many years. */
function checkPeriod(from: string, to: string, maxYears?: number): void {
  checkQueryDays({ from, to });
  if (toDayNumber(to) < toDayNumber(from)) throw new DomainError('VALIDATION_FAILED', [fieldError('querystring.to', 'period-end-before-start')]);
  if (maxYears !== undefined && from < yearsBefore(to, maxYears)) {
    throw new DomainError('VALIDATION_FAILED', [fieldError('querystring.from', 'period-too-long', { value: maxYears })]);
  }
}

/** 领导走访履职: for every active leader and every ISO week of the period, half-days planned and done, judged on the working calendar. */
export async function visitCompliance(ctx: AppContext, actor: Actor, from: string, to: string): Promise<ComplianceResult> {
  if (!visitPolicy.views(actor)) throw forbidden();
  checkPeriod(from, to, COMPLIANCE_MAX_YEARS);
  const { today } = await zoneToday(ctx, actor.zoneId);
  const calendar = await zoneCalendar(ctx, actor.zoneId);
  try {
    // The period's ends must be in the calendar's years before its weeks are worked out.
    isWorkingDay(calendar, from);
    isWorkingDay(calendar, to);
    const [leaders, visits] = await Promise.all([
      listActiveLeaders(ctx.db, actor.zoneId),
      listVisitSlots(ctx.db, actor.zoneId, isoWeekOf(from).monday, isoWeekOf(to).sunday),
    ]);
    return { from, to, leaders: weeklyCompliance(calendar, { leaders, visits, from, to, today }) };
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    throw new DomainError('CALENDAR_OUT_OF_RANGE', [{ field: 'querystring.from', reason: 'out-of-range', message: e.messages.zh, messages: e.messages }]);
  }
}

/** 走访统计: the period's (and theme's) visits, enterprise-visits, enterprises and problems, with the seed's sentence. */
export async function visitCounts(ctx: AppContext, actor: Actor, q: { from: string; to: string; themeId?: string }): Promise<VisitCountsResult & { themeName: string | null }> {
  if (!visitPolicy.views(actor)) throw forbidden();
  checkPeriod(q.from, q.to);
  const themeName = q.themeId ? await findThemeName(ctx.db, actor.zoneId, q.themeId) : null;
  if (q.themeId && themeName === null) throw new DomainError('VALIDATION_FAILED', [fieldError('querystring.themeId', 'theme-not-found')]);
  const [visits, demands] = await Promise.all([
    listDoneVisitsForCounts(ctx.db, actor.zoneId, q.from, q.to, q.themeId),
    listVisitProblems(ctx.db, actor.zoneId, q.from, q.to, q.themeId),
  ]);
  const counts = countVisits({ visits, demands, from: q.from, to: q.to, ...(q.themeId ? { themeId: q.themeId } : {}) });
  return { from: q.from, to: q.to, themeId: q.themeId ?? null, themeName, ...counts, sentence: formatVisitSentence(counts) };
}

/** The counts as a workbook: one sheet of the figures and the sentence, one by category. */
export async function visitCountsWorkbook(ctx: AppContext, actor: Actor, q: { from: string; to: string; themeId?: string }): Promise<Buffer> {
  const c = await visitCounts(ctx, actor, q);
  const workbook = new ExcelJS.Workbook();
  const figures = workbook.addWorksheet('走访统计');
  figures.columns = [
    { header: '项目', key: 'item', width: 22 },
    { header: '数值', key: 'value', width: 60 },
  ];
  const rows: [string, string | number][] = [
    ['统计期间', `${c.from} 至 ${c.to}`],
    ['走访主题', c.themeName ?? '全部主题'],
    ['走访次数', c.visits],
    ['服务企业家（次）', c.enterpriseVisits],
    ['走访企业数', c.distinctEnterprises],
    ['反映问题（诉求）数', c.demandsRaised],
    ['已解决', c.settled],
    ['按期解决', c.settledOnTime],
    ['工作表述', c.sentence],
  ];
  for (const [item, value] of rows) figures.addRow({ item, value });
  const byCategory = workbook.addWorksheet('按问题分类');
  byCategory.columns = [
    { header: '问题分类', key: 'name', width: 22 },
    { header: '反映数', key: 'raised', width: 12 },
    { header: '已解决', key: 'settled', width: 12 },
  ];
  for (const row of c.byCategory) byCategory.addRow(row);
  for (const sheet of [figures, byCategory]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 企业走访覆盖: the zone's enterprises by last visit, so none is forgotten and none visited too often (无事不扰). */
export async function visitCoverage(ctx: AppContext, actor: Actor, q: CoverageQuery): Promise<CoverageResult> {
  if (!visitPolicy.views(actor)) throw forbidden();
  const { today } = await zoneToday(ctx, actor.zoneId);
  const minWeeks = (await findZone(ctx.db, actor.zoneId))?.visitMinWeeks ?? 0;
  const { rows, total } = await listCoverageRows(ctx.db, actor.zoneId, {
    q: q.q,
    themeId: q.themeId,
    aboveScale: q.aboveScale,
    // 初创: founded within the last three years; an enterprise with no founding date is not one.
    startup: q.startup,
    startupSince: yearsBefore(today, 3),
    cadreId: q.cadreId,
    state: q.state,
    recentAfter: minWeeks > 0 ? addDays(today, -7 * minWeeks) : null,
    yearAgo: yearsBefore(today, 1),
    today,
    sort: q.sort ?? 'lastVisitOn',
    order: q.order ?? 'asc',
    ...pageWindow(q),
  });
  return {
    total,
    minWeeks,
    items: rows.map((r) => ({
      ...r,
      weeksSince: r.lastVisitOn ? Math.floor((toDayNumber(today) - toDayNumber(r.lastVisitOn)) / 7) : null,
      tooSoon: coverageWarning({ lastVisitOn: r.lastVisitOn, plannedOn: today, minWeeks }) !== null,
    })),
  };
}

/** The leader's board: this and next ISO week's visits, and the open demands from their visits (the coordinator sees every leader's). */
export async function leaderVisitBoard(ctx: AppContext, actor: Actor): Promise<LeaderVisitBoard> {
  if (!visitPolicy.board(actor)) throw forbidden();
  const leaderId = hasRole(actor, 'coordinator') ? null : actor.userId;
  const { today } = await zoneToday(ctx, actor.zoneId);
  const calendar = await zoneCalendar(ctx, actor.zoneId);
  const week = isoWeekOf(today);
  const nextMonday = addDays(week.monday, 7);
  const [{ items }, demandIds] = await Promise.all([
    listVisitSummaries(ctx.db, actor.zoneId, {
      scope: { kind: 'all' }, from: week.monday, to: addDays(nextMonday, 6), ...(leaderId ? { leaderId } : {}), withoutCancelled: true, limit: BOARD_VISIT_LIMIT, offset: 0,
    }),
    listOpenVisitDemandIds(ctx.db, actor.zoneId, leaderId, BOARD_DEMAND_LIMIT),
  ]);
  const byId = new Map((await findDemandsByIds(ctx.db, actor.zoneId, demandIds)).map((r) => [r.id, r]));
  return {
    thisWeek: items.filter((v) => v.visitOn < nextMonday),
    nextWeek: items.filter((v) => v.visitOn >= nextMonday),
    openDemands: demandIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [presentSummary(row, calendar, today)] : [];
    }),
  };
}
