import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../app/api.js';

export type CalendarYear = {
  year: number;
  status: 'official' | 'provisional';
  notice: string | null;
  source: string | null;
  builtIn: boolean;
  offRanges: { name: string; from: string; to: string }[];
  adjustedWorkdays: string[];
};
export type OverrideKind = 'closure' | 'working';
export type CalendarOverride = { date: string; kind: OverrideKind; reason: string };
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday' | 'zone-closure' | 'zone-working';
/** One day of /api/calendar/month; `kind` is used when the server sends it, otherwise derived. */
export type CalendarDay = { date: string; workingDay: boolean; reason: string; provisional: boolean; kind?: DayKind };
export type DueReply = { due: string; provisional: boolean };

const keys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  overrides: ['calendar', 'overrides'] as const,
  month: (year: number, month: number) => ['calendar', 'month', year, month] as const,
};

export function useCalendarYears() {
  return useQuery({ queryKey: keys.years, queryFn: () => apiGet<CalendarYear[]>('/api/calendar/years') });
}

export function useCalendarMonth(year: number, month: number) {
  return useQuery({ queryKey: keys.month(year, month), queryFn: () => apiGet<CalendarDay[]>('/api/calendar/month', { year, month }) });
}

export function useOverrides() {
  return useQuery({ queryKey: keys.overrides, queryFn: () => apiGet<CalendarOverride[]>('/api/calendar/overrides') });
}

function useCalendarMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useAddOverride() {
  return useCalendarMutation((body: CalendarOverride) => apiSend<CalendarOverride>('POST', '/api/calendar/overrides', body));
}

export function useDeleteOverride() {
  return useCalendarMutation((date: string) => apiSend<unknown>('DELETE', `/api/calendar/overrides/${date}`));
}

export function useImportYear() {
  return useCalendarMutation((arrangement: unknown) => apiSend<unknown>('POST', '/api/calendar/years', arrangement));
}

export function useDueDate() {
  return useMutation({ mutationFn: (q: { from: string; days: number }) => apiGet<DueReply>('/api/calendar/due', q) });
}

/** The kind of a day, from the server's `kind` or from its reason and weekday. */
export function dayKind(day: CalendarDay): DayKind {
  if (day.kind) return day.kind;
  if (day.reason.startsWith('园区闭园')) return 'zone-closure';
  if (day.reason.startsWith('园区安排上班')) return 'zone-working';
  const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (day.workingDay) return weekend ? 'adjusted-workday' : 'workday';
  return weekend && day.reason === '周末' ? 'weekend' : 'holiday';
}
