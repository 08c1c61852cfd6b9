import Type from 'typebox';
import { HALF_DAYS, VISIT_STATUSES } from '../domain/visits/index.js';
import { StringEnum, Uuid, IsoDate, IsoDateTime, Text, Paging } from './common.js';
import { DemandSummary } from './demands.js';
import type { Lang } from './errors.js';

export type { HalfDay, VisitStatus } from '../domain/visits/index.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Named = Type.Object({ id: Uuid, name: Type.String() });
const CategoryCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' });

/** How a problem raised at the on-site office was settled: answered on the spot, or turned into a demand. */
export const ISSUE_RESOLUTIONS = ['answered', 'demand'] as const;
export type IssueResolution = (typeof ISSUE_RESOLUTIONS)[number];

/** The programme's words in both languages for what the server writes (notifications, workbooks). */
export const VISIT_LABELS = {
  zh: { halfDay: { am: '上午', pm: '下午' }, status: { planned: '已计划', done: '已走访', cancelled: '已取消' }, listSeparator: '、' },
  en: { halfDay: { am: 'morning', pm: 'afternoon' }, status: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' }, listSeparator: ', ' },
} as const satisfies Record<Lang, {
  halfDay: Record<(typeof HALF_DAYS)[number], string>; status: Record<(typeof VISIT_STATUSES)[number], string>; listSeparator: string;
}>;

// ─── Planning ───────────────────────────────────────────────────────────────
const PlanFields = {
  visitOn: IsoDate,
  halfDay: StringEnum(HALF_DAYS),
  leaderId: Uuid,
  themeId: Type.Optional(Nullable(Uuid)),
  purpose: Type.Optional(Nullable(Text(500))),
  enterpriseIds: Type.Array(Uuid, { maxItems: 20, description: 'at least one enterprise' }),
  departmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 30 })),
  cadreIds: Type.Optional(Type.Array(Uuid, { maxItems: 30 })),
};
export const VisitCreate = Type.Object(PlanFields, { additionalProperties: false });
export type VisitCreate = Type.Static<typeof VisitCreate>;
/** A planned visit's plan changes (moving it is a change of visitOn/halfDay). */
export const VisitPatch = Type.Partial(Type.Object(PlanFields), { additionalProperties: false });
export type VisitPatch = Type.Static<typeof VisitPatch>;
export const VisitMove = Type.Object({ visitOn: IsoDate, halfDay: StringEnum(HALF_DAYS) }, { additionalProperties: false });
export type VisitMove = Type.Static<typeof VisitMove>;
export const VisitCancel = Type.Object({ reason: Text(500, 2) }, { additionalProperties: false });

/** What planning would give, checked live while the form is filled: conflicts refuse, coverage warns. */
export const VisitCheck = Type.Object(
  {
    id: Type.Optional(Uuid),
    visitOn: IsoDate,
    halfDay: StringEnum(HALF_DAYS),
    leaderId: Uuid,
    enterpriseIds: Type.Array(Uuid, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export const CoverageWarningItem = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  lastVisitOn: IsoDate,
  weeksSince: Type.Integer(),
});
export const VisitCheckResult = Type.Object({
  conflicts: Type.Array(Type.Object({ id: Uuid, number: Type.String(), visitOn: IsoDate, halfDay: StringEnum(HALF_DAYS) })),
  coverageWarnings: Type.Array(CoverageWarningItem),
  minWeeks: Type.Integer(),
});
export type VisitCheckResult = Type.Static<typeof VisitCheckResult>;

export const VisitQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    leaderId: Type.Optional(Uuid),
    themeId: Type.Optional(Uuid),
    enterpriseId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(VISIT_STATUSES)),
    ...Paging,
  },
  { additionalProperties: false },
);
export type VisitQuery = Type.Static<typeof VisitQuery>;

export const VisitSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  visitOn: IsoDate,
  halfDay: StringEnum(HALF_DAYS),
  status: StringEnum(VISIT_STATUSES),
  leader: Named,
  theme: Nullable(Named),
  purpose: Nullable(Type.String()),
  enterprises: Type.Array(Named),
  departments: Type.Array(Named),
  cadres: Type.Array(Named),
  /** Demands linked to the visit (gathered before it or raised in it), and how many are still open. */
  demandCount: Type.Integer(),
  openDemandCount: Type.Integer(),
  signedOffAt: Nullable(IsoDateTime),
});
export type VisitSummary = Type.Static<typeof VisitSummary>;

// ─── The on-site office record ──────────────────────────────────────────────
export const VisitRecord = Type.Object(
  {
    /** The departments that attended the on-site office. */
    attendedDepartmentIds: Type.Array(Uuid, { maxItems: 30 }),
    enterprises: Type.Array(Type.Object({ enterpriseId: Uuid, raised: Nullable(Text(5000)) }, { additionalProperties: false }), { maxItems: 20 }),
    decisions: Nullable(Text(5000)),
    followUps: Nullable(Text(5000)),
    guideAnswers: Type.Array(Type.Object({ question: Text(200, 1), answer: Text(2000) }, { additionalProperties: false }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type VisitRecord = Type.Static<typeof VisitRecord>;

/** A problem raised at the on-site office: answered there, or a demand created already assigned. */
export const VisitIssueCreate = Type.Object(
  {
    enterpriseId: Uuid,
    text: Text(2000, 2),
    categoryCode: CategoryCode,
    resolution: StringEnum(ISSUE_RESOLUTIONS),
    /** resolution = answered: the answer given on the spot. */
    answer: Type.Optional(Text(2000)),
    /** resolution = demand: the demand's title (default: the start of the text) and its departments. */
    title: Type.Optional(Text(100, 2)),
    leadDepartmentId: Type.Optional(Uuid),
    assistingDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type VisitIssueCreate = Type.Static<typeof VisitIssueCreate>;

export const VisitIssue = Type.Object({
  id: Uuid,
  enterprise: Named,
  text: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  resolution: StringEnum(ISSUE_RESOLUTIONS),
  answer: Nullable(Type.String()),
  demandId: Nullable(Uuid),
  createdAt: IsoDateTime,
  createdByName: Nullable(Type.String()),
});
export type VisitIssue = Type.Static<typeof VisitIssue>;

/** 问需于企: open demands of the visit's enterprises linked to the visit before it. */
export const VisitGather = Type.Object({ demandIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }) }, { additionalProperties: false });

export const VisitPhoto = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedAt: IsoDateTime,
  uploadedByName: Nullable(Type.String()),
});

export const VisitDetail = Type.Object({
  ...VisitSummary.properties,
  cancelReason: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  signedOffByName: Nullable(Type.String()),
  /** The theme's guiding questions, with the answers recorded so far. */
  guideAnswers: Type.Array(Type.Object({ question: Type.String(), answer: Type.String() })),
  record: Type.Object({
    attendedDepartmentIds: Type.Array(Uuid),
    enterprises: Type.Array(Type.Object({ enterpriseId: Uuid, name: Type.String(), raised: Nullable(Type.String()) })),
    decisions: Nullable(Type.String()),
    followUps: Nullable(Type.String()),
  }),
  issues: Type.Array(VisitIssue),
  demands: Type.Array(DemandSummary),
  photos: Type.Array(VisitPhoto),
  /** What the asking user may do now. */
  can: Type.Object({
    edit: Type.Boolean(),
    record: Type.Boolean(),
    gather: Type.Boolean(),
    signOff: Type.Boolean(),
    cancel: Type.Boolean(),
  }),
});
export type VisitDetail = Type.Static<typeof VisitDetail>;

// ─── Views ──────────────────────────────────────────────────────────────────
export const PeriodQuery = Type.Object(
  { from: IsoDate, to: IsoDate, themeId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const VisitCountsResult = Type.Object({
  from: IsoDate,
  to: IsoDate,
  themeId: Nullable(Uuid),
  visits: Type.Integer(),
  enterpriseVisits: Type.Integer(),
  distinctEnterprises: Type.Integer(),
  demandsRaised: Type.Integer(),
  settled: Type.Integer(),
  settledOnTime: Type.Integer(),
  byCategory: Type.Array(Type.Object({ name: Type.String(), raised: Type.Integer(), settled: Type.Integer() })),
  /** The seed's sentence generated from the counts. */
  sentence: Type.String(),
});
export type VisitCountsResult = Type.Static<typeof VisitCountsResult>;

export const ComplianceResult = Type.Object({
  from: IsoDate,
  to: IsoDate,
  leaders: Type.Array(Type.Object({
    leaderId: Uuid,
    leaderName: Type.String(),
    weeks: Type.Array(Type.Object({
      week: Type.String(),
      monday: IsoDate,
      planned: Type.Integer(),
      done: Type.Integer(),
      status: StringEnum(['met', 'missed', 'exempt', 'pending'] as const),
    })),
  })),
});
export type ComplianceResult = Type.Static<typeof ComplianceResult>;

export const CoverageQuery = Type.Object(
  {
    q: Type.Optional(Text(100)),
    themeId: Type.Optional(Uuid),
    aboveScale: Type.Optional(Type.Boolean()),
    /** 初创: founded within the last three years. */
    startup: Type.Optional(Type.Boolean()),
    cadreId: Type.Optional(Uuid),
    /** never: never visited; recent: visited within the zone's minimum weeks. */
    state: Type.Optional(StringEnum(['never', 'recent', 'due'] as const)),
    sort: Type.Optional(StringEnum(['lastVisitOn', 'name', 'visits'] as const)),
    order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
    ...Paging,
  },
  { additionalProperties: false },
);
export type CoverageQuery = Type.Static<typeof CoverageQuery>;

export const CoverageRow = Type.Object({
  enterpriseId: Uuid,
  name: Type.String(),
  aboveScale: Type.Boolean(),
  foundedOn: Nullable(IsoDate),
  cadreName: Nullable(Type.String()),
  themes: Type.Array(Type.String()),
  lastVisitOn: Nullable(IsoDate),
  /** Done visits in the last 12 months. */
  visitsLastYear: Type.Integer(),
  nextVisitOn: Nullable(IsoDate),
  weeksSince: Nullable(Type.Integer()),
  /** Visited within the zone's minimum weeks (无事不扰). */
  tooSoon: Type.Boolean(),
});
export const CoverageResult = Type.Object({ items: Type.Array(CoverageRow), total: Type.Integer(), minWeeks: Type.Integer() });
export type CoverageResult = Type.Static<typeof CoverageResult>;

export const LeaderVisitBoard = Type.Object({
  thisWeek: Type.Array(VisitSummary),
  nextWeek: Type.Array(VisitSummary),
  openDemands: Type.Array(DemandSummary),
});
export type LeaderVisitBoard = Type.Static<typeof LeaderVisitBoard>;

export const VisitIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const VisitPhotoParams = Type.Object({ id: Uuid, photoId: Uuid }, { additionalProperties: false });
