import type { Dayjs } from 'dayjs';
import type { ActionCall } from './demand-api.js';
import type { Confidentiality, DemandAction, DemandDetail, FormAction, Satisfaction } from './demand-types.js';

/** The buttons of the detail page, in the order shown; `attach` is the upload in the attachments card. */
export const BUTTON_ACTIONS: FormAction[] = [
  'accept', 'assign', 'acknowledge', 'settle', 'confirm', 'decide_extension', 'resume',
  'progress', 'request_input', 'request_extension', 'wait', 'return', 'merge', 'edit', 'decline',
];

/** Actions that need no form: a confirmation is enough. */
export const NO_FORM_ACTIONS: readonly FormAction[] = ['accept', 'acknowledge'];

/** Final or destructive actions ask "are you sure" before they are sent. */
export const CONFIRMED_ACTIONS: readonly FormAction[] = ['decline', 'merge', 'settle'];

export const PRIMARY_ACTIONS: readonly FormAction[] = ['accept', 'assign', 'acknowledge', 'settle', 'confirm', 'decide_extension', 'resume'];

export function isFormAction(action: DemandAction): action is FormAction {
  return (BUTTON_ACTIONS as readonly string[]).includes(action);
}

/** Every field any action form may have; each form uses a few. */
export type ActionValues = {
  reason?: string;
  note?: string;
  internal?: boolean;
  question?: string;
  departmentIds?: string[];
  leadDepartmentId?: string;
  assistingDepartmentIds?: string[];
  categoryCode?: string;
  newDueOn?: Dayjs;
  approve?: boolean;
  answer?: string;
  resolved?: boolean;
  satisfaction?: Satisfaction;
  comment?: string;
  intoId?: string;
  confidentiality?: Confidentiality;
  anonymisedTitle?: string;
  anonymisedDescription?: string;
};

export function pendingExtension(d: DemandDetail) {
  return d.extensions.find((e) => e.status === 'pending');
}

/** The form's starting values (the current assignment when reassigning, the current texts when editing). */
/** A form's starting values; an assignment starts from the current lead, else the category's default department. */
export function initialValues(action: FormAction, d: DemandDetail, categoryDefaultDepartmentId: string | null = null): ActionValues {
  if (action === 'assign') {
    return {
      leadDepartmentId: d.leadDepartmentId ?? categoryDefaultDepartmentId ?? undefined,
      assistingDepartmentIds: d.assistingDepartments.map((a) => a.id),
      categoryCode: d.categoryCode,
    };
  }
  if (action === 'edit') {
    return {
      categoryCode: d.categoryCode,
      confidentiality: d.confidentiality,
      anonymisedTitle: d.anonymisedTitle ?? '',
      anonymisedDescription: d.anonymisedDescription ?? '',
    };
  }
  if (action === 'progress') return { internal: false };
  if (action === 'decide_extension') return { approve: true };
  // The enterprise chooses its answer and rating itself: nothing is preselected.
  return {};
}

const text = (value: string | undefined) => (value ?? '').trim();
const optional = (value: string | undefined) => text(value) || undefined;

/** Turns a form's values into the request of its action (the body schemas of src/contracts/demands.ts). */
export function toActionCall(action: FormAction, v: ActionValues, d: DemandDetail): ActionCall {
  switch (action) {
    case 'accept':
    case 'acknowledge':
      return { action, body: {} };
    case 'decline':
    case 'return':
    case 'wait':
      return { action, body: { reason: text(v.reason) } };
    case 'assign': {
      const lead = v.leadDepartmentId ?? '';
      return {
        action,
        body: {
          leadDepartmentId: lead,
          assistingDepartmentIds: (v.assistingDepartmentIds ?? []).filter((id) => id !== lead),
          categoryCode: v.categoryCode && v.categoryCode !== d.categoryCode ? v.categoryCode : undefined,
        },
      };
    }
    case 'progress':
      return { action, body: { note: text(v.note), internal: Boolean(v.internal) } };
    case 'request_input':
      return { action, body: { question: text(v.question), departmentIds: v.departmentIds?.length ? v.departmentIds : undefined } };
    case 'request_extension':
      return { action, body: { newDueOn: v.newDueOn ? v.newDueOn.format('YYYY-MM-DD') : '', reason: text(v.reason) } };
    case 'decide_extension':
      return { action, body: { approve: v.approve !== false, note: optional(v.note) }, extensionId: pendingExtension(d)?.id };
    case 'resume':
      return { action, body: { note: optional(v.note) } };
    case 'settle':
      return { action, body: { answer: text(v.answer) } };
    case 'confirm':
      return { action, body: { resolved: v.resolved !== false, satisfaction: v.satisfaction ?? 'satisfied', comment: optional(v.comment) } };
    case 'merge':
      return { action, body: { intoId: v.intoId ?? '' } };
    case 'edit': {
      const body: Extract<ActionCall, { action: 'edit' }> = { action, body: {} };
      if (v.categoryCode && v.categoryCode !== d.categoryCode) body.body.categoryCode = v.categoryCode;
      if (v.confidentiality && v.confidentiality !== d.confidentiality) body.body.confidentiality = v.confidentiality;
      const title = optional(v.anonymisedTitle) ?? null;
      const description = optional(v.anonymisedDescription) ?? null;
      if (title !== d.anonymisedTitle) body.body.anonymisedTitle = title;
      if (description !== d.anonymisedDescription) body.body.anonymisedDescription = description;
      return body;
    }
  }
}
