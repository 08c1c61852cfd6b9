import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PageOf } from '../../contracts/common.js';
import type { Counts, ListCreate, ListDetail, ListPatch as ListPatchSchema, ListSummary, ListEntry as ListEntrySchema } from '../../contracts/cultivation.js';
import { apiGet, apiSend, type QueryParams } from '../app/api.js';

export type { Counts, ListCreate, ListDetail, ListSummary };
export type ListPatch = Static<typeof ListPatchSchema>;
export type ListEntry = Static<typeof ListEntrySchema>;

export const listKeys = {
  all: ['cultivation-lists'] as const,
  lists: ['cultivation-lists', 'list'] as const,
  list: (params: QueryParams) => ['cultivation-lists', 'list', params] as const,
  detail: (id: string) => ['cultivation-lists', 'detail', id] as const,
};
export const countsKey = ['cultivation-counts'] as const;

export function useCultivationLists(params: QueryParams) {
  return useQuery({
    queryKey: listKeys.list(params),
    queryFn: () => apiGet<PageOf<ListSummary>>('/api/cultivation/lists', params),
    placeholderData: keepPreviousData,
  });
}

export function useCultivationList(id: string | undefined) {
  return useQuery({
    queryKey: listKeys.detail(id ?? ''),
    queryFn: () => apiGet<ListDetail>(`/api/cultivation/lists/${id}`),
    enabled: Boolean(id),
  });
}

/** A list's change changes the qualifications behind the counts, and the enterprises' titles. */
function useListWrite<V, R>(fn: (vars: V) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      onDone?.(result);
      void queryClient.invalidateQueries({ queryKey: listKeys.lists });
      void queryClient.invalidateQueries({ queryKey: countsKey });
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}

export function useCreateCultivationList() {
  const queryClient = useQueryClient();
  return useListWrite(
    (body: ListCreate) => apiSend<ListDetail>('POST', '/api/cultivation/lists', body),
    (detail) => queryClient.setQueryData(listKeys.detail(detail.id), detail),
  );
}

export function usePatchCultivationList(id: string) {
  const queryClient = useQueryClient();
  return useListWrite(
    (body: ListPatch) => apiSend<ListDetail>('PATCH', `/api/cultivation/lists/${id}`, body),
    (detail) => queryClient.setQueryData(listKeys.detail(id), detail),
  );
}

/** Adding and removing answer with the list's refreshed detail. */
export function useAddListEntries(id: string) {
  const queryClient = useQueryClient();
  return useListWrite(
    (enterpriseIds: string[]) => apiSend<ListDetail>('POST', `/api/cultivation/lists/${id}/entries`, { enterpriseIds }),
    (detail) => queryClient.setQueryData(listKeys.detail(id), detail),
  );
}

export function useRemoveListEntry(id: string) {
  const queryClient = useQueryClient();
  return useListWrite(
    (enterpriseId: string) => apiSend<ListDetail>('DELETE', `/api/cultivation/lists/${id}/entries/${enterpriseId}`),
    (detail) => queryClient.setQueryData(listKeys.detail(id), detail),
  );
}

export function useDeleteCultivationList(id: string) {
  const queryClient = useQueryClient();
  return useListWrite(
    () => apiSend<{ ok: boolean }>('DELETE', `/api/cultivation/lists/${id}`),
    () => queryClient.removeQueries({ queryKey: listKeys.detail(id) }),
  );
}

/** 累计认定 and 有效 by month, and today's figures per tier. */
export function useCultivationCounts(params: QueryParams = {}) {
  return useQuery({
    queryKey: [...countsKey, params],
    queryFn: () => apiGet<Counts>('/api/cultivation/counts', params),
    placeholderData: keepPreviousData,
  });
}
