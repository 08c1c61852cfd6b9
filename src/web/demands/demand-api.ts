import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../../contracts/common.js';
import { apiGet, apiSend, apiUpload, type QueryParams } from '../app/api.js';
import type {
  ActionBodies,
  BulkAssignBody,
  BulkResult,
  DemandAttachment,
  DemandCategory,
  DemandCategoryCreate,
  DemandCategoryPatch,
  DemandCreate,
  DemandDetail,
  DemandStats,
  DemandSummary,
  FormAction,
  SimilarDemand,
} from './demand-types.js';

export const demandKeys = {
  all: ['demands'] as const,
  lists: ['demands', 'list'] as const,
  list: (params: QueryParams) => ['demands', 'list', params] as const,
  count: (params: QueryParams) => ['demands', 'list', 'count', params] as const,
  detail: (id: string) => ['demands', 'detail', id] as const,
  similar: (params: QueryParams) => ['demands', 'similar', params] as const,
  stats: (params: QueryParams) => ['demands', 'stats', params] as const,
  categories: ['demand-categories'] as const,
};

export function useDemandList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: demandKeys.list(params),
    queryFn: () => apiGet<PageOf<DemandSummary>>('/api/demands', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many demands match (tab badges, home page), from the list's `total`. */
export function useDemandCount(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: demandKeys.count(params),
    queryFn: async () => (await apiGet<PageOf<DemandSummary>>('/api/demands', { ...params, page: 1, pageSize: 1 })).total,
    enabled,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: demandKeys.detail(id ?? ''),
    queryFn: () => apiGet<DemandDetail>(`/api/demands/${id}`),
    enabled: Boolean(id),
  });
}

/** Possible duplicates among the enterprise's open demands (the caller debounces `text`). */
export function useSimilarDemands(params: { enterpriseId?: string; text: string; excludeId?: string }, enabled: boolean) {
  const query: QueryParams = { enterpriseId: params.enterpriseId, text: params.text, excludeId: params.excludeId };
  return useQuery({
    queryKey: demandKeys.similar(query),
    queryFn: () => apiGet<{ items: SimilarDemand[] }>('/api/demands/similar', query),
    enabled,
    staleTime: 60_000,
  });
}

export function useDemandStats(from: string, to: string) {
  const params = { from, to };
  return useQuery({
    queryKey: demandKeys.stats(params),
    queryFn: () => apiGet<DemandStats>('/api/demands/stats', params),
    placeholderData: keepPreviousData,
  });
}

export function useCreateDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DemandCreate) => apiSend<DemandDetail>('POST', '/api/demands', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(demandKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: demandKeys.lists });
    },
  });
}

/** Sub-resource of each transition; `edit` is a PATCH of the demand itself. */
const ACTION_PATHS: Record<Exclude<FormAction, 'edit' | 'decide_extension'>, string> = {
  accept: 'accept',
  decline: 'decline',
  assign: 'assign',
  acknowledge: 'acknowledge',
  progress: 'progress',
  request_input: 'input-requests',
  return: 'return',
  request_extension: 'extensions',
  wait: 'wait',
  resume: 'resume',
  settle: 'settle',
  confirm: 'confirm',
  merge: 'merge',
};

export type ActionCall = {
  [A in FormAction]: { action: A; body: ActionBodies[A]; extensionId?: string };
}[FormAction];

function sendAction(id: string, call: ActionCall): Promise<DemandDetail> {
  const base = `/api/demands/${id}`;
  if (call.action === 'edit') return apiSend<DemandDetail>('PATCH', base, call.body);
  if (call.action === 'decide_extension') return apiSend<DemandDetail>('POST', `${base}/extensions/${call.extensionId}/decision`, call.body);
  return apiSend<DemandDetail>('POST', `${base}/${ACTION_PATHS[call.action]}`, call.body);
}

/** Takes one action on a demand; the reply is the refreshed detail (with the new `actions`). */
export function useDemandAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: ActionCall) => sendAction(id, call),
    onSuccess: (detail) => {
      queryClient.setQueryData(demandKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: demandKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: demandKeys.detail(id) }),
  });
}

export function useBulkAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAssignBody) => apiSend<BulkResult>('POST', '/api/demands/bulk-assign', body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: demandKeys.all }),
  });
}

export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, internal }: { file: File; internal: boolean }) => {
      const form = new FormData();
      if (internal) form.append('internal', 'true');
      form.append('file', file, file.name);
      return apiUpload<DemandAttachment>(`/api/demands/${id}/attachments`, form);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: demandKeys.detail(id) }),
  });
}

export function attachmentUrl(demandId: string, attachmentId: string): string {
  return `/api/demands/${demandId}/attachments/${attachmentId}`;
}

export function useDemandCategories() {
  return useQuery({
    queryKey: demandKeys.categories,
    queryFn: () => apiGet<{ items: DemandCategory[] }>('/api/demand-categories'),
    staleTime: 5 * 60_000,
  });
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: { code: string; patch: DemandCategoryPatch } | { create: DemandCategoryCreate }) =>
      'create' in call
        ? apiSend<{ items: DemandCategory[] }>('POST', '/api/demand-categories', call.create)
        : apiSend<{ items: DemandCategory[] }>('PATCH', `/api/demand-categories/${encodeURIComponent(call.code)}`, call.patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: demandKeys.categories }),
  });
}
