import type { AppContext } from '../platform/context.js';
import type { WechatCall } from '../../contracts/wechat.js';
import { listWechatCalls } from './wechat.repository.js';

/**
 * The calls made for one publication (or, with null, for none: token tests, events), oldest
 * first, as the API shows them. The caller checks that the actor may see the publication.
 */
export async function wechatCallsOf(ctx: AppContext, zoneId: string, publicationId: string | null): Promise<WechatCall[]> {
  const rows = await listWechatCalls(ctx.db, zoneId, publicationId);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    endpoint: r.endpoint,
    errcode: r.errcode,
    errmsg: r.errmsg,
    rid: r.rid,
    httpStatus: r.httpStatus,
    durationMs: r.durationMs,
  }));
}
