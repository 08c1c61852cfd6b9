/** Placeholder until the page lands. */
export function LeaderVisitBoardCard() {
  return null;
}
