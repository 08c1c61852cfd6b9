import { hasRole, type Actor } from '../../domain/identity/actor.js';

export const calendarPolicy = {
  /** Everyone signed in sees working days (an enterprise sees its countdown). */
  read: (a: Actor) => a.roles.length > 0,
  manage: (a: Actor) => hasRole(a, 'admin'),
};
