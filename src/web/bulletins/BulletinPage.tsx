/** Placeholder until the page lands. */
export function BulletinPage() {
  return null;
}
