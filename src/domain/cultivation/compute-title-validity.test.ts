import { describe, expect, it } from 'vitest';
import { computeTitleValidity } from './compute-title-validity.js';

describe('computeTitleValidity', () => {
  it.each([
    ['a mid-year list', '2025-06-30', '2028-06-29'],
    ['the first day of a year ends on the last day of the third year', '2024-01-01', '2026-12-31'],
    ['the last day of a year', '2023-12-31', '2026-12-30'],
    ['the first of March after a leap February', '2024-03-01', '2027-02-28'],
    ['the first of March before a leap February', '2025-03-01', '2028-02-29'],
    ['29 February of a leap year runs to 28 February', '2024-02-29', '2027-02-28'],
    ['28 February', '2023-02-28', '2026-02-27'],
  ])('%s: %s → %s', (_name, publishedOn, validUntil) => {
    expect(computeTitleValidity(publishedOn)).toEqual({ validFrom: publishedOn, validUntil });
  });

  it.each(['2025-02-30', '2025-6-30', ''])('refuses %j', (bad) => {
    expect(() => computeTitleValidity(bad)).toThrow(RangeError);
  });
});
