import { hasRole, type Actor } from '../../domain/identity/actor.js';

/**
 * Who may do what with monthly bulletins, beyond one bulletin's lifecycle
 * (src/domain/bulletins decides the transitions): the coordinator drafts, edits, submits and
 * publishes; a leader reviews and approves; the administrator reads. Published bulletins are
 * public (no login) through /api/public/bulletins.
 */
export const bulletinPolicy = {
  read: (a: Actor) => hasRole(a, 'coordinator', 'leader', 'admin'),
  create: (a: Actor) => hasRole(a, 'coordinator'),
  /** Publishing to the WeChat official account follows the bulletin's own publishing. */
  publishToWechat: (a: Actor) => hasRole(a, 'coordinator'),
};
