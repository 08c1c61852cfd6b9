import type { DemandDetail, DemandSummary, TimelineEvent } from '../../contracts/demands.js';
import {
  BOUNCE_FLAG_THRESHOLD, HANDLING_STATUSES, countdown, type DemandAction, type DemandChannel, type Confidentiality, type DemandStatus,
  type Satisfaction,
} from '../../domain/demands/index.js';
import type { WorkingCalendar } from '../../domain/calendar/index.js';
import type { DemandEventRow, DemandListRow } from './demands.repository.js';

/** What leaves the server for a demand in a list. */
export function presentSummary(row: DemandListRow, calendar: WorkingCalendar, today: string): DemandSummary {
  const running = HANDLING_STATUSES.includes(row.status as DemandStatus) && row.status !== 'waiting' && row.dueOn !== null;
  let cd: DemandSummary['countdown'] = null;
  if (running) {
    try {
      cd = countdown(calendar, today, row.dueOn!);
    } catch {
      cd = null;
    }
  }
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    categoryCode: row.categoryCode,
    categoryName: row.categoryName,
    channel: row.channel as DemandChannel,
    visitId: row.visitId,
    confidentiality: row.confidentiality as Confidentiality,
    status: row.status as DemandStatus,
    leadDepartmentId: row.leadDepartmentId,
    leadDepartmentName: row.leadDepartmentName,
    submittedAt: row.submittedAt.toISOString(),
    dueOn: row.dueOn,
    provisional: row.dueProvisional && HANDLING_STATUSES.includes(row.status as DemandStatus),
    countdown: cd,
    extended: row.extended,
    hasPendingExtension: row.hasPendingExtension,
    bounceCount: row.bounceCount,
    flagged: row.bounceCount > BOUNCE_FLAG_THRESHOLD,
    reopenCount: row.reopenCount,
    escalationLevel: row.escalationLevel,
    settledOnTime: row.settledOnTime,
    confirmedByDefault: row.confirmedByDefault,
    satisfaction: row.satisfaction as Satisfaction | null,
  };
}

export function presentEvent(e: DemandEventRow): TimelineEvent {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorName: e.actorName,
    kind: e.kind,
    internal: e.internal,
    note: e.note,
    data: (e.data ?? {}) as Record<string, unknown>,
  };
}

export type DetailParts = Omit<DemandDetail, keyof DemandSummary | 'actions' | 'timeline'> & { timeline: DemandEventRow[] };

/** The whole story; internal notes and the anonymised drafts only for the administration's people. */
export function presentDetail(summary: DemandSummary, parts: DetailParts, actions: DemandAction[], internal: boolean): DemandDetail {
  return {
    ...summary,
    ...parts,
    anonymisedTitle: internal ? parts.anonymisedTitle : null,
    anonymisedDescription: internal ? parts.anonymisedDescription : null,
    attachments: parts.attachments.filter((a) => internal || !a.internal),
    // Requests and refusals are internal (their timeline entries are); an approved extension is shown with its reason.
    extensions: parts.extensions.filter((x) => internal || x.status === 'approved'),
    timeline: parts.timeline.filter((e) => internal || !e.internal).map(presentEvent),
    actions,
  };
}
