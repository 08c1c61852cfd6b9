import { hasRole, type Actor } from '../../domain/identity/actor.js';

/** Only administrators browse the audit log. */
export const canReadAudit = (actor: Actor) => hasRole(actor, 'admin');
