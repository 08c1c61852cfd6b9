import type { Me } from '../app/session.js';
import { hasAnyRole } from '../app/session.js';

/** Who sees the zone-wide demand list (the server scopes what a cadre gets to their enterprises). */
export function canListDemands(me: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(me, 'coordinator', 'leader', 'admin', 'cadre');
}

/** Who may export the list to Excel (the server's demandPolicy.export). */
export function canExportDemands(me: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(me, 'coordinator', 'leader', 'admin');
}

/** The channels a role records demands through: the same rule the server applies. */
export { channelsFor } from '../../domain/demands/demand-channels.js';

/** Who sees the escalation and overdue lists and the counts. */
export function canOverseeDemands(me: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(me, 'coordinator', 'leader', 'admin');
}

/** Who may file a demand: the enterprise itself, or staff on its behalf (cadre, hotline, visit). */
export function canSubmitDemand(me: Pick<Me, 'roles' | 'enterpriseId'>): boolean {
  if (hasAnyRole(me, 'coordinator', 'leader', 'cadre')) return true;
  return me.roles.includes('enterprise') && Boolean(me.enterpriseId);
}

/** Staff pick the enterprise; an enterprise user files for its own. */
export function submitsForOthers(me: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(me, 'coordinator', 'leader', 'cadre');
}

export function canManageCategories(me: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(me, 'coordinator', 'admin');
}
