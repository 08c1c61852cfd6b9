import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What every list's filters have: paging and an optional sort. */
export type ListFilters = { page: number; pageSize: number; sort?: string; order?: 'asc' | 'desc' };

const DEFAULT_PAGE_SIZE = 20;

/** The filters as URL parameters, leaving out empty values and the default page and page size. */
function toSearch(filters: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    params.set(key, String(value));
  }
  return params;
}

/**
 * A list's filters kept in the URL, so a filtered list can be bookmarked, shared and returned to.
 * Changing a filter goes back to page 1, except for the keys in `keepPageOn` (paging itself, and
 * for some lists the sort). `clear` keeps the page size and the sort.
 */
export function useUrlFilters<F extends ListFilters>(
  read: (params: URLSearchParams) => F,
  keepPageOn: readonly string[] = ['page', 'pageSize'],
): [F, (patch: Partial<F>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => read(params), [read, params]);
  const update = useCallback(
    (patch: Partial<F>) => {
      const resetsPage = Object.keys(patch).some((k) => !keepPageOn.includes(k));
      const next = { ...read(params), ...patch };
      if (resetsPage && patch.page === undefined) next.page = 1;
      setParams(toSearch(next));
    },
    [read, keepPageOn, params, setParams],
  );
  const clear = useCallback(() => {
    const current = read(params);
    setParams(toSearch({ page: 1, pageSize: current.pageSize, sort: current.sort, order: current.order }));
  }, [read, params, setParams]);
  return [filters, update, clear];
}
