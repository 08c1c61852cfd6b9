import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceResult, CoverageResult, LeaderVisitBoard, VisitCountsResult } from '../../contracts/visits.js';
import { apiGet, type QueryParams } from '../app/api.js';

export type { ComplianceResult, CoverageResult, LeaderVisitBoard, VisitCountsResult };
export type CoverageItem = CoverageResult['items'][number];
export type LeaderCompliance = ComplianceResult['leaders'][number];
export type WeekCompliance = LeaderCompliance['weeks'][number];

export const visitViewKeys = {
  all: ['visits', 'views'] as const,
  compliance: (params: QueryParams) => ['visits', 'views', 'compliance', params] as const,
  counts: (params: QueryParams) => ['visits', 'views', 'counts', params] as const,
  coverage: (params: QueryParams) => ['visits', 'views', 'coverage', params] as const,
  board: ['visits', 'views', 'board'] as const,
};

/** Per leader and ISO week: half-days planned and done, and how the week stands. */
export function useVisitCompliance(from: string, to: string) {
  const params = { from, to };
  return useQuery({
    queryKey: visitViewKeys.compliance(params),
    queryFn: () => apiGet<ComplianceResult>('/api/visits/compliance', params),
    placeholderData: keepPreviousData,
  });
}

/** The period's figures and the generated sentence. */
export function useVisitCounts(params: { from: string; to: string; themeId?: string }) {
  const query: QueryParams = { ...params };
  return useQuery({
    queryKey: visitViewKeys.counts(query),
    queryFn: () => apiGet<VisitCountsResult>('/api/visits/counts', query),
    placeholderData: keepPreviousData,
  });
}

/** The zone's enterprises by last visit. */
export function useVisitCoverage(params: QueryParams) {
  return useQuery({
    queryKey: visitViewKeys.coverage(params),
    queryFn: () => apiGet<CoverageResult>('/api/visits/coverage', params),
    placeholderData: keepPreviousData,
  });
}

/** The leader's board on the home page (only for leaders and the coordinator). */
export function useLeaderVisitBoard(enabled: boolean) {
  return useQuery({
    queryKey: visitViewKeys.board,
    queryFn: () => apiGet<LeaderVisitBoard>('/api/visits/board'),
    enabled,
  });
}
