import Type from 'typebox';
import { DEMAND_CHANNELS } from '../domain/demands/index.js';
import { StringEnum, Uuid, IsoDate, IsoDateTime, Text, Paging } from './common.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'a fraction; null when there is nothing to divide by' }));

import { BULLETIN_STATUSES, PUBLISH_JOB_STATES, type BulletinStatus } from '../domain/bulletins/index.js';
export { BULLETIN_STATUSES, type BulletinStatus };
export const Month = Type.String({ pattern: '^(1\\d{3}|2\\d{3})-(0[1-9]|1[0-2])$', description: 'YYYY-MM (years 1000–2999)' });

// ─── The content: what a bulletin says, computed for a draft and frozen when published ─────────
export const BulletinFigures = Type.Object({
  received: Type.Integer(),
  accepted: Type.Integer(),
  declined: Type.Integer(),
  settled: Type.Integer(),
  settledOnTime: Type.Integer(),
  overdue: Type.Integer(),
  extended: Type.Integer(),
  reopened: Type.Integer(),
  onTimeRate: Rate,
  satisfactionRate: Rate,
  confirmationRate: Rate,
});
export type BulletinFigures = Type.Static<typeof BulletinFigures>;

export const BulletinStats = Type.Object({
  month: Month,
  asOf: IsoDate,
  totals: BulletinFigures,
  previousMonth: BulletinFigures,
  yearToDate: BulletinFigures,
  byDepartment: Type.Array(Type.Object({
    ...BulletinFigures.properties,
    departmentId: Uuid,
    departmentName: Type.String(),
    rank: Nullable(Type.Integer({ description: 'null: below the minimum, listed but not ranked' })),
    handled: Type.Integer(),
  })),
  byCategory: Type.Array(Type.Object({ ...BulletinFigures.properties, code: Type.String(), name: Type.String() })),
  byChannel: Type.Array(Type.Object({ ...BulletinFigures.properties, channel: StringEnum(DEMAND_CHANNELS) })),
  overdueList: Type.Array(Type.Object({
    id: Uuid,
    number: Type.String(),
    departmentId: Nullable(Uuid),
    departmentName: Nullable(Type.String()),
    categoryName: Type.String(),
    dueOn: IsoDate,
    dueProvisional: Type.Boolean(),
    state: StringEnum(['open', 'settled-late'] as const),
  })),
  minRanked: Type.Integer(),
});
export type BulletinStats = Type.Static<typeof BulletinStats>;

/** A typical case (典型案例), in public words: anonymised per the demand's confidentiality, personal data masked. */
export const BulletinCase = Type.Object({
  demandId: Uuid,
  number: Type.String(),
  categoryName: Type.String(),
  departmentName: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  answer: Nullable(Type.String()),
  submittedOn: IsoDate,
  settledOn: Nullable(IsoDate),
  settledOnTime: Nullable(Type.Boolean()),
});
export type BulletinCase = Type.Static<typeof BulletinCase>;

export const BulletinContent = Type.Object({
  month: Month,
  version: Type.Integer(),
  title: Type.String(),
  intro: Nullable(Type.String()),
  zoneName: Type.String(),
  /** The issuing body printed on the documents (e.g. 昌南高新区管委会企业服务中心). */
  issuedBy: Type.String(),
  /** The day it was published (for a draft: today). */
  issuedOn: IsoDate,
  stats: BulletinStats,
  cases: Type.Array(BulletinCase),
  /** 每周益企 in the month: visits, enterprise-visits and the sentence generated from them. */
  visits: Type.Object({
    visits: Type.Integer(),
    enterpriseVisits: Type.Integer(),
    distinctEnterprises: Type.Integer(),
    demandsRaised: Type.Integer(),
    settled: Type.Integer(),
    sentence: Type.String(),
  }),
  /** A correction: the reason, and the version it replaces. */
  correction: Nullable(Type.Object({ reason: Type.String(), supersedesVersion: Type.Integer() })),
});
export type BulletinContent = Type.Static<typeof BulletinContent>;

// ─── The bulletin as the administration works on it ───────────────────────
export const BulletinSummary = Type.Object({
  id: Uuid,
  month: Month,
  version: Type.Integer(),
  status: StringEnum(BULLETIN_STATUSES),
  title: Type.String(),
  publishedAt: Nullable(IsoDateTime),
  updatedAt: IsoDateTime,
});
export type BulletinSummary = Type.Static<typeof BulletinSummary>;

export const BulletinDetail = Type.Object({
  ...BulletinSummary.properties,
  intro: Nullable(Type.String()),
  caseIds: Type.Array(Uuid),
  reviewNote: Nullable(Type.String()),
  correctionReason: Nullable(Type.String()),
  supersedesId: Nullable(Uuid),
  supersededById: Nullable(Uuid),
  createdByName: Nullable(Type.String()),
  submittedAt: Nullable(IsoDateTime),
  approvedByName: Nullable(Type.String()),
  approvedAt: Nullable(IsoDateTime),
  publishedByName: Nullable(Type.String()),
  /** Computed from the data now (draft … approved), or the frozen snapshot (published, superseded). */
  content: BulletinContent,
  frozen: Type.Boolean(),
  can: Type.Object({
    edit: Type.Boolean(), submit: Type.Boolean(), return: Type.Boolean(), approve: Type.Boolean(), publish: Type.Boolean(), correct: Type.Boolean(),
  }),
});
export type BulletinDetail = Type.Static<typeof BulletinDetail>;

export const BulletinQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), status: Type.Optional(StringEnum(BULLETIN_STATUSES)), ...Paging },
  { additionalProperties: false },
);
export const BulletinCreate = Type.Object({ month: Month }, { additionalProperties: false });
export const BulletinPatch = Type.Partial(
  Type.Object({ title: Text(60, 4), intro: Nullable(Text(5000)), caseIds: Type.Array(Uuid, { maxItems: 10 }) }),
  { additionalProperties: false },
);
export type BulletinPatch = Type.Static<typeof BulletinPatch>;
export const BulletinReturn = Type.Object({ note: Text(500, 2) }, { additionalProperties: false });
export const BulletinCorrect = Type.Object({ reason: Text(500, 4) }, { additionalProperties: false });

/** Demands the coordinator may pick as typical cases: settled in the month, not private. */
export const CaseCandidate = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  categoryName: Type.String(),
  departmentName: Nullable(Type.String()),
  confidentiality: Type.String(),
  settledOnTime: Nullable(Type.Boolean()),
  satisfaction: Nullable(Type.String()),
});

// ─── Public (no login) ─────────────────────────────────────────────────────
export const PublicBulletinSummary = Type.Object({
  id: Uuid,
  month: Month,
  version: Type.Integer(),
  title: Type.String(),
  publishedAt: IsoDateTime,
  /** A later version corrects this one. */
  superseded: Type.Boolean(),
});
export const PublicBulletin = Type.Object({
  ...PublicBulletinSummary.properties,
  content: BulletinContent,
  /** The other versions of the same month, newest first. */
  versions: Type.Array(Type.Object({ id: Uuid, version: Type.Integer(), publishedAt: IsoDateTime, superseded: Type.Boolean() })),
});
export type PublicBulletin = Type.Static<typeof PublicBulletin>;

// ─── Publishing to the WeChat official account ─────────────────────────────
export const BulletinWechatPublication = Type.Object({
  id: Uuid,
  status: StringEnum(PUBLISH_JOB_STATES, { description: 'drafted → submitted → publishing → published | failed | revoked' }),
  articleUrl: Nullable(Type.String()),
  /** Why it stopped, in plain words (the platform's error or its publish status). */
  failReason: Nullable(Type.String()),
  lastErrcode: Nullable(Type.Integer()),
  lastErrmsg: Nullable(Type.String()),
  polls: Type.Integer(),
  updatedAt: IsoDateTime,
});
export const BulletinWechatState = Type.Object({
  publication: Nullable(BulletinWechatPublication),
  enabled: Type.Boolean(),
  /** What the asking user may do now (src/domain/bulletins offeredPublishAction), once the account is enabled; null: nothing. */
  next: Nullable(StringEnum(['publish', 'retry', 'check'] as const)),
});
export type BulletinWechatState = Type.Static<typeof BulletinWechatState>;
