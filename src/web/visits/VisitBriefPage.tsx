/** Placeholder until the page lands. */
export function VisitBriefPage() {
  return null;
}
