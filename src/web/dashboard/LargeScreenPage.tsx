/** Placeholder until the page lands. */
export function LargeScreenPage() {
  return null;
}
