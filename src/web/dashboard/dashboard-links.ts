import type { DashboardMonth } from './dashboard-api.js';

/**
 * Where each chart leads: the list behind the figure, with the filters the list reads from its URL
 * (demand-filters.ts, the visit plan's week and list view). A month's status group is the list's
 * status filter for the demands received that month; "being handled" also lists those overdue
 * (the list has no "not overdue" link), which the 超期 group lists alone.
 */
export type MonthGroup = 'settled' | 'handling' | 'overdue' | 'ended';
export const MONTH_GROUPS: readonly MonthGroup[] = ['settled', 'handling', 'overdue', 'ended'];

const GROUP_FILTERS: Record<MonthGroup, Record<string, string>> = {
  handling: { status: 'submitted,accepted,assigned,in_progress,waiting' },
  overdue: { overdue: 'true' },
  settled: { status: 'settled,closed' },
  ended: { status: 'declined,merged' },
};

const url = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params).toString()}`;

export function monthLink(m: Pick<DashboardMonth, 'from' | 'to'>, group?: MonthGroup): string {
  return url('/demands', { from: m.from, to: m.to, ...(group ? GROUP_FILTERS[group] : {}) });
}

/** The department's demands of the chart's period (this year: the dashboard's yearFrom to today). */
export const departmentLink = (departmentId: string, from: string, to: string) => url('/demands', { departmentId, from, to });

export const categoryLink = (categoryCode: string, from: string, to: string) => url('/demands', { categoryCode, from, to });

/** The month's figures in 诉求统计 (the satisfaction rate there has the same definition). */
export const statsLink = (from: string, to: string) => url('/demands/stats', { from, to });

export const redListLink = () => url('/demands', { overdue: 'true', sort: 'due', order: 'asc' });

export const demandLink = (id: string) => `/demands/${id}`;

export const escalationsLink = () => '/demands/escalations';

/** The week's done visits, as a list. */
export const visitsWeekLink = (monday: string, sunday: string) => url('/visits', { from: monday, to: sunday, view: 'list', status: 'done' });

export const visitCountsLink = (from: string, to: string) => url('/visits/counts', { from, to });

export const enterprisesLink = () => '/enterprises';

export const yearDemandsLink = (from: string, to: string) => url('/demands', { from, to });
