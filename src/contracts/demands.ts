import Type from 'typebox';
import {
  CONFIDENTIALITY_LEVELS, DEMAND_ACTIONS, DEMAND_CHANNELS, DEMAND_STATUSES, SATISFACTION_LEVELS,
} from '../domain/demands/index.js';
import { StringEnum, Uuid, IsoDate, IsoDateTime, Text, Paging } from './common.js';

export type { DemandStatus, DemandChannel, Confidentiality, Satisfaction, DemandAction } from '../domain/demands/index.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const CategoryCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'category code, e.g. property-certificate' });

// ─── Categories ─────────────────────────────────────────────────────────────
export const DemandCategory = Type.Object({
  code: Type.String(),
  name: Type.String(),
  parentCode: Nullable(Type.String()),
  defaultDepartmentId: Nullable(Uuid),
  defaultDepartmentName: Nullable(Type.String()),
  deadlineWorkingDays: Nullable(Type.Integer({ description: 'null = the zone default' })),
  effectiveDeadlineDays: Type.Integer({ description: 'the working days a demand of this category gets' }),
  position: Type.Integer(),
  active: Type.Boolean(),
});
export type DemandCategory = Type.Static<typeof DemandCategory>;

export const DemandCategoryCreate = Type.Object(
  {
    code: CategoryCode,
    name: Text(40, 1),
    parentCode: Type.Optional(Nullable(CategoryCode)),
    defaultDepartmentId: Type.Optional(Nullable(Uuid)),
    deadlineWorkingDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type DemandCategoryCreate = Type.Static<typeof DemandCategoryCreate>;
export const DemandCategoryPatch = Type.Partial(
  Type.Object({
    name: Text(40, 1),
    parentCode: Nullable(CategoryCode),
    defaultDepartmentId: Nullable(Uuid),
    deadlineWorkingDays: Nullable(Type.Integer({ minimum: 1, maximum: 60 })),
    position: Type.Integer({ minimum: 0, maximum: 10_000 }),
    active: Type.Boolean(),
  }),
  { additionalProperties: false },
);
export type DemandCategoryPatch = Type.Static<typeof DemandCategoryPatch>;
export const CodeParams = Type.Object({ code: CategoryCode }, { additionalProperties: false });

// ─── Demands ────────────────────────────────────────────────────────────────
export const DemandCreate = Type.Object(
  {
    enterpriseId: Type.Optional(Uuid),
    title: Text(100, 2),
    description: Text(5000, 5),
    categoryCode: CategoryCode,
    channel: Type.Optional(StringEnum(DEMAND_CHANNELS)),
    confidentiality: Type.Optional(StringEnum(CONFIDENTIALITY_LEVELS)),
    ownerLeaderId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type DemandCreate = Type.Static<typeof DemandCreate>;

export const DemandPatch = Type.Partial(
  Type.Object({
    title: Text(100, 2),
    description: Text(5000, 5),
    categoryCode: CategoryCode,
    confidentiality: StringEnum(CONFIDENTIALITY_LEVELS),
    anonymisedTitle: Nullable(Text(100)),
    anonymisedDescription: Nullable(Text(5000)),
    ownerLeaderId: Nullable(Uuid),
  }),
  { additionalProperties: false },
);
export type DemandPatch = Type.Static<typeof DemandPatch>;

export const DEMAND_SORTS = ['urgency', 'submitted', 'due', 'number'] as const;
const csv = (description: string) => Type.String({ maxLength: 400, pattern: '^[a-z_,-]*$', description });

export const DemandQuery = Type.Object(
  {
    q: Type.Optional(Text(100)),
    status: Type.Optional(csv(`comma-separated statuses: ${DEMAND_STATUSES.join(', ')}; "open" = every status before the end`)),
    categoryCode: Type.Optional(CategoryCode),
    departmentId: Type.Optional(Uuid),
    enterpriseId: Type.Optional(Uuid),
    visitId: Type.Optional(Uuid),
    channel: Type.Optional(StringEnum(DEMAND_CHANNELS)),
    overdue: Type.Optional(Type.Boolean()),
    provisional: Type.Optional(Type.Boolean()),
    escalated: Type.Optional(Type.Boolean()),
    flagged: Type.Optional(Type.Boolean({ description: 'bounced more than twice' })),
    pendingExtension: Type.Optional(Type.Boolean()),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    sort: Type.Optional(StringEnum(DEMAND_SORTS)),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    ...Paging,
  },
  { additionalProperties: false },
);
export type DemandQuery = Type.Static<typeof DemandQuery>;

export const Countdown = Type.Object({
  workingDaysLeft: Type.Integer(),
  overdue: Type.Boolean(),
  tone: StringEnum(['green', 'amber', 'red'] as const),
});

export const DemandSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  channel: StringEnum(DEMAND_CHANNELS),
  /** The visit the demand was gathered for or raised in. */
  visitId: Nullable(Uuid),
  confidentiality: StringEnum(CONFIDENTIALITY_LEVELS),
  status: StringEnum(DEMAND_STATUSES),
  leadDepartmentId: Nullable(Uuid),
  leadDepartmentName: Nullable(Type.String()),
  submittedAt: IsoDateTime,
  dueOn: Nullable(IsoDate),
  provisional: Type.Boolean({ description: 'the deadline lies in a provisional calendar year and may move' }),
  countdown: Nullable(Countdown),
  extended: Type.Boolean({ description: 'an extension was approved at some point (stays true after a reassignment or reopening)' }),
  hasPendingExtension: Type.Boolean(),
  bounceCount: Type.Integer(),
  flagged: Type.Boolean({ description: 'bounced more than twice' }),
  reopenCount: Type.Integer(),
  escalationLevel: Type.Integer({ description: '0 none, 1 coordinator, 2 leader' }),
  settledOnTime: Nullable(Type.Boolean()),
  confirmedByDefault: Type.Boolean(),
  satisfaction: Nullable(StringEnum(SATISFACTION_LEVELS)),
});
export type DemandSummary = Type.Static<typeof DemandSummary>;

export const TimelineEvent = Type.Object({
  id: Uuid,
  at: IsoDateTime,
  actorName: Type.String(),
  kind: Type.String(),
  internal: Type.Boolean(),
  note: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type TimelineEvent = Type.Static<typeof TimelineEvent>;

export const DemandExtension = Type.Object({
  id: Uuid,
  requestedDueOn: IsoDate,
  previousDueOn: IsoDate,
  reason: Type.String(),
  status: StringEnum(['pending', 'approved', 'refused'] as const),
  requestedAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
  decisionNote: Nullable(Type.String()),
});

export const DemandAttachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  internal: Type.Boolean(),
  uploadedAt: IsoDateTime,
  uploadedByName: Nullable(Type.String()),
});
export type DemandAttachment = Type.Static<typeof DemandAttachment>;

export const AttachmentRules = Type.Object({
  extensions: Type.Array(Type.String(), { description: 'allowed file extensions, lower case' }),
  maxBytes: Type.Integer({ description: 'the largest file accepted (UPLOAD_MAX_MB)' }),
});
export type AttachmentRules = Type.Static<typeof AttachmentRules>;

const Ref = Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), status: StringEnum(DEMAND_STATUSES) });

export const DemandDetail = Type.Object({
    ...DemandSummary.properties,
    description: Type.String(),
    anonymisedTitle: Nullable(Type.String()),
    anonymisedDescription: Nullable(Type.String()),
    submittedByName: Nullable(Type.String()),
    ownerLeaderId: Nullable(Uuid),
    ownerLeaderName: Nullable(Type.String()),
    assistingDepartments: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
    declineReason: Nullable(Type.String()),
    answer: Nullable(Type.String()),
    settledAt: Nullable(IsoDateTime),
    closedAt: Nullable(IsoDateTime),
    resolved: Nullable(Type.Boolean()),
    confirmComment: Nullable(Type.String()),
    confirmBy: Nullable(IsoDate),
    pausedDays: Type.Integer({ description: 'working days the clock stood still while waiting for the enterprise' }),
    waitingSince: Nullable(IsoDate),
    mergedInto: Nullable(Ref),
    mergedFrom: Type.Array(Ref),
    extensions: Type.Array(DemandExtension),
    attachments: Type.Array(DemandAttachment),
    timeline: Type.Array(TimelineEvent),
    actions: Type.Array(StringEnum(DEMAND_ACTIONS), { description: 'what the asking user may do now' }),
});
export type DemandDetail = Type.Static<typeof DemandDetail>;

// ─── Transition bodies ──────────────────────────────────────────────────────
const Reason = Text(1000, 2);
export const DeclineBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const AssignBody = Type.Object(
  {
    leadDepartmentId: Uuid,
    assistingDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
    categoryCode: Type.Optional(CategoryCode),
  },
  { additionalProperties: false },
);
export type AssignBody = Type.Static<typeof AssignBody>;
export const BulkAssignBody = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 200 }),
    leadDepartmentId: Uuid,
    assistingDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type BulkAssignBody = Type.Static<typeof BulkAssignBody>;
export const ReturnBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const ProgressBody = Type.Object(
  { note: Text(2000, 1), internal: Type.Optional(Type.Boolean({ description: 'hidden from the enterprise (default false)' })) },
  { additionalProperties: false },
);
export const InputRequestBody = Type.Object(
  { question: Text(1000, 2), departmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })) },
  { additionalProperties: false },
);
export const ExtensionRequestBody = Type.Object({ newDueOn: IsoDate, reason: Reason }, { additionalProperties: false });
export const ExtensionDecisionBody = Type.Object(
  { approve: Type.Boolean(), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export const WaitBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const ResumeBody = Type.Object({ note: Type.Optional(Text(1000)) }, { additionalProperties: false });
export const SettleBody = Type.Object({ answer: Text(5000, 5) }, { additionalProperties: false });
export const ConfirmBody = Type.Object(
  { resolved: Type.Boolean(), satisfaction: StringEnum(SATISFACTION_LEVELS), comment: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export type ConfirmBody = Type.Static<typeof ConfirmBody>;
export const MergeBody = Type.Object({ intoId: Uuid }, { additionalProperties: false });
export const ExtensionParams = Type.Object({ id: Uuid, eid: Uuid }, { additionalProperties: false });
export const AttachmentParams = Type.Object({ id: Uuid, aid: Uuid }, { additionalProperties: false });

export const SimilarQuery = Type.Object(
  { enterpriseId: Type.Optional(Uuid), text: Text(5100, 1), excludeId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const SimilarDemand = Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), status: StringEnum(DEMAND_STATUSES), score: Type.Number() });

export const BulkResult = Type.Object({ updated: Type.Integer(), items: Type.Array(DemandSummary) });

// ─── Counts ─────────────────────────────────────────────────────────────────
export const StatsQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });
const CountRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  received: Type.Integer(),
  settled: Type.Integer(),
  settledOnTime: Type.Integer(),
  overdue: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  satisfactionRate: Nullable(Type.Number()),
});
export const DemandStats = Type.Object({
  from: IsoDate,
  to: IsoDate,
  received: Type.Integer(),
  accepted: Type.Integer(),
  declined: Type.Integer(),
  settled: Type.Integer(),
  settledOnTime: Type.Integer(),
  overdue: Type.Integer({ description: 'deadline in the period, and settled late or still unsettled' }),
  extended: Type.Integer(),
  reopened: Type.Integer(),
  confirmedByDefault: Type.Integer(),
  onTimeRate: Nullable(Type.Number({ description: 'settled on time / settled, 0–1' })),
  satisfactionRate: Nullable(Type.Number({ description: '(satisfied + basically satisfied) / rated, 0–1' })),
  byCategory: Type.Array(CountRow),
  byDepartment: Type.Array(CountRow),
  byChannel: Type.Array(CountRow),
});
export type DemandStats = Type.Static<typeof DemandStats>;

// ─── Notifications ──────────────────────────────────────────────────────────
export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Uuid),
  title: Type.String(),
  body: Type.String(),
  at: IsoDateTime,
  read: Type.Boolean(),
});
export type Notification = Type.Static<typeof Notification>;
export const NotificationQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), ...Paging }, { additionalProperties: false });
export const NotificationPage = Type.Object({ items: Type.Array(Notification), total: Type.Integer(), unread: Type.Integer() });
