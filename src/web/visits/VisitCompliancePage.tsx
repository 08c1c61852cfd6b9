/** Placeholder until the page lands. */
export function VisitCompliancePage() {
  return null;
}
