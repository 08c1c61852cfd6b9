import type { ReactNode } from 'react';
import type { Role } from '../../domain/identity/roles.js';
import { ForbiddenPage } from './ForbiddenPage.js';
import { hasAnyRole, isStaff, useSession } from './session.js';

/**
 * Shows the page only to the given roles (or to staff). The server enforces the same
 * rules; this only spares users a page of errors.
 */
export function RequireRole({ roles, staff, children }: { roles?: Role[]; staff?: boolean; children: ReactNode }) {
  const me = useSession();
  const allowed = (staff ? isStaff(me) : true) && (roles ? hasAnyRole(me, ...roles) : true);
  return allowed ? children : <ForbiddenPage />;
}
