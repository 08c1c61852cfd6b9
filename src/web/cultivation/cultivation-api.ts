import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../../contracts/common.js';
import type {
  AssessmentCreate,
  AssessmentDetail,
  AssessmentPrefill,
  AssessmentStatus,
  AssessmentSummary,
  CultivationScheme,
  CultivationSettings,
  EvaluationPurpose,
} from '../../contracts/cultivation.js';
import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import { apiGet, apiSend, type QueryParams } from '../app/api.js';

export type { AssessmentDetail, AssessmentPrefill, AssessmentStatus, AssessmentSummary, CultivationScheme, CultivationSettings, EvaluationPurpose };

/** 自评 (self-assessments): the enterprise's own, and the officer's review queue. */
export const assessmentKeys = {
  all: ['cultivation', 'assessments'] as const,
  lists: ['cultivation', 'assessments', 'list'] as const,
  list: (params: QueryParams) => ['cultivation', 'assessments', 'list', params] as const,
  detail: (id: string) => ['cultivation', 'assessments', 'detail', id] as const,
  prefill: (params: QueryParams) => ['cultivation', 'assessments', 'prefill', params] as const,
};

export function useAssessmentList(params: QueryParams) {
  return useQuery({
    queryKey: assessmentKeys.list(params),
    queryFn: () => apiGet<PageOf<AssessmentSummary>>('/api/cultivation/assessments', params),
    placeholderData: keepPreviousData,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.detail(id ?? ''),
    queryFn: () => apiGet<AssessmentDetail>(`/api/cultivation/assessments/${id}`),
    enabled: Boolean(id),
  });
}

/**
 * The profile pre-filled from the enterprise's yearly figures and titles, with the zone's settings
 * (the unconfirmed rules) the browser's live score needs. `on` picks the rules' date (default: today).
 */
export function useAssessmentPrefill(params: { enterpriseId?: string; on?: string }, enabled = true) {
  const query: QueryParams = { enterpriseId: params.enterpriseId, on: params.on };
  return useQuery({
    queryKey: assessmentKeys.prefill(query),
    queryFn: () => apiGet<AssessmentPrefill>('/api/cultivation/assessments/prefill', query),
    enabled,
    staleTime: 60_000,
  });
}

/** Every write answers with the assessment's detail: store it and refresh the lists. */
function useAssessmentWrite<V>(fn: (vars: V) => Promise<AssessmentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(assessmentKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.lists });
    },
  });
}

export function useCreateAssessment() {
  return useAssessmentWrite((body: AssessmentCreate) => apiSend<AssessmentDetail>('POST', '/api/cultivation/assessments', body));
}

export function useSaveAssessment() {
  return useAssessmentWrite(({ id, profile }: { id: string; profile: CultivationProfile }) =>
    apiSend<AssessmentDetail>('PATCH', `/api/cultivation/assessments/${id}`, { profile }),
  );
}

/** Saves the profile first when it changed, then submits with the declaration of truthfulness. */
export function useSubmitAssessment() {
  return useAssessmentWrite(async ({ id, profile }: { id: string; profile?: CultivationProfile }) => {
    if (profile) await apiSend<AssessmentDetail>('PATCH', `/api/cultivation/assessments/${id}`, { profile });
    return apiSend<AssessmentDetail>('POST', `/api/cultivation/assessments/${id}/submit`, { declaration: true });
  });
}

export function useAcceptAssessment(id: string) {
  return useAssessmentWrite(() => apiSend<AssessmentDetail>('POST', `/api/cultivation/assessments/${id}/accept`));
}

export function useReturnAssessment(id: string) {
  return useAssessmentWrite((reason: string) => apiSend<AssessmentDetail>('POST', `/api/cultivation/assessments/${id}/return`, { reason }));
}
