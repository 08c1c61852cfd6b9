import { hasRole, type Actor } from '../../domain/identity/actor.js';

/**
 * Who may see and change the zone's official-account settings: the coordinating office, which
 * publishes the bulletin, and the administrator. Tested as a role × action table.
 */
export const wechatPolicy = {
  readAccount: (a: Actor) => hasRole(a, 'admin', 'coordinator'),
  manageAccount: (a: Actor) => hasRole(a, 'admin', 'coordinator'),
  testAccount: (a: Actor) => hasRole(a, 'admin', 'coordinator'),
};

export type WechatAction = keyof typeof wechatPolicy;
