import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../contracts/dashboard.js';
import { apiGet } from '../app/api.js';

export type {
  CategoryShare, Dashboard, DashboardMonth, DepartmentOnTime, RedListItem, SatisfactionMonth, VisitWeek,
} from '../../contracts/dashboard.js';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  one: (months: number) => ['dashboard', months] as const,
};

/** The dashboard's figures; `refetchInterval` (ms) keeps a wall screen current, even when not focused. */
export function useDashboard(months: number, refetchInterval?: number) {
  return useQuery({
    queryKey: dashboardKeys.one(months),
    queryFn: () => apiGet<Dashboard>('/api/dashboard', { months }),
    placeholderData: keepPreviousData,
    ...(refetchInterval ? { refetchInterval, refetchIntervalInBackground: true } : {}),
  });
}
