/** Placeholder until the page lands. */
export function VisitPlanPage() {
  return null;
}
