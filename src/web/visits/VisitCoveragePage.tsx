/** Placeholder until the page lands. */
export function VisitCoveragePage() {
  return null;
}
