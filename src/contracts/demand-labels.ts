import type { Lang } from './errors.js';
import type { DemandChannel, DemandStatus, Satisfaction } from '../domain/demands/index.js';

/**
 * Names of a demand's statuses, channels and ratings for what the server writes itself (the Excel
 * export, the counts' row names). The web app has its own copies in its translations.
 */
export const DEMAND_LABELS = {
  zh: {
    status: {
      submitted: '待受理', accepted: '待分派', assigned: '待签收', in_progress: '办理中', waiting: '待企业补充', settled: '已办结待回访',
      closed: '已办结', declined: '不予受理', merged: '已合并',
    } satisfies Record<DemandStatus, string>,
    channel: { portal: '企业端', visit: '走访·现场办公', cadre: '挂点干部代报', hotline: '服务热线' } satisfies Record<DemandChannel, string>,
    satisfaction: { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' } satisfies Record<Satisfaction, string>,
    unassigned: '（未分派）',
  },
  en: {
    status: {
      submitted: 'Submitted', accepted: 'To assign', assigned: 'Assigned', in_progress: 'In progress', waiting: 'Waiting for the enterprise',
      settled: 'Settled, to confirm', closed: 'Closed', declined: 'Declined', merged: 'Merged',
    } satisfies Record<DemandStatus, string>,
    channel: { portal: 'Enterprise portal', visit: 'Visit / on-site office', cadre: 'Liaison cadre', hotline: 'Hotline' } satisfies Record<DemandChannel, string>,
    satisfaction: { satisfied: 'Satisfied', 'basically-satisfied': 'Basically satisfied', dissatisfied: 'Dissatisfied' } satisfies Record<Satisfaction, string>,
    unassigned: '(not assigned)',
  },
} as const satisfies Record<Lang, unknown>;
