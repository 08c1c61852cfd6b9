import type { DemandStatus } from '../demands/demand-types.js';
import type { VisitDetail } from './visit-api.js';

/** The demands raised at the on-site office (turned from a problem); the others were gathered before the visit. */
export function raisedDemandIds(v: Pick<VisitDetail, 'issues'>): Set<string> {
  return new Set(v.issues.map((i) => i.demandId).filter((x): x is string => x !== null));
}

/** A demand the department has finished (办结), whether or not the enterprise confirmed it yet. */
export function isSettledDemand(status: DemandStatus): boolean {
  return status === 'settled' || status === 'closed';
}

/** Ended without being settled (declined, merged into another): no longer followed. */
export function isEndedDemand(status: DemandStatus): boolean {
  return status === 'declined' || status === 'merged';
}
