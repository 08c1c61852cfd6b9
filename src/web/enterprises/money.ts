/**
 * Money is stored and sent in yuan; officials read and type it in 万元 (ten thousand yuan).
 * Null means "not reported" and stays null.
 */
export function yuanToWan(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  return Math.round(yuan * 100) / 1_000_000;
}

/** 万元 → yuan, rounded to the fen (0.01 yuan). */
export function wanToYuan(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return null;
  return Math.round(wan * 1_000_000) / 100;
}

const wanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** "1,234.56" (万元) from yuan, or null when not reported. */
export function formatWan(yuan: number | null | undefined): string | null {
  const wan = yuanToWan(yuan);
  return wan === null ? null : wanFormat.format(wan);
}

export function formatCount(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : countFormat.format(value);
}
