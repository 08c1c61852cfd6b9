import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import {
  BRIEF_EXPIRY_MONTHS, BRIEF_FIGURE_YEARS, BRIEF_PREVIOUS_VISITS, BRIEF_SETTLED_DAYS,
  type BriefDemand, type BriefEnterprise, type BriefFigureYear, type BriefQualification, type FigureChange, type RatioChange, type VisitBrief,
} from '../../contracts/visit-brief.js';
import type { HalfDay, VisitStatus } from '../../domain/visits/index.js';
import { addDays, parseIsoDate, yearOf } from '../../domain/calendar/index.js';
import { dateInZone, startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { findIndustryDivision, INDUSTRY_SECTIONS, type QualificationKind } from '../../domain/enterprises/index.js';
import { UNSETTLED_STATUSES, type DemandStatus } from '../../domain/demands/index.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { presentSummary } from '../demands/demand-presenter.js';
import { findDemandsByIds, type DemandListRow } from '../demands/demands.repository.js';
import {
  findEnterpriseRow, loadEnterpriseChildren, type ContactRow, type FigureRow, type QualificationRow,
} from '../enterprises/enterprises.repository.js';
import { themeRows, userNames } from './visits.repository.js';
import { loadReadable, readableDemands } from './visits.service.js';
import { briefDemandIds, enterpriseThemeNames, listPreviousVisits } from './visit-brief.repository.js';
import { buildVisitBriefDocx } from './visit-brief.docx.js';
import { briefCultivation } from './visit-brief-cultivation.js';
import { loadProfileSources, profileFromSources, profileSourceOptions } from '../cultivation/cultivation-profile-source.repository.js';
import { zoneCultivationConfig } from '../cultivation/cultivation-settings.service.js';

/**
 * 走访简报 (问需于企): per enterprise of a visit, what the leader should know before going —
 * profile, three years of figures and their trends, open and recently settled demands with their
 * countdowns, qualifications, and the earlier visits. Reading writes nothing; the .docx export is
 * recorded in the audit trail.
 */
export async function getVisitBrief(ctx: AppContext, actor: Actor, visitId: string): Promise<VisitBrief> {
  // What the actor may not read is answered as not found (enterprise users included).
  const { row: visit, children } = await loadReadable(ctx.db, actor, visitId);
  const [leaderNames, themes] = await Promise.all([
    userNames(ctx.db, actor.zoneId, [visit.leaderId]),
    themeRows(ctx.db, actor.zoneId, [visit.themeId]),
  ]);
  const theme = visit.themeId ? themes.get(visit.themeId) : undefined;

  const { today, timeZone } = await zoneToday(ctx, actor.zoneId);
  const calendar = await zoneCalendar(ctx, actor.zoneId);
  const enterpriseIds = children.enterprises.map((e) => e.id);
  const settledSince = startOfDayInZone(addDays(today, -BRIEF_SETTLED_DAYS), timeZone);
  const [demandIds, themesBy, previous] = await Promise.all([
    briefDemandIds(ctx.db, actor.zoneId, enterpriseIds, visitId, settledSince),
    enterpriseThemeNames(ctx.db, actor.zoneId, enterpriseIds),
    listPreviousVisits(ctx.db, actor.zoneId, enterpriseIds, visitId, visit.visitOn),
  ]);
  // Only the demands the actor may read: a department its own, a liaison cadre its enterprises'.
  const demandRows = await readableDemands(ctx.db, actor, await findDemandsByIds(ctx.db, actor.zoneId, demandIds));
  // 可申报资质: each enterprise on the cultivation ladder today, from its figures, titles and declarations.
  const cultivationConfig = await zoneCultivationConfig(ctx.db, actor.zoneId);
  const profileSources = new Map((await loadProfileSources(ctx.db, actor.zoneId, enterpriseIds, profileSourceOptions(today))).map((s) => [s.enterprise.id, s]));

  const enterprises: BriefEnterprise[] = [];
  for (const id of enterpriseIds) {
    const row = await findEnterpriseRow(ctx.db, actor.zoneId, id);
    if (!row) continue;
    const children = await loadEnterpriseChildren(ctx.db, actor.zoneId, id);
    const names = await userNames(ctx.db, actor.zoneId, [row.cadreId, row.leaderId]);
    const named = (userId: string | null) => (userId && names.has(userId) ? { id: userId, name: names.get(userId)! } : null);
    const own = demandRows.filter((d) => d.enterpriseId === id);
    const { open, settled } = splitDemands(own, visitId, calendar, today, timeZone);
    enterprises.push({
      profile: {
        id: row.id,
        name: row.name,
        uscc: row.uscc,
        legalRepresentative: row.legalRepresentative,
        industry: industryName(row.industryDivision, row.industrySection),
        address: row.address,
        foundedOn: row.foundedOn,
        aboveScale: row.aboveScale,
        cadre: named(row.cadreId),
        leader: named(row.leaderId),
        themes: themesBy.get(id) ?? [],
        contact: primaryContact(children.contacts),
      },
      figures: briefFigures(children.figures, figureEndYear(children.figures, today)),
      openDemands: open,
      settledDemands: settled,
      gatheredCount: own.filter((d) => d.visitId === visitId).length,
      qualifications: heldQualifications(children.qualifications, today),
      prospects: {
        available: profileSources.has(id),
        pendingModules: ['policies'],
        cultivation: profileSources.has(id) ? briefCultivation(profileFromSources(profileSources.get(id)!, today), today, cultivationConfig) : null,
      },
      previousVisits: previous
        .filter((v) => v.enterpriseId === id)
        .slice(0, BRIEF_PREVIOUS_VISITS)
        .map((v) => ({
          id: v.id, number: v.number, visitOn: v.visitOn, halfDay: v.halfDay as HalfDay, leaderName: v.leaderName, themeName: v.themeName, problemCount: v.problemCount,
        })),
    });
  }

  return {
    visit: {
      id: visit.id,
      number: visit.number,
      visitOn: visit.visitOn,
      halfDay: visit.halfDay as HalfDay,
      status: visit.status as VisitStatus,
      leader: { id: visit.leaderId, name: leaderNames.get(visit.leaderId) ?? '' },
      theme: theme ? { id: theme.id, name: theme.name, guidingQuestions: theme.guidingQuestions ?? [] } : null,
      purpose: visit.purpose,
      departments: children.departments.map((d) => ({ id: d.id, name: d.name })),
      cadres: children.cadres,
    },
    generatedOn: today,
    windows: { settledDays: BRIEF_SETTLED_DAYS, expiryMonths: BRIEF_EXPIRY_MONTHS },
    enterprises,
  };
}

/** The brief as a Word document to print; the export is recorded in the audit trail. */
export async function exportVisitBrief(ctx: AppContext, actor: Actor, visitId: string): Promise<{ buffer: Buffer; fileName: string }> {
  const brief = await getVisitBrief(ctx, actor, visitId);
  const buffer = await buildVisitBriefDocx(brief);
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, actor, {
      action: 'visit.brief-exported',
      entity: 'visit',
      entityId: visitId,
      after: { number: brief.visit.number, enterprises: brief.enterprises.length },
    }));
  return { buffer, fileName: `走访简报-${brief.visit.number}.docx` };
}

// ─── Presenting (pure) ───────────────────────────────────────────────────────

const SETTLED: readonly DemandStatus[] = ['settled', 'closed'];
const ANSWER_SUMMARY_CHARS = 80;

/** Open demands (gathered into the visit first, then by deadline) and settled ones (newest first). */
export function splitDemands(rows: DemandListRow[], visitId: string, calendar: Parameters<typeof presentSummary>[1], today: string, timeZone: string) {
  const present = (r: DemandListRow): BriefDemand => ({
    ...presentSummary(r, calendar, today),
    gathered: r.visitId === visitId,
    settledOn: r.settledAt && SETTLED.includes(r.status as DemandStatus) ? dateInZone(r.settledAt, timeZone) : null,
    answerSummary: SETTLED.includes(r.status as DemandStatus) ? summarise(r.answer) : null,
  });
  const open = rows
    .filter((r) => UNSETTLED_STATUSES.includes(r.status as DemandStatus))
    .sort((a, b) =>
      Number(b.visitId === visitId) - Number(a.visitId === visitId)
      || compareNullableDates(a.dueOn, b.dueOn)
      || a.submittedAt.getTime() - b.submittedAt.getTime())
    .map(present);
  const settled = rows
    .filter((r) => SETTLED.includes(r.status as DemandStatus))
    .sort((a, b) => (b.settledAt?.getTime() ?? 0) - (a.settledAt?.getTime() ?? 0))
    .map(present);
  return { open, settled };
}

const compareNullableDates = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The start of a settled demand's answer, on one line. */
export function summarise(text: string | null, max = ANSWER_SUMMARY_CHARS): string | null {
  if (!text) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  return [...line].length > max ? `${[...line].slice(0, max).join('')}…` : line;
}

/**
 * The last year the brief shows: the latest year reported (not after this year), but never
 * earlier than last year — years an enterprise has not reported show as missing, they are not
 * silently replaced by older ones.
 */
export function figureEndYear(rows: readonly Pick<FigureRow, 'year'>[], today: string): number {
  const thisYear = yearOf(today);
  const latest = Math.max(...rows.map((r) => r.year).filter((y) => y <= thisYear), -Infinity);
  return Math.max(thisYear - 1, latest);
}

type FigureValues = Pick<FigureRow, 'employees' | 'revenue' | 'rdExpense' | 'ipInvention' | 'ipUtilityModel' | 'ipDesign' | 'ipSoftware' | 'ipOther'>;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const trendOf = (diff: number) => (diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat') as FigureChange['trend'];

/** Change on the year before; null when either is missing. */
export function changeOf(previous: number | null | undefined, current: number | null | undefined): FigureChange | null {
  if (previous === null || previous === undefined || current === null || current === undefined) return null;
  const diff = current - previous;
  return { trend: trendOf(diff), percent: previous === 0 ? null : round((diff / Math.abs(previous)) * 100, 1) };
}

export function ratioChangeOf(previous: number | null, current: number | null): RatioChange | null {
  if (previous === null || current === null) return null;
  const points = round(current - previous, 2);
  return { trend: trendOf(points), points };
}

function valuesOf(row: FigureValues | undefined) {
  const ips = row ? [row.ipInvention, row.ipUtilityModel, row.ipDesign, row.ipSoftware, row.ipOther] : [];
  const reportedIps = ips.filter((n): n is number => n !== null);
  const revenue = row?.revenue ?? null;
  const rdExpense = row?.rdExpense ?? null;
  return {
    employees: row?.employees ?? null,
    revenue,
    rdExpense,
    rdRatio: revenue !== null && rdExpense !== null && revenue > 0 ? round((rdExpense / revenue) * 100, 2) : null,
    ipInvention: row?.ipInvention ?? null,
    ipUtilityModel: row?.ipUtilityModel ?? null,
    ipDesign: row?.ipDesign ?? null,
    ipSoftware: row?.ipSoftware ?? null,
    ipOther: row?.ipOther ?? null,
    ipTotal: reportedIps.length === 0 ? null : reportedIps.reduce((a, b) => a + b, 0),
  };
}

/** BRIEF_FIGURE_YEARS years ending at `endYear`, oldest first; each year's change is on the year before (also for the first one, when reported). */
export function briefFigures(rows: readonly (FigureValues & { year: number })[], endYear: number): BriefFigureYear[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: BriefFigureYear[] = [];
  for (let year = endYear - BRIEF_FIGURE_YEARS + 1; year <= endYear; year += 1) {
    const cur = valuesOf(byYear.get(year));
    const prev = valuesOf(byYear.get(year - 1));
    out.push({
      year,
      reported: byYear.has(year),
      ...cur,
      changes: {
        employees: changeOf(prev.employees, cur.employees),
        revenue: changeOf(prev.revenue, cur.revenue),
        rdExpense: changeOf(prev.rdExpense, cur.rdExpense),
        rdRatio: ratioChangeOf(prev.rdRatio, cur.rdRatio),
        ipTotal: changeOf(prev.ipTotal, cur.ipTotal),
      },
    });
  }
  return out;
}

/** `months` calendar months after an ISO date, the day clamped to the month's end (08-31 + 6 → 02-28/29). */
export function addMonths(date: string, months: number): string {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`not an ISO date: ${date}`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(p.day, last))}`;
}

/** Qualifications valid today, flagged when they end within BRIEF_EXPIRY_MONTHS months; those ending first come first. */
export function heldQualifications(rows: readonly QualificationRow[], today: string): BriefQualification[] {
  const horizon = addMonths(today, BRIEF_EXPIRY_MONTHS);
  return rows
    .filter((q) => q.validFrom <= today && (q.validUntil === null || q.validUntil >= today))
    .sort((a, b) => compareNullableDates(a.validUntil, b.validUntil))
    .map((q) => ({
      kind: q.kind as QualificationKind,
      name: q.name,
      certificateNo: q.certificateNo,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
      expiringSoon: q.validUntil !== null && q.validUntil <= horizon,
    }));
}

function primaryContact(contacts: readonly ContactRow[]): BriefEnterprise['profile']['contact'] {
  const c = [...contacts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.position - b.position)[0];
  return c ? { name: c.name, title: c.title, phone: c.phone } : null;
}

function industryName(division: string | null, section: string | null): string | null {
  if (division) {
    const d = findIndustryDivision(division);
    if (d) return d.name;
  }
  return INDUSTRY_SECTIONS.find((s) => s.code === section)?.name ?? null;
}
