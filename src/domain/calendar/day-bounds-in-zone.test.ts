import { describe, it, expect } from 'vitest';
import { startOfDayInZone, dateInZone, isValidTimeZone } from './day-bounds-in-zone.js';

describe('startOfDayInZone', () => {
  it.each([
    ['2026-11-27', 'Asia/Shanghai', '2026-11-26T16:00:00.000Z'],
    ['2026-01-01', 'Asia/Shanghai', '2025-12-31T16:00:00.000Z'],
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-07-01', 'UTC', '2026-07-01T00:00:00.000Z'],
  ])('%s in %s starts at %s', (date, tz, expected) => {
    expect(startOfDayInZone(date, tz).toISOString()).toBe(expected);
  });
});

describe('dateInZone', () => {
  it('puts 17:00 UTC on the next day in Shanghai', () => {
    expect(dateInZone(new Date('2026-11-26T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    expect(dateInZone(new Date('2026-11-26T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-26');
  });
  it('rejects unknown zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Base')).toBe(false);
  });
});
