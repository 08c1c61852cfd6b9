/** Placeholder until the page lands. */
export function VisitDetailPage() {
  return null;
}
