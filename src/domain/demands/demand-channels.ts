import type { Role } from '../identity/roles.js';
import type { DemandChannel } from './demand-vocabulary.js';

/**
 * The channels each role records demands through, the first being its default: the enterprise
 * through its portal, a leader on visits, the service centre by hotline or on visits, a liaison
 * cadre on the enterprise's behalf or on visits. The server refuses other channels; the web form
 * offers only these.
 */
export function channelsFor(actor: { roles: readonly Role[] }): DemandChannel[] {
  const out: DemandChannel[] = [];
  if (actor.roles.includes('enterprise')) out.push('portal');
  if (actor.roles.includes('leader')) out.push('visit');
  if (actor.roles.includes('coordinator')) out.push('hotline', 'visit');
  if (actor.roles.includes('cadre')) out.push('cadre', 'visit');
  return [...new Set(out)];
}
