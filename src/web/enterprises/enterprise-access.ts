import { hasAnyRole, type Me } from '../app/session.js';

/**
 * Who may add and import enterprises. The server decides; this only hides buttons that
 * would be refused. Editing an existing enterprise follows the detail's `canEdit`.
 */
export function canManageEnterprises(me: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(me, 'admin', 'coordinator', 'industry');
}
