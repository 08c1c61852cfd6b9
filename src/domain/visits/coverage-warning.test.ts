import { describe, expect, it } from 'vitest';
import { coverageWarning, type CoverageWarning } from './coverage-warning.js';

describe('coverageWarning', () => {
  it.each<[string, string | null, string, number, CoverageWarning | null]>([
    ['never visited', null, '2026-03-10', 4, null],
    ['visited long ago', '2025-11-10', '2026-03-10', 4, null],
    ['visited exactly minWeeks weeks before (28 days)', '2026-02-10', '2026-03-10', 4, null],
    ['visited one day inside the boundary (27 days)', '2026-02-11', '2026-03-10', 4, { lastVisitOn: '2026-02-11', weeksSince: 3 }],
    ['visited last week', '2026-03-03', '2026-03-10', 4, { lastVisitOn: '2026-03-03', weeksSince: 1 }],
    ['visited 13 days before: one whole week', '2026-02-25', '2026-03-10', 4, { lastVisitOn: '2026-02-25', weeksSince: 1 }],
    ['visited the same day', '2026-03-10', '2026-03-10', 4, { lastVisitOn: '2026-03-10', weeksSince: 0 }],
    ['a visit already planned a few days after', '2026-03-13', '2026-03-10', 4, { lastVisitOn: '2026-03-13', weeksSince: 0 }],
    ['across a year boundary', '2025-12-29', '2026-01-05', 2, { lastVisitOn: '2025-12-29', weeksSince: 1 }],
    ['minWeeks 1, six days before', '2026-03-04', '2026-03-10', 1, { lastVisitOn: '2026-03-04', weeksSince: 0 }],
    ['minWeeks 1, seven days before', '2026-03-03', '2026-03-10', 1, null],
    ['minWeeks 0: never warn, even the same day', '2026-03-10', '2026-03-10', 0, null],
  ])('%s', (_case, lastVisitOn, plannedOn, minWeeks, expected) => {
    expect(coverageWarning({ lastVisitOn, plannedOn, minWeeks })).toEqual(expected);
  });

  it.each([
    ['a negative minWeeks', '2026-03-01', '2026-03-10', -1],
    ['a fractional minWeeks', '2026-03-01', '2026-03-10', 1.5],
    ['a malformed planned date', '2026-03-01', '2026-3-10', 4],
    ['a malformed last visit', '2026-02-30', '2026-03-10', 4],
    ['a malformed planned date, never visited', null, '2026-13-01', 4],
  ])('throws a RangeError for %s', (_case, lastVisitOn, plannedOn, minWeeks) => {
    expect(() => coverageWarning({ lastVisitOn, plannedOn, minWeeks })).toThrow(RangeError);
  });
});
