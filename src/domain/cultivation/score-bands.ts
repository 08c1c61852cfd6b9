/**
 * Reads a value on an indicator's bands (档位), the one primitive every cultivation score table
 * uses. Bands are listed best first; each has the bound a value must reach for it.
 *
 * A value exactly on a bound takes the better band when `edgeTakesBetterBand` (the reference's
 * reading "以上/以下含本数", CultivationConfig.boundaryTakesHigherBand); otherwise the worse one.
 */
export interface Band {
  /** the bound a value must reach (≥ for higher-is-better, ≤ for lower-is-better); -Infinity / Infinity for the last band */
  bound: number;
  points: number;
}

export type BandDirection = 'higher-is-better' | 'lower-is-better';

/** The index of the band the value falls in (0 = best). The last band must catch every value. */
export function pickBand(value: number, bands: readonly Band[], direction: BandDirection, edgeTakesBetterBand: boolean): number {
  for (let i = 0; i < bands.length - 1; i++) {
    const bound = bands[i]!.bound;
    const reaches = direction === 'higher-is-better'
      ? (edgeTakesBetterBand ? value >= bound : value > bound)
      : (edgeTakesBetterBand ? value <= bound : value < bound);
    if (reaches) return i;
  }
  return bands.length - 1;
}
