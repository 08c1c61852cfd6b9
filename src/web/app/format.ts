/**
 * Timestamps are UTC on the wire; officials read them in the zone's time zone
 * (Asia/Shanghai unless the zone settings say otherwise). Calendar dates are shown as is.
 */
let zoneTimeZone = 'Asia/Shanghai';
const formats = new Map<string, Intl.DateTimeFormat>();

/** Set from the zone settings once they load (AppLayout). */
export function setZoneTimeZone(timeZone: string): void {
  zoneTimeZone = timeZone;
}

function formatter(withTime: boolean): Intl.DateTimeFormat {
  const key = `${zoneTimeZone}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zoneTimeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

function parts(iso: string, withTime: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(formatter(withTime).formatToParts(date).map((x) => [x.type, x.value]));
  const day = `${p.year}-${p.month}-${p.day}`;
  return withTime ? `${day} ${p.hour}:${p.minute}` : day;
}

/** `2025-03-01 14:05` in the zone's time, or '—' for null. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? parts(iso, true) : '—';
}

/** A calendar date (`YYYY-MM-DD`) as is; a timestamp as its day in the zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return parts(value, false);
}

/** Today's date in the zone, `YYYY-MM-DD`. */
export function todayInZone(): string {
  return parts(new Date().toISOString(), false);
}
