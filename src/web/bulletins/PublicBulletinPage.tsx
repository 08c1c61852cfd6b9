/** Placeholder until the page lands. */
export function PublicBulletinPage() {
  return null;
}
