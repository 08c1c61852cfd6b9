import type { Queryable } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { BulletinCase, BulletinContent } from '../../contracts/bulletins.js';
import { computeBulletinStats, maskPersonalText, monthBounds, previousMonth } from '../../domain/bulletins/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { countVisits, formatVisitSentence } from '../../domain/visits/index.js';
import { zoneToday } from '../zone/zone-today.js';
import { findZone } from '../zone/zone.repository.js';
import { anonymisationNames } from '../demands/demands.service.js';
import { listDoneVisitsForCounts, listVisitProblems } from '../visits/visit-views.repository.js';
import { listPeopleNames, loadCaseDemands, loadDemandFacts, type BulletinRow } from './bulletins.repository.js';

/** The issuing body printed on every output. */
export const issuingBody = (zoneName: string) => `${zoneName.replace(/（演示）$/, '')}管委会企业服务中心`;

/** The default title of a month's bulletin: "2026年11月企业诉求办理情况通报". */
export function defaultBulletinTitle(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月企业诉求办理情况通报`;
}

/**
 * A typical case in public words: the anonymised text when the demand asks for it, the original
 * otherwise; the enterprise's and people's names and any phone or ID number masked either way.
 * A private demand is never described (it is counted only).
 */
async function publicCase(
  db: Queryable, zoneId: string, timeZone: string, d: Awaited<ReturnType<typeof loadCaseDemands>>[number], people: readonly string[],
): Promise<BulletinCase | null> {
  if (d.confidentiality === 'private') return null;
  const names = await anonymisationNames(db, zoneId, d.enterpriseId);
  const anonymised = d.confidentiality === 'anonymised';
  const mask = (text: string) => maskPersonalText(text, { names: [...names.personNames, ...people], enterpriseNames: anonymised ? names.enterpriseNames : [] });
  const zoneDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone });
  return {
    demandId: d.id,
    number: d.number,
    categoryName: d.categoryName,
    departmentName: d.departmentName,
    title: mask(anonymised ? (d.anonymisedTitle ?? d.title) : d.title),
    description: mask(anonymised ? (d.anonymisedDescription ?? d.description) : d.description),
    answer: d.answer ? mask(d.answer) : null,
    submittedOn: zoneDay(d.submittedAt),
    settledOn: d.settledAt ? zoneDay(d.settledAt) : null,
    settledOnTime: d.settledOnTime,
  };
}

/**
 * What a bulletin says, from the data as it stands: the month's figures (src/domain/bulletins),
 * the picked cases in public words, and the month's visits. A draft shows this live; publishing
 * freezes it into the bulletin's snapshot.
 */
export async function buildBulletinContent(ctx: AppContext, db: Queryable, row: BulletinRow, supersededVersion: number | null): Promise<BulletinContent> {
  const zone = (await findZone(db, row.zoneId))!;
  const { today, timeZone } = await zoneToday(ctx, row.zoneId, db);
  const { from, to } = monthBounds(row.month);
  const prev = monthBounds(previousMonth(row.month));
  const since = prev.from < `${row.month.slice(0, 4)}-01-01` ? prev.from : `${row.month.slice(0, 4)}-01-01`;
  const facts = await loadDemandFacts(db, row.zoneId, since, startOfDayInZone(since, timeZone), timeZone);
  const stats = computeBulletinStats(facts, { month: row.month, today, minRanked: zone.bulletinMinRanked });
  const caseRows = await loadCaseDemands(db, row.zoneId, row.caseIds);
  const byId = new Map(caseRows.map((d) => [d.id, d]));
  const cases: BulletinCase[] = [];
  const people = caseRows.length > 0 ? await listPeopleNames(db, row.zoneId) : [];
  for (const id of row.caseIds) {
    const d = byId.get(id);
    const c = d ? await publicCase(db, row.zoneId, timeZone, d, people) : null;
    if (c) cases.push(c);
  }
  // A private demand is counted, never described: in the overdue list it shows neither number nor category.
  const privateIds = new Set(facts.filter((f) => f.confidentiality === 'private').map((f) => f.id));
  const overdueList = stats.overdueList.map((o) => (privateIds.has(o.id) ? { ...o, number: '（保密诉求）', categoryName: '—' } : o));
  // One after the other: `db` may be a transaction's single connection.
  const visits = await listDoneVisitsForCounts(db, row.zoneId, from, to);
  const problems = await listVisitProblems(db, row.zoneId, from, to);
  const counts = countVisits({ visits, demands: problems, from, to });
  return {
    month: row.month,
    version: row.version,
    title: row.title,
    intro: row.intro,
    zoneName: zone.name,
    issuedBy: issuingBody(zone.name),
    issuedOn: row.publishedAt ? row.publishedAt.toLocaleDateString('sv-SE', { timeZone }) : today,
    stats: { ...stats, overdueList },
    cases,
    visits: {
      visits: counts.visits,
      enterpriseVisits: counts.enterpriseVisits,
      distinctEnterprises: counts.distinctEnterprises,
      demandsRaised: counts.demandsRaised,
      settled: counts.settled,
      sentence: formatVisitSentence(counts),
    },
    correction: row.correctionReason && supersededVersion !== null ? { reason: row.correctionReason, supersedesVersion: supersededVersion } : null,
  };
}
