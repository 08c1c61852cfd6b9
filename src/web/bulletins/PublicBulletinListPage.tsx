/** Placeholder until the page lands. */
export function PublicBulletinListPage() {
  return null;
}
