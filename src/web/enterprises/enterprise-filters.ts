import type { QueryParams } from '../app/api.js';
import { useUrlFilters } from '../app/url-filters.js';

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

/** Sorting keeps the page a user is on; any other change goes back to page 1. */
const KEEPS_PAGE = ['page', 'pageSize', 'sort', 'order'] as const;

/** Filters kept in the URL, so a filtered list can be bookmarked, shared and returned to. */
export function useEnterpriseFilters(): [EnterpriseFilters, (patch: Partial<EnterpriseFilters>) => void, () => void] {
  return useUrlFilters(readFilters, KEEPS_PAGE);
}

export function hasFilters(f: EnterpriseFilters): boolean {
  return TEXT_KEYS.some((k) => Boolean(f[k])) || f.aboveScale !== undefined;
}
