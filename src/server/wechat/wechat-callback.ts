import { createHash, timingSafeEqual } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { AppContext } from '../platform/context.js';
import type { PublishJobFinishEvent } from '../../contracts/wechat.js';
import { parsePublishResult } from './wechat-client.js';
import { handlePublishJobFinish } from './publish-events.js';
import { findWechatAccountByZoneCode, insertWechatCall } from './wechat.repository.js';

/**
 * The callback URL (服务器地址) the platform calls: GET to verify the URL when it is configured,
 * POST to push events (PUBLISHJOBFINISH, reference §1.7). No login: every request must carry the
 * signature sha1(sort([Token, timestamp, nonce]).join('')) made with the zone's callback Token.
 * Only plain-text mode (明文模式) is supported: an encrypted (安全模式) body is logged and ignored,
 * and polling still finds the result.
 */

/** The biggest event body accepted (a PUBLISHJOBFINISH event is well under 2 KB). */
export const CALLBACK_BODY_LIMIT = 64 * 1024;

export type SignedQuery = { signature?: string; timestamp?: string; nonce?: string };

export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function isValidSignature(token: string, q: SignedQuery): boolean {
  if (!q.signature || !q.timestamp || !q.nonce) return false;
  const expected = Buffer.from(wechatSignature(token, q.timestamp, q.nonce));
  const given = Buffer.from(q.signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The zone's callback token when the signature is right; null otherwise (unknown zone included). */
async function signedZone(ctx: AppContext, zoneCode: string, q: SignedQuery): Promise<string | null> {
  const found = await findWechatAccountByZoneCode(ctx.db, zoneCode);
  if (!found || !isValidSignature(found.account.callbackToken, q)) return null;
  return found.zoneId;
}

/** URL verification: the echostr to send back, or null (answer 403). */
export async function verifyCallbackUrl(ctx: AppContext, zoneCode: string, q: SignedQuery & { echostr?: string }): Promise<string | null> {
  if (q.echostr === undefined) return null;
  return (await signedZone(ctx, zoneCode, q)) ? q.echostr : null;
}

export type ParsedWechatMessage = {
  msgType: string | null;
  event: string | null;
  /** The body is encrypted (安全模式), which we do not read. */
  encrypted: boolean;
  publishJobFinish: PublishJobFinishEvent | null;
};

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Every value stays a string: publish_id may be longer than a double holds.
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => {
    const path = String(jpath);
    return path === 'xml.PublishEventInfo.article_detail.item' || path === 'xml.PublishEventInfo.fail_idx';
  },
});

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** Reads a pushed message; throws on XML that is not a WeChat message (no <xml> root, DOCTYPE). */
export function parseWechatMessage(body: string): ParsedWechatMessage {
  // No document types: nothing to expand, no entity tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new Error('DOCTYPE not allowed');
  const doc = parser.parse(body, true) as { xml?: Record<string, unknown> };
  const xml = doc.xml;
  if (!xml || typeof xml !== 'object') throw new Error('not a WeChat message');
  const event = str(xml.Event);
  const msgType = str(xml.MsgType);
  const encrypted = xml.Encrypt !== undefined;
  let publishJobFinish: PublishJobFinishEvent | null = null;
  const info = xml.PublishEventInfo as Record<string, unknown> | undefined;
  if (event === 'PUBLISHJOBFINISH' && info && typeof info === 'object') {
    const publishId = str(info.publish_id);
    if (publishId) {
      const result = parsePublishResult(info, publishId, str(info.article_id));
      const createTime = Number(str(xml.CreateTime));
      publishJobFinish = {
        ...result,
        toUserName: str(xml.ToUserName),
        fromUserName: str(xml.FromUserName),
        createTime: Number.isInteger(createTime) ? createTime : null,
      };
    }
  }
  return { msgType, event, encrypted, publishJobFinish };
}

export type CallbackLog = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/**
 * A pushed event: checks the signature, reads the XML, hands PUBLISHJOBFINISH to the publication
 * service (publish-events.ts) and notes every event in wechat_calls (endpoint "event:<Event>").
 * 'forbidden': wrong signature or unknown zone; 'bad-request': unreadable body; 'ok': answer "success".
 */
export async function receiveCallbackEvent(
  ctx: AppContext,
  zoneCode: string,
  q: SignedQuery,
  body: string,
  log: CallbackLog,
): Promise<'ok' | 'forbidden' | 'bad-request'> {
  const zoneId = await signedZone(ctx, zoneCode, q);
  if (!zoneId) return 'forbidden';
  let message: ParsedWechatMessage;
  try {
    message = parseWechatMessage(body);
  } catch (e) {
    log.warn({ zoneCode, err: e instanceof Error ? e.message : String(e) }, 'unreadable WeChat callback body');
    return 'bad-request';
  }
  const note = (summary: string | null) =>
    insertWechatCall(ctx.db, { zoneId, publicationId: null, endpoint: `event:${message.event ?? message.msgType ?? 'unknown'}`, errcode: null, errmsg: summary, rid: null, httpStatus: null, durationMs: null });
  if (message.encrypted) {
    log.warn({ zoneCode }, 'encrypted WeChat callback ignored: set the account to plain-text mode (明文模式)');
    await note('encrypted body ignored (安全模式 not supported)');
    return 'ok';
  }
  const finished = message.publishJobFinish;
  if (!finished) {
    log.info({ zoneCode, msgType: message.msgType, event: message.event }, 'WeChat event not handled');
    await note(null);
    return 'ok';
  }
  await note(`publish_id=${finished.publishId} publish_status=${finished.publishStatus}${finished.articleId ? ` article_id=${finished.articleId}` : ''}`);
  const handled = await handlePublishJobFinish(ctx, zoneId, finished);
  if (!handled) log.warn({ zoneCode, publishId: finished.publishId }, 'PUBLISHJOBFINISH received but no handler is registered');
  return 'ok';
}
