import dayjs from 'dayjs';

/** Timestamps are UTC on the wire; officials read them in the zone's time (Asia/Shanghai). */
const ZONE_TIME_ZONE = 'Asia/Shanghai';

function parts(iso: string, withTime: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  });
  const p = Object.fromEntries(format.formatToParts(date).map((x) => [x.type, x.value]));
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

export function isoDay(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}
