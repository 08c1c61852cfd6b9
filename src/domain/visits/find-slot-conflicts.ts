import type { HalfDay, VisitStatus } from './visit-vocabulary.js';

export type SlotVisit = { id: string; leaderId: string; date: string; halfDay: HalfDay; status: VisitStatus };
/** The slot asked for; `id` is given when an existing visit is moved (dragged) to it. */
export type SlotCandidate = { id?: string; leaderId: string; date: string; halfDay: HalfDay };

/**
 * The visits that stop `candidate` from taking its slot: a leader can be at one visit per half-day
 * (issue 4: "the same leader twice in one half-day is refused"). A conflict is a visit of the same
 * leader on the same date (YYYY-MM-DD) and half-day that is not cancelled and is not the candidate
 * itself (moving a visit within, or back to, its own slot is no conflict). An empty list means the
 * slot is free. Accompanying departments and cadres are not checked here.
 */
export function findSlotConflicts(existing: readonly SlotVisit[], candidate: SlotCandidate): SlotVisit[] {
  return existing.filter(
    (visit) =>
      visit.status !== 'cancelled' &&
      visit.id !== candidate.id &&
      visit.leaderId === candidate.leaderId &&
      visit.date === candidate.date &&
      visit.halfDay === candidate.halfDay,
  );
}
