import { describe, expect, it } from 'vitest';
import { findSlotConflicts, type SlotCandidate, type SlotVisit } from './find-slot-conflicts.js';

const existing: SlotVisit[] = [
  { id: 'v1', leaderId: 'li', date: '2026-03-10', halfDay: 'am', status: 'planned' },
  { id: 'v2', leaderId: 'li', date: '2026-03-10', halfDay: 'pm', status: 'done' },
  { id: 'v3', leaderId: 'wang', date: '2026-03-11', halfDay: 'am', status: 'planned' },
  { id: 'v4', leaderId: 'wang', date: '2026-03-12', halfDay: 'am', status: 'cancelled' },
];

describe('findSlotConflicts', () => {
  it.each<[string, SlotCandidate, string[]]>([
    ['the same leader, day and half-day (planned)', { leaderId: 'li', date: '2026-03-10', halfDay: 'am' }, ['v1']],
    ['the same slot as a done visit', { leaderId: 'li', date: '2026-03-10', halfDay: 'pm' }, ['v2']],
    ['another visit moved onto an occupied slot', { id: 'v3', leaderId: 'li', date: '2026-03-10', halfDay: 'am' }, ['v1']],
    ['the other half-day', { leaderId: 'wang', date: '2026-03-11', halfDay: 'pm' }, []],
    ['another day', { leaderId: 'li', date: '2026-03-11', halfDay: 'am' }, []],
    ['another leader', { leaderId: 'wang', date: '2026-03-10', halfDay: 'am' }, []],
    ['a slot held only by a cancelled visit', { leaderId: 'wang', date: '2026-03-12', halfDay: 'am' }, []],
    ['the visit itself (moved within its own slot)', { id: 'v1', leaderId: 'li', date: '2026-03-10', halfDay: 'am' }, []],
  ])('finds %s', (_case, candidate, ids) => {
    expect(findSlotConflicts(existing, candidate).map((v) => v.id)).toEqual(ids);
  });

  it('returns every conflicting visit when bad data already holds two in one slot', () => {
    const doubled = [...existing, { ...existing[0]!, id: 'v5' }];
    expect(findSlotConflicts(doubled, { leaderId: 'li', date: '2026-03-10', halfDay: 'am' }).map((v) => v.id)).toEqual(['v1', 'v5']);
  });
});
