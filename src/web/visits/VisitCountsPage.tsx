/** Placeholder until the page lands. */
export function VisitCountsPage() {
  return null;
}
