/**
 * 规上 / 限上 by revenue (official-rules.md §5.1). The thresholds are transcribed again here, in 万元,
 * independently of the implementation; every sector with a threshold is tested at it, one yuan
 * below and one yuan above, and every sector without one says why.
 */
import { describe, expect, it } from 'vitest';
import { SIZE_SECTORS, type SizeSector } from '../enterprises/size-sectors.js';
import { checkAboveScale, type AboveScaleGroup, type AboveScaleUnknownReason } from './check-above-scale.js';

// sector → [group, basis, threshold in 万元], as in §5.1
const THRESHOLDS: [SizeSector, AboveScaleGroup, 'mainBusinessRevenue' | 'revenue', number][] = [
  ['industry', 'industry', 'mainBusinessRevenue', 2000],
  ['wholesale', 'trade', 'mainBusinessRevenue', 2000],
  ['retail', 'trade', 'mainBusinessRevenue', 500],
  ['accommodation', 'trade', 'mainBusinessRevenue', 200],
  ['catering', 'trade', 'mainBusinessRevenue', 200],
  ['transport', 'services', 'revenue', 2000],
  ['warehousing', 'services', 'revenue', 2000],
  ['postal', 'services', 'revenue', 2000],
  ['information-transmission', 'services', 'revenue', 2000],
  ['software-it', 'services', 'revenue', 2000],
  ['leasing-business', 'services', 'revenue', 1000],
  ['property-management', 'services', 'revenue', 1000],
];
const WITHOUT: [SizeSector, AboveScaleUnknownReason][] = [
  ['agriculture', 'no-threshold'],
  ['construction', 'no-threshold'],
  ['real-estate', 'no-threshold'],
  ['other', 'sector-ambiguous'],
];

describe('checkAboveScale', () => {
  it('covers every one of the 16 size sectors', () => {
    const covered = [...THRESHOLDS.map((t) => t[0]), ...WITHOUT.map((t) => t[0])].sort();
    expect(covered).toEqual(SIZE_SECTORS.map((s) => s.key).sort());
  });

  const edges = THRESHOLDS.flatMap(([sector, group, basis, wan]) => {
    const t = wan * 10_000;
    return [
      [sector, group, basis, t, t - 1, false],
      [sector, group, basis, t, t, true],
      [sector, group, basis, t, t + 1, true],
      [sector, group, basis, t, 0, false],
    ] as const;
  });
  it.each(edges)('%s (%s, %s ≥ %d): %d → %s', (sector, group, basis, threshold, value, eligible) => {
    // The other revenue field is set to the opposite side, so the wrong basis would give the wrong answer.
    const other = basis === 'revenue' ? 'mainBusinessRevenue' : 'revenue';
    const r = checkAboveScale({ sector, [basis]: value, [other]: eligible ? 0 : threshold * 10 });
    expect(r).toEqual({ eligible, group, threshold, basis, value, missing: [], reason: null });
  });

  it.each(WITHOUT)('%s has no threshold: eligible null (%s)', (sector, reason) => {
    const r = checkAboveScale({ sector, revenue: 1e10, mainBusinessRevenue: 1e10 });
    expect(r.eligible).toBeNull();
    expect(r.reason).toBe(reason);
    expect(r.threshold).toBeNull();
    expect(r.missing).toEqual([]);
  });

  it('reports the basis as missing, never reads it as zero', () => {
    expect(checkAboveScale({ sector: 'industry', revenue: 1e9 })).toMatchObject({ eligible: null, missing: ['mainBusinessRevenue'], reason: 'value-missing', threshold: 20_000_000 });
    expect(checkAboveScale({ sector: 'software-it', mainBusinessRevenue: 1e9, revenue: null })).toMatchObject({ eligible: null, missing: ['revenue'], reason: 'value-missing' });
  });

  it('reports the sector as missing', () => {
    expect(checkAboveScale({ revenue: 1e9, mainBusinessRevenue: 1e9 })).toMatchObject({ eligible: null, missing: ['sector'], reason: 'sector-missing' });
    expect(checkAboveScale({ sector: null })).toMatchObject({ eligible: null, missing: ['sector'], reason: 'sector-missing' });
  });
});
