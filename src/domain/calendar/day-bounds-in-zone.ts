/**
 * The UTC instant at which calendar day `date` (YYYY-MM-DD) begins in time zone
 * `timeZone` (IANA name, e.g. Asia/Shanghai). Used to turn a date filter into a
 * timestamp range, and a deadline day into "end of that day in the zone".
 */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Offset of the zone at that instant, in minutes (e.g. +480 for Asia/Shanghai).
  const offset = zoneOffsetMinutes(new Date(guess), timeZone);
  const first = guess - offset * 60_000;
  const offset2 = zoneOffsetMinutes(new Date(first), timeZone);
  return new Date(guess - offset2 * 60_000);
}

/** The date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return parts;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}
