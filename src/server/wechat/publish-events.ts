import type { AppContext } from '../platform/context.js';
import type { PublishJobFinishEvent } from '../../contracts/wechat.js';

/**
 * Where the callback route hands a PUBLISHJOBFINISH event. The bulletin publication service
 * registers its handler at start-up (setPublishJobFinishHandler), so that the WeChat area does not
 * import the bulletins area.
 *
 * The handler's contract:
 * - the platform may push the same event several times (and polling may have seen the result
 *   first): deduplicate on `event.publishId` — a publication already final stays as it is;
 * - an unknown publishId (published by hand on the platform, or another system) is not an error:
 *   ignore it and return;
 * - throwing makes the callback answer 500, so the platform pushes the event again later.
 * It runs outside any transaction; it opens its own.
 */
export type PublishJobFinishHandler = (ctx: AppContext, zoneId: string, event: PublishJobFinishEvent) => Promise<void>;

let handler: PublishJobFinishHandler | null = null;

/** Installs (or, with null, removes) the one handler; the last call wins. */
export function setPublishJobFinishHandler(next: PublishJobFinishHandler | null): void {
  handler = next;
}

/** Passes the event to the registered handler; false when none is registered (the event is then only logged). */
export async function handlePublishJobFinish(ctx: AppContext, zoneId: string, event: PublishJobFinishEvent): Promise<boolean> {
  if (!handler) return false;
  await handler(ctx, zoneId, event);
  return true;
}
