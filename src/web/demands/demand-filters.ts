import type { DEMAND_SORTS } from '../../contracts/demands.js';
import type { QueryParams } from '../app/api.js';
import { useUrlFilters } from '../app/url-filters.js';

export type DemandSort = (typeof DEMAND_SORTS)[number];

/** Every sort of the contract (a Record, so the compiler notices a new one); kept here to spare the browser the schema library. */
const SORTS: Record<DemandSort, true> = { urgency: true, submitted: true, due: true, number: true };
export const DEMAND_SORT_KEYS = Object.keys(SORTS) as DemandSort[];

/** Yes/no filters of the list; in the URL as `flag=true`. */
export const DEMAND_FLAGS = ['overdue', 'provisional', 'escalated', 'flagged', 'pendingExtension'] as const;
export type DemandFlag = (typeof DEMAND_FLAGS)[number];

/** A list's filters, sort, page and tab, exactly as they appear in the URL query string. */
export type DemandFilters = {
  q?: string;
  /** Comma-separated statuses, or "open". */
  status?: string;
  categoryCode?: string;
  departmentId?: string;
  enterpriseId?: string;
  channel?: string;
  from?: string;
  to?: string;
  sort?: DemandSort;
  order?: 'asc' | 'desc';
  /** The page's own tab (queue, my demands, escalations); not sent to the API. */
  tab?: string;
  page: number;
  pageSize: number;
} & Partial<Record<DemandFlag, 'true'>>;

const TEXT_KEYS = ['q', 'status', 'categoryCode', 'departmentId', 'enterpriseId', 'channel', 'from', 'to', 'tab'] as const;

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function readFilters(params: URLSearchParams): DemandFilters {
  const filters: DemandFilters = { page: positive(params.get('page'), 1, 100_000), pageSize: positive(params.get('pageSize'), 20, 200) };
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  for (const flag of DEMAND_FLAGS) if (params.get(flag) === 'true') filters[flag] = 'true';
  const sort = params.get('sort');
  if (sort && sort in SORTS) filters.sort = sort as DemandSort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') filters.order = order;
  return filters;
}

/** The API query for the filters; `withPage` false for exports (the whole filtered set). */
export function toApiQuery(filters: DemandFilters, withPage = true): QueryParams {
  const { page, pageSize, tab: _tab, ...rest } = filters;
  return withPage ? { ...rest, page, pageSize } : { ...rest };
}

/** Filters kept in the URL, so a filtered list can be bookmarked, shared and returned to. */
export function useDemandFilters(): [DemandFilters, (patch: Partial<DemandFilters>) => void, () => void] {
  return useUrlFilters(readFilters);
}

export function hasFilters(f: DemandFilters): boolean {
  return TEXT_KEYS.some((k) => k !== 'tab' && Boolean(f[k])) || DEMAND_FLAGS.some((k) => f[k] === 'true');
}
