import Type from 'typebox';
import { CULTIVATION_SCHEMES } from '../domain/cultivation/cultivation-evaluation.js';
import { StringEnum, Uuid, IsoDate, IsoDateTime, Text, Paging } from './common.js';

export type { CultivationScheme, EvaluationOutcome, EvaluationPurpose } from '../domain/cultivation/cultivation-evaluation.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const EVALUATION_PURPOSES = ['new', 'review'] as const;
export const EVALUATION_OUTCOMES = ['qualified', 'not-qualified', 'incomplete'] as const;

/** 自评 status: draft → submitted → accepted | returned (a returned one is edited and submitted again). */
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Where an enterprise sits in a batch run's candidate pipeline. */
export const PIPELINE_BANDS = ['qualified', 'close', 'far', 'incomplete'] as const;
export type PipelineBand = (typeof PIPELINE_BANDS)[number];

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * An evaluation as the server sends it: the domain's Evaluation explained in both languages
 * (ExplainedEvaluation of src/domain/cultivation/explain-evaluation.ts). Not re-validated on the way out.
 */
const ExplainedEvaluationJson = Type.Unsafe<import('../domain/cultivation/explain-evaluation.js').ExplainedEvaluation>(
  Type.Object({}, { additionalProperties: true }),
);
/** CultivationProfile as JSON; checked field by field by checkCultivationProfile (domain), which names the field and the reason. */
const ProfileJson = Type.Unsafe<import('../domain/cultivation/cultivation-profile.js').CultivationProfile>(
  Type.Object({}, { additionalProperties: true }),
);

// ─── Settings ───────────────────────────────────────────────────────────────
/** The zone's cultivation settings: the unconfirmed rules (CultivationConfig) and the pipeline margins. */
export const CultivationSettings = Type.Object({
  boundaryTakesHigherBand: Type.Boolean(),
  provincialIndicators: Type.Array(
    Type.Object({ key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }), label: Type.Object({ zh: Text(100, 1), en: Text(100, 1) }), max: Type.Integer({ minimum: 1, maximum: 15 }) }),
    { minItems: 1, maxItems: 3, description: 'the 1–3 特色化 indicators, 15 points in all' },
  ),
  specialised2026PrerequisiteTitles: Type.Array(StringEnum(['innovative-sme', 'tech-sme'] as const), { minItems: 1, maxItems: 2 }),
  littleGiantReviewRules2026: StringEnum(['2022', '2026'] as const),
  /** score schemes: an enterprise this many points (or fewer) short of the pass is "close" */
  closeWithinPoints: Type.Integer({ minimum: 0, maximum: 60 }),
  /** condition schemes: this many unmet conditions (or fewer) is "close" */
  closeWithinConditions: Type.Integer({ minimum: 0, maximum: 5 }),
});
export type CultivationSettings = Type.Static<typeof CultivationSettings>;
export const CultivationSettingsPatch = Type.Partial(CultivationSettings, { additionalProperties: false });
export type CultivationSettingsPatch = Type.Static<typeof CultivationSettingsPatch>;

// ─── Self-assessments (自评) ─────────────────────────────────────────────────
export const AssessmentCreate = Type.Object(
  {
    /** staff may create one for an enterprise; an enterprise user's is always their own */
    enterpriseId: Type.Optional(Uuid),
    scheme: StringEnum(CULTIVATION_SCHEMES),
    purpose: Type.Optional(StringEnum(EVALUATION_PURPOSES)),
    profile: Type.Optional(ProfileJson),
  },
  { additionalProperties: false },
);
export type AssessmentCreate = Type.Static<typeof AssessmentCreate>;
export const AssessmentPatch = Type.Object({ profile: ProfileJson }, { additionalProperties: false });
export type AssessmentPatch = Type.Static<typeof AssessmentPatch>;
/** Submitting needs the declaration of truthfulness (承诺所填信息真实、准确、完整). */
export const AssessmentSubmit = Type.Object({ declaration: Type.Literal(true) }, { additionalProperties: false });
export const AssessmentReturn = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S[\\s\\S]*\\S', description: 'at least two characters that are not spaces' }) }, { additionalProperties: false });

export const AssessmentQuery = Type.Object(
  {
    scheme: Type.Optional(StringEnum(CULTIVATION_SCHEMES)),
    status: Type.Optional(StringEnum(ASSESSMENT_STATUSES)),
    enterpriseId: Type.Optional(Uuid),
    q: Type.Optional(Text(100)),
    ...Paging,
  },
  { additionalProperties: false },
);
export type AssessmentQuery = Type.Static<typeof AssessmentQuery>;

export const AssessmentSummary = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  scheme: StringEnum(CULTIVATION_SCHEMES),
  purpose: StringEnum(EVALUATION_PURPOSES),
  evaluationOn: IsoDate,
  status: StringEnum(ASSESSMENT_STATUSES),
  qualified: Nullable(Type.Boolean()),
  outcome: Nullable(StringEnum(EVALUATION_OUTCOMES)),
  total: Nullable(Type.Number()),
  rulesVersion: Nullable(Type.String()),
  declaredAt: Nullable(IsoDateTime),
  reviewedAt: Nullable(IsoDateTime),
  updatedAt: IsoDateTime,
});
export type AssessmentSummary = Type.Static<typeof AssessmentSummary>;

export const ASSESSMENT_ACTIONS = ['edit', 'submit', 'accept', 'return'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const AssessmentDetail = Type.Object({
  ...AssessmentSummary.properties,
  profile: ProfileJson,
  /** the server's evaluation: stored at submission; computed live for a draft */
  evaluation: Nullable(ExplainedEvaluationJson),
  returnReason: Nullable(Type.String()),
  declaredByName: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  /** what the asking user may do now */
  can: Type.Array(StringEnum(ASSESSMENT_ACTIONS)),
});
export type AssessmentDetail = Type.Static<typeof AssessmentDetail>;

/** The profile pre-filled from the enterprise's yearly figures, titles and its last accepted declaration. */
export const AssessmentPrefillQuery = Type.Object(
  { enterpriseId: Type.Optional(Uuid), on: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const AssessmentPrefill = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  on: IsoDate,
  profile: ProfileJson,
  /** the fiscal year the plain figures are from (the year before `on`) */
  priorYear: Type.Integer(),
  settings: CultivationSettings,
});
export type AssessmentPrefill = Type.Static<typeof AssessmentPrefill>;

/** Evaluate without saving: the server's answer for the same inputs as the browser's live score. */
export const EvaluateRequest = Type.Object(
  { scheme: StringEnum(CULTIVATION_SCHEMES), on: IsoDate, purpose: Type.Optional(StringEnum(EVALUATION_PURPOSES)), profile: ProfileJson },
  { additionalProperties: false },
);
export type EvaluateRequest = Type.Static<typeof EvaluateRequest>;

// ─── Batch evaluation (批量评价) and the pipeline ─────────────────────────────
export const RunCreate = Type.Object(
  { scheme: StringEnum(CULTIVATION_SCHEMES), on: IsoDate, purpose: Type.Optional(StringEnum(EVALUATION_PURPOSES)) },
  { additionalProperties: false },
);
export type RunCreate = Type.Static<typeof RunCreate>;

export const RunSummary = Type.Object({
  id: Uuid,
  scheme: StringEnum(CULTIVATION_SCHEMES),
  purpose: StringEnum(EVALUATION_PURPOSES),
  evaluationOn: IsoDate,
  rulesVersion: Nullable(Type.String()),
  status: StringEnum(RUN_STATUSES),
  closeWithin: Type.Integer(),
  total: Type.Integer(),
  processed: Type.Integer(),
  qualifiedCount: Type.Integer(),
  closeCount: Type.Integer(),
  farCount: Type.Integer(),
  incompleteCount: Type.Integer(),
  error: Nullable(Type.String()),
  startedByName: Nullable(Type.String()),
  startedAt: Nullable(IsoDateTime),
  finishedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type RunSummary = Type.Static<typeof RunSummary>;

export const RunQuery = Type.Object({ scheme: Type.Optional(StringEnum(CULTIVATION_SCHEMES)), ...Paging }, { additionalProperties: false });

export const ResultQuery = Type.Object(
  { pipeline: Type.Optional(StringEnum(PIPELINE_BANDS)), q: Type.Optional(Text(100)), ...Paging },
  { additionalProperties: false },
);
export type ResultQuery = Type.Static<typeof ResultQuery>;

export const ResultItem = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  uscc: Type.String(),
  pipeline: StringEnum(PIPELINE_BANDS),
  outcome: StringEnum(EVALUATION_OUTCOMES),
  qualified: Type.Boolean(),
  route: Nullable(StringEnum(['direct', 'score'] as const)),
  total: Nullable(Type.Number()),
  shortBy: Nullable(Type.Number()),
  /** the gaps' words in the reader's language, e.g. 研发费用占营业收入比重 2.6% → 3%：+5分 */
  gaps: Type.Array(Type.String()),
  missing: Type.Array(Type.String()),
  notifiedAt: Nullable(IsoDateTime),
});
export type ResultItem = Type.Static<typeof ResultItem>;

export const ResultDetail = Type.Object({ ...ResultItem.properties, evaluation: ExplainedEvaluationJson });
export type ResultDetail = Type.Static<typeof ResultDetail>;

/** Notify the close enterprises of a run (all of them, or the ones listed) of their gap. */
export const RunNotify = Type.Object({ enterpriseIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 5000 })) }, { additionalProperties: false });
export const RunNotifyResult = Type.Object({ notified: Type.Integer(), enterprises: Type.Integer() });

// ─── Official lists (名单) and running counts ────────────────────────────────
export const ListCreate = Type.Object(
  {
    scheme: StringEnum(CULTIVATION_SCHEMES),
    name: Text(200, 2),
    issuer: Type.Optional(Nullable(Text(200))),
    documentNo: Type.Optional(Nullable(Text(100))),
    publishedOn: IsoDate,
    note: Type.Optional(Nullable(Text(1000))),
    /** enterprises on the list; more can be added later */
    enterpriseIds: Type.Optional(Type.Array(Uuid, { maxItems: 5000 })),
  },
  { additionalProperties: false },
);
export type ListCreate = Type.Static<typeof ListCreate>;
export const ListPatch = Type.Partial(Type.Object({ name: Text(200, 2), issuer: Nullable(Text(200)), documentNo: Nullable(Text(100)), note: Nullable(Text(1000)) }), { additionalProperties: false });
export const ListEntriesAdd = Type.Object({ enterpriseIds: Type.Array(Uuid, { minItems: 1, maxItems: 5000 }) }, { additionalProperties: false });
export const ListQuery = Type.Object({ scheme: Type.Optional(StringEnum(CULTIVATION_SCHEMES)), q: Type.Optional(Text(100)), ...Paging }, { additionalProperties: false });

export const ListSummary = Type.Object({
  id: Uuid,
  scheme: StringEnum(CULTIVATION_SCHEMES),
  name: Type.String(),
  issuer: Nullable(Type.String()),
  documentNo: Nullable(Type.String()),
  publishedOn: IsoDate,
  validUntil: IsoDate,
  note: Nullable(Type.String()),
  entryCount: Type.Integer(),
  createdAt: IsoDateTime,
});
export type ListSummary = Type.Static<typeof ListSummary>;

export const ListEntry = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  uscc: Type.String(),
  qualificationId: Uuid,
  validFrom: IsoDate,
  validUntil: IsoDate,
});
export const ListDetail = Type.Object({ ...ListSummary.properties, entries: Type.Array(ListEntry) });
export type ListDetail = Type.Static<typeof ListDetail>;

/** 累计认定: by month, the enterprises ever recognised in each tier (cumulative) and those holding a valid title. */
export const CountsQuery = Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }, { additionalProperties: false });
export const CountsPoint = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  scheme: StringEnum(CULTIVATION_SCHEMES),
  cumulative: Type.Integer(),
  valid: Type.Integer(),
});
export const Counts = Type.Object({
  points: Type.Array(CountsPoint),
  /** today's figures per tier */
  current: Type.Array(Type.Object({ scheme: StringEnum(CULTIVATION_SCHEMES), cumulative: Type.Integer(), valid: Type.Integer(), expiringIn90Days: Type.Integer() })),
});
export type Counts = Type.Static<typeof Counts>;
