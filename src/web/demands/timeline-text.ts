import type { TFunction } from 'i18next';
import { i18next } from '../i18n/index.js';
import { formatDate } from '../app/format.js';
import type { TimelineEvent } from './demand-types.js';

/** The kinds the timeline has words for; anything else is shown generically. */
export const KNOWN_EVENT_KINDS = [
  'submitted', 'accepted', 'declined', 'assigned', 'reassigned', 'acknowledged', 'progress', 'input_requested', 'returned',
  'extension_requested', 'extension_approved', 'extension_refused', 'waiting', 'resumed', 'settled', 'confirmed', 'reopened',
  'closed', 'auto_closed', 'merged_into', 'merged_from', 'reminded', 'escalated', 'edited', 'attachment_added',
  // Also written by the server: an assisting department's note, and the third return flagging the demand.
  'input', 'flagged',
  // 问需于企: gathered into a visit before it, or taken out of it again.
  'gathered', 'ungathered',
] as const;
type KnownKind = (typeof KNOWN_EVENT_KINDS)[number];

export function isKnownKind(kind: string): kind is KnownKind {
  return (KNOWN_EVENT_KINDS as readonly string[]).includes(kind);
}

const RED: readonly string[] = ['declined', 'returned', 'flagged', 'extension_refused', 'reopened', 'escalated'];
const GREEN: readonly string[] = ['settled', 'confirmed', 'closed', 'auto_closed', 'extension_approved'];

export function eventColor(event: TimelineEvent): string {
  if (RED.includes(event.kind)) return 'red';
  if (GREEN.includes(event.kind)) return 'green';
  if (event.internal) return 'gray';
  return 'blue';
}

/** "提交了诉求", "分派至…", or the kind itself for one the web does not know yet. */
export function eventTitle(event: TimelineEvent, t: TFunction): string {
  if (isKnownKind(event.kind)) return t(`demands.events.${event.kind}`);
  return t('demands.events.unknown', { kind: event.kind });
}

function str(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = data[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}

function list(data: Record<string, unknown>, ...keys: string[]): string[] | undefined {
  for (const key of keys) {
    const v = data[key];
    if (Array.isArray(v)) {
      const names = v.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null && 'name' in x ? String((x as { name: unknown }).name) : '')).filter(Boolean);
      if (names.length) return names;
    }
  }
  return undefined;
}

/** Department names by id, to name the departments an event lists by id. */
export type DepartmentNames = (id: string) => string | undefined;

/** The facts an event carries (departments, dates, satisfaction …), as short labelled lines. */
export function eventDetails(event: TimelineEvent, t: TFunction, departmentName: DepartmentNames): string[] {
  const d = event.data;
  const lines: string[] = [];
  const names = (...keys: string[]) => {
    const named = list(d, ...keys.map((k) => `${k}Names`));
    if (named) return named;
    const ids = list(d, ...keys.map((k) => `${k}Ids`));
    return ids?.map((id) => departmentName(id) ?? t('demands.eventData.unknownDepartment'));
  };
  const due = (key: string) => {
    const date = str(d, key);
    return date ? formatDate(date) : undefined;
  };

  switch (event.kind) {
    case 'submitted': {
      const channel = str(d, 'channel');
      if (channel && i18next.exists(`demands.channels.${channel}`)) lines.push(t('demands.eventData.channel', { name: t(`demands.channels.${channel as 'portal'}`) }));
      break;
    }
    case 'assigned':
    case 'reassigned': {
      const lead = str(d, 'leadDepartmentName');
      if (lead) lines.push(t('demands.eventData.lead', { name: lead }));
      const assisting = names('assistingDepartment');
      if (assisting?.length) lines.push(t('demands.eventData.assisting', { names: assisting.join('、') }));
      const date = due('dueOn');
      if (date) {
        const days = typeof d.days === 'number' ? t('demands.eventData.days', { n: d.days }) : '';
        const provisional = d.provisional === true ? t('demands.eventData.provisional') : '';
        lines.push(`${t('demands.eventData.due', { date })}${days}${provisional}`);
      }
      break;
    }
    case 'input_requested': {
      const asked = names('department');
      if (asked?.length) lines.push(t('demands.eventData.departments', { names: asked.join('、') }));
      break;
    }
    case 'returned': {
      const by = str(d, 'departmentName');
      if (by) lines.push(t('demands.eventData.returnedBy', { name: by }));
      if (typeof d.bounceCount === 'number') lines.push(t('demands.eventData.bounceCount', { n: d.bounceCount }));
      break;
    }
    case 'gathered':
    case 'ungathered': {
      const visit = str(d, 'visitNumber');
      if (visit) lines.push(t('demands.eventData.visit', { number: visit, date: due('visitOn') ?? '' }));
      break;
    }
    case 'flagged':
      if (typeof d.bounceCount === 'number') lines.push(t('demands.eventData.bounceCount', { n: d.bounceCount }));
      break;
    case 'extension_requested':
    case 'extension_approved': {
      const from = due('previousDueOn');
      const to = due('newDueOn');
      if (from && to) lines.push(t('demands.eventData.dueChange', { from, to }));
      const decision = str(d, 'decisionNote');
      if (decision) lines.push(t('demands.eventData.decisionNote', { note: decision }));
      break;
    }
    case 'extension_refused': {
      const asked = due('requestedDueOn');
      if (asked) lines.push(t('demands.eventData.askedDue', { date: asked }));
      break;
    }
    case 'resumed': {
      if (typeof d.pausedDays === 'number' && d.pausedDays > 0) lines.push(t('demands.eventData.pausedDays', { n: d.pausedDays }));
      const date = due('dueOn');
      if (date) lines.push(t('demands.eventData.due', { date }));
      break;
    }
    case 'settled':
      if (d.onTime === true) lines.push(t('demands.detail.onTime'));
      if (d.onTime === false) lines.push(t('demands.detail.late'));
      break;
    case 'confirmed': {
      if (typeof d.resolved === 'boolean') lines.push(d.resolved ? t('demands.eventData.resolved') : t('demands.eventData.notResolved'));
      const satisfaction = str(d, 'satisfaction');
      if (satisfaction && i18next.exists(`demands.satisfaction.${satisfaction}`)) {
        lines.push(t('demands.eventData.satisfaction', { level: t(`demands.satisfaction.${satisfaction as 'satisfied'}`) }));
      }
      break;
    }
    case 'reopened': {
      const date = due('dueOn');
      if (date) lines.push(t('demands.eventData.due', { date }));
      if (typeof d.escalationLevel === 'number' && d.escalationLevel > 0) {
        lines.push(t(d.escalationLevel >= 2 ? 'demands.markers.escalatedHelp2' : 'demands.markers.escalatedHelp1'));
      }
      break;
    }
    case 'reminded': {
      const date = due('dueOn');
      if (date) lines.push(t('demands.eventData.due', { date }));
      break;
    }
    case 'escalated': {
      const date = due('dueOn');
      if (str(d, 'reason') === 'overdue' && date) lines.push(t('demands.eventData.overdueSince', { date }));
      if (typeof d.level === 'number') lines.push(t(d.level >= 2 ? 'demands.markers.escalatedHelp2' : 'demands.markers.escalatedHelp1'));
      break;
    }
    case 'edited': {
      const changed = list(d, 'fields');
      if (changed) lines.push(t('demands.eventData.changed', { names: changed.map((f) => fieldName(f, t)).join('、') }));
      break;
    }
    case 'attachment_added': {
      const file = str(d, 'fileName');
      if (file) lines.push(t('demands.eventData.file', { name: file }));
      break;
    }
    default: {
      // A kind the web does not know yet: show the plain facts it carries.
      const category = str(d, 'categoryName');
      if (category) lines.push(t('demands.eventData.category', { name: category }));
      const date = due('dueOn');
      if (date) lines.push(t('demands.eventData.due', { date }));
      const file = str(d, 'fileName');
      if (file) lines.push(t('demands.eventData.file', { name: file }));
    }
  }
  if (event.kind === 'submitted' || event.kind === 'assigned' || event.kind === 'reassigned') {
    const category = str(d, 'categoryName');
    if (category) lines.push(t('demands.eventData.category', { name: category }));
  }
  return lines;
}

function fieldName(field: string, t: TFunction): string {
  const known = ['title', 'description', 'category', 'confidentiality', 'anonymisedTitle', 'anonymisedDescription', 'ownerLeader'] as const;
  const key = field === 'categoryCode' ? 'category' : field === 'ownerLeaderId' ? 'ownerLeader' : field;
  return (known as readonly string[]).includes(key) ? t(`demands.fields.${key as (typeof known)[number]}`) : field;
}

/** The other demand of a merge event (`merged_into` / `merged_from`), when the event names it. */
export function mergedRef(event: TimelineEvent): { id: string; number: string } | null {
  const d = event.data;
  if (event.kind !== 'merged_into' && event.kind !== 'merged_from') return null;
  const id = str(d, 'id', 'intoId', 'fromId');
  const number = str(d, 'number', 'intoNumber', 'fromNumber');
  return id && number ? { id, number } : null;
}
