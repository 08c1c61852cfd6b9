import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PageOf } from '../../contracts/common.js';
import type {
  CultivationScheme,
  CultivationSettings,
  CultivationSettingsPatch,
  EvaluationPurpose,
  PipelineBand,
  ResultDetail,
  ResultItem,
  RunCreate,
  RunNotifyResult as RunNotifyResultSchema,
  RunStatus,
  RunSummary,
} from '../../contracts/cultivation.js';
import { apiDownload, apiGet, apiSend, type QueryParams } from '../app/api.js';

export type { CultivationScheme, CultivationSettings, CultivationSettingsPatch, EvaluationPurpose, PipelineBand, ResultDetail, ResultItem, RunCreate, RunStatus, RunSummary };
export type RunNotifyResult = Static<typeof RunNotifyResultSchema>;

/** A run still working: its page polls it. */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ['queued', 'running'];
export const isRunActive = (run: Pick<RunSummary, 'status'>) => ACTIVE_RUN_STATUSES.includes(run.status);

/** How often a queued or running run is read again (ms). */
const POLL_MS = 1500;

export const runKeys = {
  all: ['cultivation-runs'] as const,
  lists: ['cultivation-runs', 'list'] as const,
  list: (params: QueryParams) => ['cultivation-runs', 'list', params] as const,
  detail: (id: string) => ['cultivation-runs', 'detail', id] as const,
  results: (id: string) => ['cultivation-runs', 'results', id] as const,
  resultList: (id: string, params: QueryParams) => ['cultivation-runs', 'results', id, 'list', params] as const,
  result: (id: string, enterpriseId: string) => ['cultivation-runs', 'results', id, 'one', enterpriseId] as const,
};
export const settingsKey = ['cultivation-settings'] as const;

/** The runs, newest first; polled while one of the page's runs is still working. */
export function useRuns(params: QueryParams) {
  return useQuery({
    queryKey: runKeys.list(params),
    queryFn: () => apiGet<PageOf<RunSummary>>('/api/cultivation/runs', params),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isRunActive) ? POLL_MS : false),
  });
}

/** One run, read again every 1.5 s until it is done or failed. */
export function useRun(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: runKeys.detail(id ?? ''),
    queryFn: async () => {
      const run = await apiGet<RunSummary>(`/api/cultivation/runs/${id}`);
      // The run just finished: its results and the list's counts are new.
      if (!isRunActive(run)) {
        void queryClient.invalidateQueries({ queryKey: runKeys.results(run.id) });
      }
      return run;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && !isRunActive(query.state.data) ? false : POLL_MS),
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RunCreate) => apiSend<RunSummary>('POST', '/api/cultivation/runs', body),
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
      void queryClient.invalidateQueries({ queryKey: runKeys.lists });
    },
  });
}

export function useRunResults(id: string, params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: runKeys.resultList(id, params),
    queryFn: () => apiGet<PageOf<ResultItem>>(`/api/cultivation/runs/${id}/results`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One enterprise's explained evaluation in a run (the drawer). */
export function useRunResult(id: string, enterpriseId: string | null) {
  return useQuery({
    queryKey: runKeys.result(id, enterpriseId ?? ''),
    queryFn: () => apiGet<ResultDetail>(`/api/cultivation/runs/${id}/results/${enterpriseId}`),
    enabled: Boolean(enterpriseId),
  });
}

/** Tells the close enterprises of a run their gap: all of them, or the ones given. */
export function useNotifyRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enterpriseIds: string[] | undefined) =>
      apiSend<RunNotifyResult>('POST', `/api/cultivation/runs/${id}/notify`, enterpriseIds ? { enterpriseIds } : {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: runKeys.results(id) }),
  });
}

/**
 * How many close enterprises of a run have not been notified yet: "notify all" reaches only those
 * (the server never notifies them twice unless they are named).
 */
export async function countCloseNotNotified(id: string): Promise<{ pending: number; notified: number }> {
  let pending = 0;
  let notified = 0;
  for (let page = 1; ; page++) {
    const batch = await apiGet<PageOf<ResultItem>>(`/api/cultivation/runs/${id}/results`, { pipeline: 'close', page, pageSize: 200 });
    for (const item of batch.items) {
      if (item.notifiedAt) notified++;
      else pending++;
    }
    if (batch.items.length < 200 || page * 200 >= batch.total) break;
  }
  return { pending, notified };
}

export function downloadRunExport(id: string, params: QueryParams, fallbackName: string): Promise<void> {
  return apiDownload(`/api/cultivation/runs/${id}/export.xlsx`, params, fallbackName);
}

// ─── The zone's settings ────────────────────────────────────────────────────

export function useCultivationSettings(enabled = true) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => apiGet<CultivationSettings>('/api/cultivation/settings'),
    staleTime: 60_000,
    enabled,
  });
}

export function usePatchCultivationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CultivationSettingsPatch) => apiSend<CultivationSettings>('PATCH', '/api/cultivation/settings', body),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}
