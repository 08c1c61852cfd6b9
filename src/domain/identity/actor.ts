import type { Role } from './roles.js';

/** Who is asking: the signed-in user as the policies see them. */
export type Actor = {
  zoneId: string;
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  departmentId: string | null;
  enterpriseId: string | null;
};

/** The platform itself acting (demo load, CLI, jobs) — recorded as such in the audit log. */
export type SystemActor = { zoneId: string; userId: null; username: 'system'; displayName: string };

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
