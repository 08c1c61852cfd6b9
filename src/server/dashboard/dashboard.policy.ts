import { hasRole, type Actor } from '../../domain/identity/actor.js';

/**
 * 数据看板 and 数据大屏 show the whole zone's figures: the coordinator, the leaders and the
 * administrators (the same people who read 诉求统计 and 走访统计).
 */
export const dashboardPolicy = {
  view: (a: Actor) => hasRole(a, 'coordinator', 'leader', 'admin'),
};
