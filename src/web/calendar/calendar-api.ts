import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CalendarDay as CalendarDaySchema,
  CalendarOverride as CalendarOverrideSchema,
  CalendarYear as CalendarYearSchema,
  DueReply as DueReplySchema,
} from '../../contracts/calendar.js';
import { apiGet, apiSend } from '../app/api.js';

export type CalendarYear = Static<typeof CalendarYearSchema>;
export type CalendarOverride = Static<typeof CalendarOverrideSchema>;
export type OverrideKind = CalendarOverride['kind'];
export type CalendarDay = Static<typeof CalendarDaySchema>;
export type DayKind = CalendarDay['kind'];
export type DueReply = Static<typeof DueReplySchema>;

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
