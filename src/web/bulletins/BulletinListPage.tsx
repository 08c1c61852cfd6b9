/** Placeholder until the page lands. */
export function BulletinListPage() {
  return null;
}
