import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PageOf } from '../../contracts/common.js';
import type {
  BulletinContent,
  BulletinDetail,
  BulletinPatch,
  BulletinStatus,
  BulletinSummary,
  BulletinWechatState,
  CaseCandidate as CaseCandidateSchema,
  PublicBulletin,
  PublicBulletinSummary as PublicBulletinSummarySchema,
} from '../../contracts/bulletins.js';
import { ApiError, apiDownload, apiGet, apiSend, buildQuery, type QueryParams } from '../app/api.js';
import { i18next } from '../i18n/index.js';
import { useSearchParams } from 'react-router';

export type { BulletinContent, BulletinDetail, BulletinPatch, BulletinStatus, BulletinSummary, PublicBulletin };
export type CaseCandidate = Static<typeof CaseCandidateSchema>;
export type PublicBulletinSummary = Static<typeof PublicBulletinSummarySchema>;

export type WechatState = BulletinWechatState;
export type WechatPublication = NonNullable<WechatState['publication']>;

/** Bulletin actions that only move the status: POST /api/bulletins/:id/<action>. */
export type BulletinTransition = 'submit' | 'approve' | 'publish';

export const bulletinKeys = {
  all: ['bulletins'] as const,
  lists: ['bulletins', 'list'] as const,
  list: (params: QueryParams) => ['bulletins', 'list', params] as const,
  detail: (id: string) => ['bulletins', 'detail', id] as const,
  candidates: (id: string) => ['bulletins', 'candidates', id] as const,
  wechat: (id: string) => ['bulletins', 'wechat', id] as const,
  publicList: (params: QueryParams) => ['public-bulletins', 'list', params] as const,
  publicDetail: (id: string) => ['public-bulletins', 'detail', id] as const,
};

export function useBulletinList(params: QueryParams) {
  return useQuery({
    queryKey: bulletinKeys.list(params),
    queryFn: () => apiGet<PageOf<BulletinSummary>>('/api/bulletins', params),
    placeholderData: keepPreviousData,
  });
}

export function useBulletin(id: string | undefined) {
  return useQuery({
    queryKey: bulletinKeys.detail(id ?? ''),
    queryFn: () => apiGet<BulletinDetail>(`/api/bulletins/${id}`),
    enabled: Boolean(id),
  });
}

export function useCaseCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.candidates(id),
    queryFn: () => apiGet<{ items: CaseCandidate[] }>(`/api/bulletins/${id}/case-candidates`),
    enabled,
  });
}

/** Every write answers with a bulletin's detail: store it and refresh the lists. */
function useBulletinWrite<V>(fn: (vars: V) => Promise<BulletinDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(bulletinKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: bulletinKeys.lists });
      // A correction changes the old version too (superseded); publishing changes the public pages.
      void queryClient.invalidateQueries({ queryKey: ['bulletins', 'detail'], predicate: (q) => q.queryKey[2] !== detail.id });
      void queryClient.invalidateQueries({ queryKey: bulletinKeys.wechat(detail.id) });
      void queryClient.invalidateQueries({ queryKey: ['public-bulletins'] });
    },
  });
}

export function useCreateBulletin() {
  return useBulletinWrite((month: string) => apiSend<BulletinDetail>('POST', '/api/bulletins', { month }));
}

export function usePatchBulletin(id: string) {
  return useBulletinWrite((body: BulletinPatch) => apiSend<BulletinDetail>('PATCH', `/api/bulletins/${id}`, body));
}

export function useBulletinTransition(id: string) {
  return useBulletinWrite((action: BulletinTransition) => apiSend<BulletinDetail>('POST', `/api/bulletins/${id}/${action}`));
}

export function useReturnBulletin(id: string) {
  return useBulletinWrite((note: string) => apiSend<BulletinDetail>('POST', `/api/bulletins/${id}/return`, { note }));
}

/** Answers with the NEW draft version. */
export function useCorrectBulletin(id: string) {
  return useBulletinWrite((reason: string) => apiSend<BulletinDetail>('POST', `/api/bulletins/${id}/correct`, { reason }));
}

/** Polled every 30 s while the official account is still working on the article (or an attempt is being made). */
export function useWechatState(id: string, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.wechat(id),
    queryFn: () => apiGet<WechatState>(`/api/bulletins/${id}/wechat`),
    enabled,
    refetchInterval: (query) => {
      const status = query.state.data?.publication?.status;
      return status === 'submitted' || status === 'publishing' || status === 'drafted' ? 30_000 : false;
    },
  });
}

/** Publishes to the official account, or retries a failed publication (the server never publishes twice). */
export function usePublishToWechat(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<WechatState>('POST', `/api/bulletins/${id}/wechat/publish`),
    onSuccess: (state) => queryClient.setQueryData(bulletinKeys.wechat(id), state),
  });
}

export function downloadBulletin(id: string, kind: 'docx' | 'xlsx', fallbackName: string): Promise<void> {
  return apiDownload(`/api/bulletins/${id}/bulletin.${kind}`, undefined, fallbackName);
}

// ─── Public (no login) ────────────────────────────────────────────────────
// Plain fetch: the app's client sends a signed-out visitor to /login on a 401, which the
// public pages must never do.

async function publicGet<T>(path: string, params?: QueryParams): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path + buildQuery(params), {
      credentials: 'omit',
      headers: { accept: 'application/json', 'x-yiqi-lang': i18next.language === 'en' ? 'en' : 'zh' },
    });
  } catch (cause) {
    throw new ApiError('NETWORK', 0, cause instanceof Error ? cause.message : 'Network error');
  }
  if (response.ok) return (await response.json()) as T;
  let code = response.status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: keep the status's code.
  }
  throw new ApiError(code, response.status, message);
}

/**
 * The zone of the public pages: `?zone=<code>` in the address (the deployment's first zone without
 * it), passed on to the API and kept in the pages' links.
 */
export function usePublicZone(): { zone: string | undefined; link: (path: string) => string } {
  const [params] = useSearchParams();
  const zone = params.get('zone') || undefined;
  return { zone, link: (path) => (zone ? `${path}?zone=${encodeURIComponent(zone)}` : path) };
}

/** The public list; the server may add the zone's name (shown in the page's header). */
export type PublicBulletinPage = PageOf<PublicBulletinSummary> & { zoneName?: string };

export function usePublicBulletinList(params: QueryParams) {
  return useQuery({
    queryKey: bulletinKeys.publicList(params),
    queryFn: () => publicGet<PublicBulletinPage>('/api/public/bulletins', params),
    placeholderData: keepPreviousData,
  });
}

export function usePublicBulletin(id: string | undefined, zone: string | undefined) {
  return useQuery({
    queryKey: [...bulletinKeys.publicDetail(id ?? ''), zone ?? ''],
    queryFn: () => publicGet<PublicBulletin>(`/api/public/bulletins/${id}`, { zone }),
    enabled: Boolean(id),
  });
}
