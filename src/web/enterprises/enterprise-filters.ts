import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { QueryParams } from '../app/api.js';

export const ENTERPRISE_SORTS = ['name', 'updatedAt', 'latestRevenue', 'latestEmployees', 'foundedOn'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

/** The list's filters, sort and page, exactly as they appear in the URL query string. */
export type EnterpriseFilters = {
  q?: string;
  themeId?: string;
  industrySection?: string;
  industryDivision?: string;
  sizeSector?: string;
  qualification?: string;
  cadreId?: string;
  leaderId?: string;
  aboveScale?: 'true' | 'false';
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const TEXT_KEYS = ['q', 'themeId', 'industrySection', 'industryDivision', 'sizeSector', 'qualification', 'cadreId', 'leaderId'] as const;

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function readFilters(params: URLSearchParams): EnterpriseFilters {
  const filters: EnterpriseFilters = { page: positive(params.get('page'), 1, 100_000), pageSize: positive(params.get('pageSize'), 20, 200) };
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const above = params.get('aboveScale');
  if (above === 'true' || above === 'false') filters.aboveScale = above;
  const sort = params.get('sort');
  if (sort && (ENTERPRISE_SORTS as readonly string[]).includes(sort)) filters.sort = sort as EnterpriseSort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') filters.order = order;
  return filters;
}

/** The API query for the filters; `withPage` false for exports (the whole filtered set). */
export function toApiQuery(filters: EnterpriseFilters, withPage = true): QueryParams {
  const { page, pageSize, ...rest } = filters;
  return withPage ? { ...rest, page, pageSize } : { ...rest };
}

function toSearch(filters: EnterpriseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === 20) continue;
    params.set(key, String(value));
  }
  return params;
}

/** Filters kept in the URL, so a filtered list can be bookmarked, shared and returned to. */
export function useEnterpriseFilters(): [EnterpriseFilters, (patch: Partial<EnterpriseFilters>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<EnterpriseFilters>) => {
      const resetsPage = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize' && k !== 'sort' && k !== 'order');
      const next = { ...readFilters(params), ...patch };
      if (resetsPage && patch.page === undefined) next.page = 1;
      setParams(toSearch(next), { replace: false });
    },
    [params, setParams],
  );
  const clear = useCallback(() => {
    const current = readFilters(params);
    setParams(toSearch({ page: 1, pageSize: current.pageSize, sort: current.sort, order: current.order }));
  }, [params, setParams]);
  return [filters, update, clear];
}

export function hasFilters(f: EnterpriseFilters): boolean {
  return TEXT_KEYS.some((k) => Boolean(f[k])) || f.aboveScale !== undefined;
}
