/** Page/pageSize (1-based) to limit/offset. */
export function pageWindow(q: { page?: number; pageSize?: number }): { limit: number; offset: number } {
  const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 200);
  const page = Math.max(q.page ?? 1, 1);
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
