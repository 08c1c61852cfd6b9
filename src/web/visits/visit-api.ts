import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PageOf } from '../../contracts/common.js';
import type {
  HalfDay,
  VisitCheckResult,
  VisitCreate,
  VisitDetail,
  VisitIssue,
  VisitIssueCreate,
  VisitMove,
  VisitPatch,
  VisitPhoto as VisitPhotoSchema,
  VisitRecord,
  VisitStatus,
  VisitSummary,
} from '../../contracts/visits.js';
import { apiGet, apiSend, apiUpload, type QueryParams } from '../app/api.js';

export type { HalfDay, VisitCheckResult, VisitCreate, VisitDetail, VisitIssue, VisitIssueCreate, VisitPatch, VisitRecord, VisitStatus, VisitSummary };
export type VisitPhoto = Static<typeof VisitPhotoSchema>;
export type VisitCheckBody = { id?: string; visitOn: string; halfDay: HalfDay; leaderId: string; enterpriseIds: string[] };

export const visitKeys = {
  all: ['visits'] as const,
  lists: ['visits', 'list'] as const,
  list: (params: QueryParams) => ['visits', 'list', params] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  check: (body: VisitCheckBody) => ['visits', 'check', body] as const,
};

export function useVisitList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: visitKeys.list(params),
    queryFn: () => apiGet<PageOf<VisitSummary>>('/api/visits', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisit(id: string | undefined) {
  return useQuery({
    queryKey: visitKeys.detail(id ?? ''),
    queryFn: () => apiGet<VisitDetail>(`/api/visits/${id}`),
    enabled: Boolean(id),
  });
}

/** Conflicts (refuse) and coverage warnings (无事不扰) of a plan being filled in; the caller debounces. */
export function useVisitCheck(body: VisitCheckBody | null) {
  return useQuery({
    queryKey: visitKeys.check(body ?? { visitOn: '', halfDay: 'am', leaderId: '', enterpriseIds: [] }),
    queryFn: () => apiSend<VisitCheckResult>('POST', '/api/visits/check', body),
    enabled: body !== null,
    staleTime: 10_000,
    retry: false,
  });
}

/** Every write answers with the refreshed detail: store it and refresh the lists (and the demands it touched). */
function useVisitWrite<V>(fn: (vars: V) => Promise<VisitDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(visitKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: visitKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['demands'] });
    },
  });
}

export function useCreateVisit() {
  return useVisitWrite((body: VisitCreate) => apiSend<VisitDetail>('POST', '/api/visits', body));
}

export function usePatchVisit(id: string) {
  return useVisitWrite((body: VisitPatch) => apiSend<VisitDetail>('PATCH', `/api/visits/${id}`, body));
}

export function useMoveVisit() {
  return useVisitWrite(({ id, ...body }: VisitMove & { id: string }) => apiSend<VisitDetail>('POST', `/api/visits/${id}/move`, body));
}

export function useCancelVisit(id: string) {
  return useVisitWrite((reason: string) => apiSend<VisitDetail>('POST', `/api/visits/${id}/cancel`, { reason }));
}

export function useSaveVisitRecord(id: string) {
  return useVisitWrite((body: VisitRecord) => apiSend<VisitDetail>('PUT', `/api/visits/${id}/record`, body));
}

export function useAddVisitIssue(id: string) {
  return useVisitWrite((body: VisitIssueCreate) => apiSend<VisitDetail>('POST', `/api/visits/${id}/issues`, body));
}

export function useGatherDemands(id: string) {
  return useVisitWrite((demandIds: string[]) => apiSend<VisitDetail>('POST', `/api/visits/${id}/gather`, { demandIds }));
}

export function useUngatherDemand(id: string) {
  return useVisitWrite((demandId: string) => apiSend<VisitDetail>('DELETE', `/api/visits/${id}/gather/${demandId}`));
}

export function useSignOffVisit(id: string) {
  return useVisitWrite(() => apiSend<VisitDetail>('POST', `/api/visits/${id}/sign-off`));
}

export function useUploadVisitPhoto(id: string) {
  return useVisitWrite((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiUpload<VisitDetail>(`/api/visits/${id}/photos`, form);
  });
}

export function visitPhotoUrl(visitId: string, photoId: string): string {
  return `/api/visits/${visitId}/photos/${photoId}`;
}
