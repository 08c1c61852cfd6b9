import type { Static } from 'typebox';
import type {
  AssignBody,
  BulkAssignBody,
  BulkResult as BulkResultSchema,
  ConfirmBody,
  DeclineBody,
  DemandAttachment,
  DemandCategory,
  DemandCategoryCreate,
  DemandCategoryPatch,
  DemandCreate,
  DemandDetail,
  DemandExtension as DemandExtensionSchema,
  DemandPatch,
  DemandQuery,
  DemandStats,
  DemandSummary,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  InputRequestBody,
  MergeBody,
  Notification,
  ProgressBody,
  ResumeBody,
  ReturnBody,
  SettleBody,
  SimilarDemand as SimilarDemandSchema,
  TimelineEvent,
  WaitBody,
} from '../../contracts/demands.js';

export type {
  AssignBody,
  BulkAssignBody,
  ConfirmBody,
  DemandAttachment,
  DemandCategory,
  DemandCategoryCreate,
  DemandCategoryPatch,
  DemandCreate,
  DemandDetail,
  DemandPatch,
  DemandQuery,
  DemandStats,
  DemandSummary,
  Notification,
  TimelineEvent,
};
export type {
  Confidentiality,
  DemandAction,
  DemandChannel,
  DemandStatus,
  Satisfaction,
} from '../../contracts/demands.js';

export type DemandExtension = Static<typeof DemandExtensionSchema>;
export type SimilarDemand = Static<typeof SimilarDemandSchema>;
export type BulkResult = Static<typeof BulkResultSchema>;
export type DemandCountdown = NonNullable<DemandSummary['countdown']>;
export type DemandRef = NonNullable<DemandDetail['mergedInto']>;
export type StatsRow = DemandStats['byCategory'][number];

/** The request body of each transition (POST /api/demands/:id/<path>), keyed by action name. */
export type ActionBodies = {
  accept: Record<string, never>;
  decline: Static<typeof DeclineBody>;
  assign: AssignBody;
  acknowledge: Record<string, never>;
  progress: Static<typeof ProgressBody>;
  request_input: Static<typeof InputRequestBody>;
  return: Static<typeof ReturnBody>;
  request_extension: Static<typeof ExtensionRequestBody>;
  decide_extension: Static<typeof ExtensionDecisionBody>;
  wait: Static<typeof WaitBody>;
  resume: Static<typeof ResumeBody>;
  settle: Static<typeof SettleBody>;
  confirm: ConfirmBody;
  merge: Static<typeof MergeBody>;
  edit: DemandPatch;
};
export type FormAction = keyof ActionBodies;
