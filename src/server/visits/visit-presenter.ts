import type { Queryable } from '../../db/client.js';
import type { VisitSummary } from '../../contracts/visits.js';
import type { HalfDay, VisitStatus } from '../../domain/visits/index.js';
import { listVisitRows, loadVisitChildren, themeRows, userNames, type VisitChildren, type VisitFilter, type VisitRow } from './visits.repository.js';
import type { VisitFacts } from './visits.policy.js';

export function presentVisitSummary(row: VisitRow, children: VisitChildren, names: Map<string, string>, themeName: string | null): VisitSummary {
  return {
    id: row.id,
    number: row.number,
    visitOn: row.visitOn,
    halfDay: row.halfDay as HalfDay,
    status: row.status as VisitStatus,
    leader: { id: row.leaderId, name: names.get(row.leaderId) ?? '' },
    theme: row.themeId && themeName !== null ? { id: row.themeId, name: themeName } : null,
    purpose: row.purpose,
    enterprises: children.enterprises.map((e) => ({ id: e.id, name: e.name })),
    departments: children.departments.filter((d) => d.attended !== false || row.status === 'planned').map((d) => ({ id: d.id, name: d.name })),
    cadres: children.cadres,
    demandCount: children.demandCount,
    openDemandCount: children.openDemandCount,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
  };
}

/** Rows to summaries, with their children loaded in one query per kind. */
export async function presentVisitSummaries(db: Queryable, zoneId: string, rows: VisitRow[]): Promise<VisitSummary[]> {
  const [children, names, themes] = await Promise.all([
    loadVisitChildren(db, zoneId, rows.map((r) => r.id)),
    userNames(db, zoneId, rows.map((r) => r.leaderId)),
    themeRows(db, zoneId, rows.map((r) => r.themeId)),
  ]);
  return rows.map((r) => presentVisitSummary(r, children.get(r.id)!, names, r.themeId ? (themes.get(r.themeId)?.name ?? null) : null));
}

/** One page of visits as summaries (the plan, the leader's board). */
export async function listVisitSummaries(db: Queryable, zoneId: string, filter: VisitFilter): Promise<{ items: VisitSummary[]; total: number }> {
  const { rows, total } = await listVisitRows(db, zoneId, filter);
  return { items: await presentVisitSummaries(db, zoneId, rows), total };
}

/** What the per-visit rules (visits.policy.ts) look at. */
export function visitFactsOf(row: VisitRow, children: VisitChildren): VisitFacts {
  return {
    leaderId: row.leaderId,
    status: row.status as VisitStatus,
    departmentIds: children.departments.map((d) => d.id),
    cadreIds: children.cadres.map((c) => c.id),
    enterpriseCadreIds: children.enterprises.map((e) => e.cadreId).filter((id): id is string => !!id),
  };
}
