/** Placeholder until the page lands. */
export function WechatAccountPage() {
  return null;
}
