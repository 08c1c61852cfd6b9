import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Queryable } from '../../db/client.js';
import {
  DEMAND_STATUSES, OPEN_STATUSES, anonymiseDemandText, availableDemandActions, rankSimilar, seesInternalNotes, type DemandStatus,
} from '../../domain/demands/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { addDays } from '../../domain/calendar/index.js';
import { hasRole } from '../../domain/identity/actor.js';
import type { DemandCreate, DemandDetail, DemandPatch, DemandQuery, DemandSummary } from '../../contracts/demands.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { checkQueryDays } from '../platform/query-days.js';
import { zoneToday } from '../zone/zone-today.js';
import { zoneCalendar } from '../calendar/calendar.service.js';
import { findUserById } from '../identity/identity.repository.js';
import { findEnterpriseRow, loadEnterpriseChildren } from '../enterprises/enterprises.repository.js';
import { channelsFor, demandListScope, demandPolicy } from './demands.policy.js';
import { presentDetail, presentSummary } from './demand-presenter.js';
import { searchQuery, searchTokens } from './search-tokens.js';
import { decideOrThrow, envOf, factsOf, loadForChange, writeChange, type Env } from './demand-change.js';
import {
  findCategory, findDemandListRow, insertDemand, listAssisting, listAttachments, listEvents, listExtensions, listMergedFrom,
  listDemandRows, listOpenDemandsOfEnterprise, nextCounter, type DemandListRow,
} from './demands.repository.js';
import { demandParties, type Confidentiality, type DemandChannel, type DemandParty } from '../../domain/demands/index.js';

/** The statuses a `status` filter names ("open" = every status before the end). */
export function parseStatuses(value: string | undefined): DemandStatus[] | undefined {
  if (!value) return undefined;
  const out = new Set<DemandStatus>();
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (part === 'open') OPEN_STATUSES.forEach((s) => out.add(s));
    else if ((DEMAND_STATUSES as readonly string[]).includes(part)) out.add(part as DemandStatus);
    else throw new DomainError('VALIDATION_FAILED', [fieldError('querystring.status', 'status-unknown', { value: part })]);
  }
  return [...out];
}

export async function listDemands(ctx: AppContext, actor: Actor, q: DemandQuery): Promise<{ items: DemandSummary[]; total: number }> {
  checkQueryDays({ from: q.from, to: q.to });
  const { today, timeZone } = await zoneToday(ctx, actor.zoneId);
  const calendar = await zoneCalendar(ctx, actor.zoneId);
  const tsquery = q.q ? searchQuery(q.q) : null;
  const { rows, total } = await listDemandRows(ctx.db, actor.zoneId, {
    scope: demandListScope(actor),
    statuses: parseStatuses(q.status),
    categoryCode: q.categoryCode,
    departmentId: q.departmentId,
    enterpriseId: q.enterpriseId,
    visitId: q.visitId,
    channel: q.channel,
    overdue: q.overdue,
    provisional: q.provisional,
    escalated: q.escalated,
    flagged: q.flagged,
    pendingExtension: q.pendingExtension,
    submittedFrom: q.from ? startOfDayInZone(q.from, timeZone) : undefined,
    submittedBefore: q.to ? startOfDayInZone(addDays(q.to, 1), timeZone) : undefined,
    // A search with no usable word finds nothing rather than everything ('' = match nothing).
    tsquery: q.q ? (tsquery ?? '') : undefined,
    today,
    sort: q.sort,
    order: q.order,
    ...pageWindow(q),
  });
  return { total, items: rows.map((r) => presentSummary(r, calendar, today)) };
}

/**
 * The demand as `actor` sees it. `formerParties`: how the actor stood to the demand before a change
 * that took its part away (a department returning it), so the change is answered with the demand as
 * it left that department rather than with "not found".
 */
export async function getDemand(ctx: AppContext, actor: Actor, id: string, db: Queryable = ctx.db, formerParties?: Set<DemandParty>): Promise<DemandDetail> {
  const row = await findDemandListRow(db, actor.zoneId, id);
  if (!row) throw notFound();
  const assisting = (await listAssisting(db, actor.zoneId, [id])).get(id) ?? [];
  const current = demandParties(actor, factsOf(row, assisting.map((d) => d.id)));
  const parties = current.size === 0 && formerParties ? formerParties : current;
  if (parties.size === 0) throw notFound();
  return presentDemand(ctx, db, row, assisting, parties, actor);
}

async function presentDemand(
  ctx: AppContext, db: Queryable, row: DemandListRow, assisting: { id: string; name: string }[], parties: ReturnType<typeof demandParties>, actor: Actor,
): Promise<DemandDetail> {
  const { today } = await zoneToday(ctx, actor.zoneId, db);
  const calendar = await zoneCalendar(ctx, actor.zoneId, db);
  const [events, extensions, attachments, mergedFrom, mergedInto, submitter, leader] = await Promise.all([
    listEvents(db, actor.zoneId, row.id),
    listExtensions(db, actor.zoneId, row.id),
    listAttachments(db, actor.zoneId, row.id),
    listMergedFrom(db, actor.zoneId, row.id),
    row.mergedIntoId ? findDemandListRow(db, actor.zoneId, row.mergedIntoId) : Promise.resolve(undefined),
    row.submittedBy ? findUserById(db, actor.zoneId, row.submittedBy) : Promise.resolve(undefined),
    row.ownerLeaderId ? findUserById(db, actor.zoneId, row.ownerLeaderId) : Promise.resolve(undefined),
  ]);
  const internal = seesInternalNotes(parties);
  const confirmBy = row.status === 'settled' ? confirmationDeadline(events) : null;
  return presentDetail(
    presentSummary(row, calendar, today),
    {
      description: row.description,
      anonymisedTitle: row.anonymisedTitle,
      anonymisedDescription: row.anonymisedDescription,
      submittedByName: submitter?.displayName ?? null,
      ownerLeaderId: row.ownerLeaderId,
      ownerLeaderName: leader?.displayName ?? null,
      assistingDepartments: assisting,
      declineReason: row.declineReason,
      answer: row.answer,
      settledAt: row.settledAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      resolved: row.resolved,
      confirmComment: row.confirmComment,
      confirmBy,
      pausedDays: row.pausedDays,
      waitingSince: row.waitingSince,
      mergedInto: mergedInto ? { id: mergedInto.id, number: mergedInto.number, title: mergedInto.title, status: mergedInto.status as DemandStatus } : null,
      mergedFrom: mergedFrom.map((m) => ({ ...m, status: m.status as DemandStatus })),
      extensions: extensions.map((x) => ({
        id: x.id,
        requestedDueOn: x.requestedDueOn,
        previousDueOn: x.previousDueOn,
        reason: x.reason,
        status: x.status as 'pending' | 'approved' | 'refused',
        requestedAt: x.requestedAt.toISOString(),
        decidedAt: x.decidedAt?.toISOString() ?? null,
        decisionNote: x.decisionNote,
      })),
      attachments: attachments.map((a) => ({
        id: a.attachment.id,
        fileName: a.attachment.fileName,
        contentType: a.attachment.contentType,
        size: a.attachment.size,
        internal: a.attachment.internal,
        uploadedAt: a.attachment.uploadedAt.toISOString(),
        uploadedByName: a.uploadedByName,
      })),
      timeline: events,
    },
    availableDemandActions({ status: row.status as DemandStatus, hasPendingExtension: row.hasPendingExtension }, parties),
    internal,
  );
}

/** The last "settled" entry carries the day by which the enterprise should confirm. */
function confirmationDeadline(events: { kind: string; data: unknown }[]): string | null {
  const settled = [...events].reverse().find((e) => e.kind === 'settled');
  const by = (settled?.data as { confirmBy?: string } | undefined)?.confirmBy;
  return by ?? null;
}

/** Names that must not appear in public text: the enterprise's names and its contacts' names. */
export async function anonymisationNames(db: Queryable, zoneId: string, enterpriseId: string): Promise<{ enterpriseNames: string[]; personNames: string[] }> {
  const enterprise = await findEnterpriseRow(db, zoneId, enterpriseId);
  const children = await loadEnterpriseChildren(db, zoneId, enterpriseId);
  const personNames = [enterprise?.legalRepresentative, ...children.contacts.map((c) => c.name)].filter((n): n is string => !!n);
  return { enterpriseNames: enterprise ? [enterprise.name] : [], personNames };
}

function tokensFor(number: string, title: string, description: string, enterpriseName: string): string {
  return searchTokens(`${number} ${title} ${description} ${enterpriseName}`);
}

export async function createDemand(ctx: AppContext, actor: Actor, input: DemandCreate): Promise<DemandDetail> {
  if (!demandPolicy.create(actor)) throw forbidden();
  const errors: KeyedFieldError[] = [];
  const isEnterpriseUser = hasRole(actor, 'enterprise') && channelsFor(actor).length === 1;
  let enterpriseId = input.enterpriseId;
  if (isEnterpriseUser) {
    if (enterpriseId && enterpriseId !== actor.enterpriseId) errors.push(fieldError('enterpriseId', 'own-enterprise-only'));
    enterpriseId = actor.enterpriseId ?? undefined;
  }
  const enterprise = enterpriseId ? await findEnterpriseRow(ctx.db, actor.zoneId, enterpriseId) : undefined;
  if (!enterpriseId) errors.push(fieldError('enterpriseId', 'required'));
  else if (!enterprise) errors.push(fieldError('enterpriseId', 'enterprise-not-found'));
  const allowed = channelsFor(actor);
  const channel = input.channel ?? allowed[0]!;
  if (!allowed.includes(channel)) errors.push(fieldError('channel', 'channel-not-allowed'));
  const category = await findCategory(ctx.db, actor.zoneId, input.categoryCode);
  if (!category || !category.active) errors.push(fieldError('categoryCode', 'category-not-found'));
  let ownerLeaderId = input.ownerLeaderId ?? (hasRole(actor, 'leader') && channel === 'visit' ? actor.userId : null);
  if (input.ownerLeaderId) {
    const leader = await findUserById(ctx.db, actor.zoneId, input.ownerLeaderId);
    if (!leader || !leader.active || !leader.roles.includes('leader')) errors.push(fieldError('ownerLeaderId', 'leader-not-found'));
  }
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
  // Otherwise the enterprise's liaison leader (包联领导) owns it, while still an active leader; else every leader is escalated to.
  if (!ownerLeaderId && enterprise?.leaderId) {
    const leader = await findUserById(ctx.db, actor.zoneId, enterprise.leaderId);
    if (leader?.active && leader.roles.includes('leader')) ownerLeaderId = leader.id;
  }
  ownerLeaderId ??= null;
  const id = await inTransaction(ctx.db, async (tx) => {
    const env = await envOf(ctx, tx, actor.zoneId);
    return (await insertNewDemand(env, actor, {
      enterprise: enterprise!, title: input.title, description: input.description, category: category!, channel,
      confidentiality: input.confidentiality ?? 'public', ownerLeaderId, visitId: null,
    })).id;
  });
  return getDemand(ctx, actor, id);
}

/**
 * Files a new demand inside the caller's transaction: its number, the anonymised text, the search
 * tokens, the "submitted" timeline entry, the audit entry and the coordinator's notification. The
 * caller has checked the enterprise, the category and the channel. Used by the intake form and by
 * a visit's on-site office (which then assigns it at once).
 */
export async function insertNewDemand(
  env: Env,
  actor: Actor,
  input: {
    enterprise: { id: string; name: string };
    title: string;
    description: string;
    category: { code: string; name: string };
    channel: DemandChannel;
    confidentiality: Confidentiality;
    ownerLeaderId: string | null;
    visitId: string | null;
  },
  options: { notifyCoordinator?: boolean } = {},
): Promise<DemandListRow> {
  const { tx } = env;
  const zoneId = actor.zoneId;
  const title = input.title.trim();
  const description = input.description.trim();
  const names = await anonymisationNames(tx, zoneId, input.enterprise.id);
  const id = randomUUID();
  const year = env.today.slice(0, 4);
  const number = `SQ${year}-${String(await nextCounter(tx, zoneId, `demand:${year}`)).padStart(5, '0')}`;
  await insertDemand(tx, {
    zoneId,
    id,
    number,
    enterpriseId: input.enterprise.id,
    title,
    description,
    categoryCode: input.category.code,
    channel: input.channel,
    confidentiality: input.confidentiality,
    anonymisedTitle: anonymiseDemandText(title, names),
    anonymisedDescription: anonymiseDemandText(description, names),
    status: 'submitted',
    submittedBy: actor.userId,
    submittedAt: env.now,
    ownerLeaderId: input.ownerLeaderId,
    visitId: input.visitId,
    searchTokens: tokensFor(number, title, description, input.enterprise.name),
  });
  const row = (await findDemandListRow(tx, zoneId, id))!;
  await writeChange(env, actor, row, {
    action: 'created',
    patch: {},
    events: [{ kind: 'submitted', data: { channel: input.channel, categoryName: input.category.name } }],
    notifications: options.notifyCoordinator === false ? [] : [{ to: { roles: ['coordinator'] }, kind: 'demand.submitted', entity: 'demand', entityId: id, params: { number, title } }],
  });
  return row;
}

/** The coordinator corrects the classification, the confidentiality or the public (anonymised) text. */
export async function patchDemand(ctx: AppContext, actor: Actor, id: string, patch: DemandPatch): Promise<DemandDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const { row, parties } = await loadForChange(tx, actor, id);
    decideOrThrow(row, parties, 'edit');
    const errors: KeyedFieldError[] = [];
    if (patch.categoryCode && patch.categoryCode !== row.categoryCode) {
      const category = await findCategory(tx, actor.zoneId, patch.categoryCode);
      if (!category || !category.active) errors.push(fieldError('categoryCode', 'category-not-found'));
    }
    if (patch.ownerLeaderId) {
      const leader = await findUserById(tx, actor.zoneId, patch.ownerLeaderId);
      if (!leader || !leader.active || !leader.roles.includes('leader')) errors.push(fieldError('ownerLeaderId', 'leader-not-found'));
    }
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
    const changes: Record<string, unknown> = { ...patch };
    if (patch.title !== undefined) changes.title = patch.title.trim();
    if (patch.description !== undefined) changes.description = patch.description.trim();
    const title = (changes.title as string | undefined) ?? row.title;
    const description = (changes.description as string | undefined) ?? row.description;
    if (patch.title !== undefined || patch.description !== undefined) {
      changes.searchTokens = tokensFor(row.number, title, description, row.enterpriseName);
      const names = await anonymisationNames(tx, actor.zoneId, row.enterpriseId);
      if (patch.anonymisedTitle === undefined && patch.title !== undefined) changes.anonymisedTitle = anonymiseDemandText(title, names);
      if (patch.anonymisedDescription === undefined && patch.description !== undefined) changes.anonymisedDescription = anonymiseDemandText(description, names);
    }
    await writeChange(await envOf(ctx, tx, actor.zoneId), actor, row, {
      action: 'edited',
      patch: changes,
      events: [{ kind: 'edited', internal: true, data: { fields: Object.keys(patch) } }],
    });
  });
  return getDemand(ctx, actor, id);
}

/** Open demands of the same enterprise that read like `text`: offered while a demand is typed, so it is not filed twice. */
export async function similarDemands(ctx: AppContext, actor: Actor, q: { enterpriseId?: string; text: string; excludeId?: string }) {
  if (!demandPolicy.create(actor) && !demandPolicy.listAll(actor)) throw forbidden();
  const enterpriseId = hasRole(actor, 'enterprise') && channelsFor(actor).length === 1 ? actor.enterpriseId : q.enterpriseId;
  if (!enterpriseId) return { items: [] };
  const enterprise = await findEnterpriseRow(ctx.db, actor.zoneId, enterpriseId);
  if (!enterprise) return { items: [] };
  // Only demands the actor may read (a cadre: its own enterprises' and what it filed), as getDemand would answer.
  const readable = (d: { status: string; submittedBy: string | null; leadDepartmentId: string | null }) => demandParties(actor, {
    status: d.status as DemandStatus, enterpriseId, enterpriseCadreId: enterprise.cadreId, submittedBy: d.submittedBy,
    leadDepartmentId: d.leadDepartmentId, assistingDepartmentIds: [], hasPendingExtension: false,
  }).size > 0;
  const candidates = (await listOpenDemandsOfEnterprise(ctx.db, actor.zoneId, enterpriseId)).filter((d) => d.id !== q.excludeId && readable(d));
  const ranked = rankSimilar(q.text, candidates.map((d) => ({ item: d, text: `${d.title} ${d.description}` })));
  return {
    items: ranked.map(({ item, score }) => ({ id: item.id, number: item.number, title: item.title, status: item.status as DemandStatus, score: Math.round(score * 100) / 100 })),
  };
}
