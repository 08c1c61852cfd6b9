import { describe, expect, it } from 'vitest';
import { findTitleCoverageEnd, OPEN_END, type TitlePeriod } from './find-title-coverage-end.js';

const t = (validFrom: string, validUntil: string | null): TitlePeriod => ({ validFrom, validUntil });

describe('findTitleCoverageEnd', () => {
  it.each<[string, TitlePeriod[], string, string | null]>([
    ['no titles', [], '2026-01-01', null],
    ['one title covering the day', [t('2025-06-30', '2028-06-29')], '2026-01-01', '2028-06-29'],
    ['on the first valid day', [t('2025-06-30', '2028-06-29')], '2025-06-30', '2028-06-29'],
    ['on the last valid day', [t('2025-06-30', '2028-06-29')], '2028-06-29', '2028-06-29'],
    ['the day after the end', [t('2025-06-30', '2028-06-29')], '2028-06-30', null],
    ['the day before the start', [t('2025-06-30', '2028-06-29')], '2025-06-29', null],
    ['a renewal starting the next day continues it', [t('2023-06-30', '2026-06-29'), t('2026-06-30', '2029-06-29')], '2026-01-01', '2029-06-29'],
    ['an overlapping renewal continues it', [t('2026-05-01', '2029-04-30'), t('2023-06-30', '2026-06-29')], '2026-01-01', '2029-04-30'],
    ['a renewal after a one-day break does not', [t('2023-06-30', '2026-06-29'), t('2026-07-01', '2029-06-30')], '2026-01-01', '2026-06-29'],
    ['a title without an end', [t('2024-01-01', null)], '2026-01-01', OPEN_END],
    ['chained to a title without an end', [t('2024-01-01', '2026-12-31'), t('2027-01-01', null)], '2026-01-01', OPEN_END],
  ])('%s', (_name, titles, day, expected) => {
    expect(findTitleCoverageEnd(titles, day)).toBe(expected);
  });
});
