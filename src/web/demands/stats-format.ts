/** 0.857 → "85.7%"; null (nothing to rate) → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
