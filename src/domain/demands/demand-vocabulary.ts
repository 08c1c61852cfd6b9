/**
 * The words of a demand's life (glossary: 诉求). Kept as data so the server,
 * the web app and the reports share one list.
 */

/**
 * submitted 待受理 → accepted 待分派 → assigned 待签收 → in_progress 办理中
 * (⇄ waiting 待企业补充) → settled 已办结待回访 → closed 已办结.
 * declined 不予受理 and merged 已合并 end a demand without settling it.
 */
export const DEMAND_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting', 'settled', 'closed', 'declined', 'merged'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** A department is working on it (the deadline runs, except while waiting). */
export const HANDLING_STATUSES: readonly DemandStatus[] = ['assigned', 'in_progress', 'waiting'];
/** Not yet at an end: counted as open in every list and report. */
export const OPEN_STATUSES: readonly DemandStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting', 'settled'];
/** Not yet settled (a department or the coordinator still has work to do): what a visit follows, a brief lists as open. */
export const UNSETTLED_STATUSES: readonly DemandStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'waiting'];
export const TERMINAL_STATUSES: readonly DemandStatus[] = ['closed', 'declined', 'merged'];

/** How a demand reached the zone: 企业端 / 走访·现场办公 / 挂点干部代报 / 服务热线. */
export const DEMAND_CHANNELS = ['portal', 'visit', 'cadre', 'hotline'] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];

/** 公开 / 脱敏公开 / 不公开 (trade secrets, disputes): what public reports may show. */
export const CONFIDENTIALITY_LEVELS = ['public', 'anonymised', 'private'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

/** 满意 / 基本满意 / 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export const DEMAND_ACTIONS = [
  'accept', 'decline', 'assign', 'acknowledge', 'progress', 'request_input', 'return', 'request_extension', 'decide_extension',
  'wait', 'resume', 'settle', 'confirm', 'auto_close', 'merge', 'edit', 'attach',
] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];

/** The seed's demand categories (产证办理 … 配套服务) and the ones every zone needs; each zone may change its tree. */
export const DEFAULT_DEMAND_CATEGORIES: readonly { code: string; name: string }[] = [
  { code: 'property-certificate', name: '产证办理' },
  { code: 'completion-acceptance', name: '竣工验收' },
  { code: 'land-and-buildings', name: '厂房土地' },
  { code: 'funding-and-loans', name: '资金贷款' },
  { code: 'supporting-services', name: '配套服务' },
  { code: 'environmental-approval', name: '环评审批' },
  { code: 'talent-and-labour', name: '人才用工' },
  { code: 'policy-fulfilment', name: '政策兑现' },
  { code: 'utilities', name: '水电气网' },
  { code: 'other', name: '其他' },
];

/** A demand bounced (returned by a department) more than this many times is flagged to the coordinator. */
export const BOUNCE_FLAG_THRESHOLD = 2;
/** Working days the enterprise has to confirm a settled demand before it closes as confirmed by default. */
export const CONFIRMATION_WORKING_DAYS = 5;
