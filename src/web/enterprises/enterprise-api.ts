import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseSummary } from '../../contracts/enterprises.js';
import type { EnterpriseDetail, EnterpriseInput, ImportJob } from './enterprise-types.js';
import type { PageOf } from '../../contracts/common.js';
import { apiGet, apiSend, apiUpload, type QueryParams } from '../app/api.js';

export type { EnterpriseDetail, EnterpriseSummary, ImportJob };

/** A visit theme (走访主题), with the guiding questions its visits' records answer. */
export type Theme = { id: string; name: string; description: string | null; guidingQuestions: string[]; active: boolean };

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (params: QueryParams) => ['enterprises', 'list', params] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
  count: (params: QueryParams) => ['enterprises', 'count', params] as const,
};

export function useEnterpriseList(params: QueryParams) {
  return useQuery({
    queryKey: enterpriseKeys.list(params),
    queryFn: () => apiGet<PageOf<EnterpriseSummary>>('/api/enterprises', params),
    placeholderData: keepPreviousData,
  });
}

/** How many enterprises match (for counts on the home page), from the list's `total`. */
export function useEnterpriseCount(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.count(params),
    queryFn: async () => (await apiGet<PageOf<EnterpriseSummary>>('/api/enterprises', { ...params, pageSize: 1 })).total,
    enabled,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: () => apiGet<EnterpriseDetail>(`/api/enterprises/${id}`),
    enabled: Boolean(id),
  });
}

export function useSaveEnterprise(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseInput | Partial<EnterpriseInput>) =>
      id ? apiSend<EnterpriseDetail>('PATCH', `/api/enterprises/${id}`, body) : apiSend<EnterpriseDetail>('POST', '/api/enterprises', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(enterpriseKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
  });
}

/** Enterprise search for selects (users drawer), by name or USCC. */
export function useEnterpriseOptions(q: string) {
  return useQuery({
    queryKey: ['enterprises', 'options', q],
    queryFn: () => apiGet<PageOf<EnterpriseSummary>>('/api/enterprises', { q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' }),
    placeholderData: keepPreviousData,
  });
}

export const themeKeys = { all: ['themes'] as const };

export function useThemes() {
  return useQuery({
    queryKey: themeKeys.all,
    queryFn: () => apiGet<PageOf<Theme>>('/api/themes', { pageSize: 200 }),
    staleTime: 5 * 60_000,
  });
}

export function useSaveTheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: { name?: string; description?: string | null; guidingQuestions?: string[]; active?: boolean } }) =>
      id ? apiSend<Theme>('PATCH', `/api/themes/${id}`, body) : apiSend<Theme>('POST', '/api/themes', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: themeKeys.all }),
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<ImportJob>('/api/enterprises/imports', form);
    },
  });
}

const RUNNING: ImportJob['status'][] = ['queued', 'validating', 'writing'];

/** Polls an import job every 700 ms until it succeeds or fails. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['enterprises', 'imports', id],
    queryFn: async () => {
      const job = await apiGet<ImportJob>(`/api/enterprises/imports/${id}`);
      if (job.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && !RUNNING.includes(query.state.data.status) ? false : 700),
    staleTime: 0,
  });
}
