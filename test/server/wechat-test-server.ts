import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com (conventions.md: mock the outside world with a server that
 * speaks its protocol), on 127.0.0.1 and an ephemeral port. It implements the endpoints of the
 * reference's Part 1 with their documented request and response shapes and error codes:
 *
 *   POST /cgi-bin/stable_token                 JSON {grant_type, appid, secret, force_refresh}
 *   POST /cgi-bin/media/uploadimg              multipart "media", jpg/png < 1 MB → {url}
 *   POST /cgi-bin/material/add_material?type=  multipart "media" → {media_id, url}
 *   POST /cgi-bin/draft/add                    JSON {articles:[…]} → {media_id}
 *   POST /cgi-bin/freepublish/submit           JSON {media_id} → {errcode:0, publish_id}
 *   POST /cgi-bin/freepublish/get              JSON {publish_id} → {publish_status, …}
 *
 * Every request is recorded (the secret and the token masked) so tests can assert on the wire;
 * errors can be injected. It can also push a signed PUBLISHJOBFINISH event to a callback URL.
 * Where the real platform's behaviour is not documented (the errcode for an unknown publish_id,
 * for instance) the double's choice is marked as such.
 */

export type RecordedPart = { name: string; filename: string | null; type: string | null; size: number };

export type RecordedRequest = {
  method: string;
  path: string;
  /** The query; access_token is shown as "***" (see `accessTokenSent`). */
  query: Record<string, string>;
  /** Whether an access_token query parameter was sent, and whether it was valid when received. */
  accessTokenSent: boolean;
  accessTokenValid: boolean;
  contentType: string | null;
  /** The body as received (UTF-8); for stable_token the secret is replaced by "***". Null for multipart. */
  rawBody: string | null;
  /** The parsed JSON body (secret masked), if it was JSON. */
  json: unknown;
  /** The parts of a multipart body. */
  parts: RecordedPart[] | null;
  /** The errcode answered (0 for success). */
  answeredErrcode: number;
};

export type InjectedError = { errcode: number; errmsg: string };

export type PublishJob = { publishId: string; draftMediaId: string; polls: number; fail: boolean };

export type WechatTestServerOptions = {
  appId?: string;
  appSecret?: string;
  /** expires_in of new tokens (seconds); default 7200. */
  tokenLifetime?: number;
  /** freepublish/get answers "publishing" (1) this many times before the final status; default 1. */
  pollsUntilDone?: number;
  /** freepublish/submit's publish_id as a bare number (as a developer saw it) or a string (as documented). Default number. */
  publishIdAs?: 'number' | 'string';
};

export type WechatTestServer = {
  /** http://127.0.0.1:<port>, ready for WECHAT_API_BASE. */
  url: string;
  appId: string;
  appSecret: string;
  requests: RecordedRequest[];
  /** Requests to one path (e.g. '/cgi-bin/draft/add'). */
  requestsTo(path: string): RecordedRequest[];
  /** Tokens issued so far, and how many of those were force refreshes. */
  stats: { tokensIssued: number; forceRefreshes: number };
  drafts: Map<string, { articles: Record<string, unknown>[] }>;
  jobs: Map<string, PublishJob>;
  /** The next call made with the current token answers 42001 once (the token is then invalid). */
  expireTokenOnce(): void;
  /** Every call to `path` (or every authenticated call, '*') answers 45009 until turned off. */
  quotaExceeded(path: string | '*', on?: boolean): void;
  /** Every call, stable_token included, answers 40164 from `ip` until turned off. */
  ipNotWhitelisted(on?: boolean, ip?: string): void;
  /** Publish jobs submitted from now on end in status 3 with fail_idx [1]. */
  publishFails(on?: boolean): void;
  /** Answers the next call to `path` with this error, once. */
  failNext(path: string, error: InjectedError): void;
  /** Sets how many polls a job stays at "publishing". */
  setPollsUntilDone(n: number): void;
  /** Sets the type of publish_id in freepublish/submit's answer. */
  setPublishIdAs(as: 'number' | 'string'): void;
  /** Every token issued so far (to check that none leaked into logs). */
  issuedTokens: string[];
  /** Builds the signed query and the XML body of a PUBLISHJOBFINISH event. */
  publishJobFinishRequest(token: string, event: PushedEvent): { query: Record<string, string>; body: string };
  /** POSTs a signed PUBLISHJOBFINISH event to `callbackUrl` (as the platform does) and returns the answer. */
  pushPublishJobFinish(callbackUrl: string, token: string, event: PushedEvent): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
};

export type PushedEvent = {
  publishId: string;
  publishStatus: number;
  articleId?: string;
  articleUrls?: string[];
  failIdx?: number[];
  /** Unix seconds; default now. */
  createTime?: number;
  /** Another event name (MASSSENDJOBFINISH, …) to test unknown events. */
  eventName?: string;
};

const hex = (n: number) => randomBytes(n).toString('hex');
/** A request id in the platform's style, appended to errmsg as " rid: …". */
const rid = () => `${hex(4)}-${hex(4)}-${hex(4)}`;
const withRid = (errmsg: string) => `${errmsg} rid: ${rid()}`;

const MB = 1024 * 1024;

function isPng(b: Uint8Array) {
  return b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a;
}
function isJpg(b: Uint8Array) {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

export function signCallback(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export async function startWechatTestServer(options: WechatTestServerOptions = {}): Promise<WechatTestServer> {
  const appId = options.appId ?? `wx${hex(8)}`;
  const appSecret = options.appSecret ?? hex(16);
  const lifetime = options.tokenLifetime ?? 7200;
  let pollsUntilDone = options.pollsUntilDone ?? 1;
  let publishIdAs = options.publishIdAs ?? 'number';
  const issuedTokens: string[] = [];
  const requests: RecordedRequest[] = [];
  const stats = { tokensIssued: 0, forceRefreshes: 0 };
  /** Valid tokens and when they expire (ms). */
  const tokens = new Map<string, number>();
  let current: string | null = null;
  let expireOnce = false;
  const quota = new Set<string>();
  let blockedIp: string | null = null;
  let failPublish = false;
  const once = new Map<string, InjectedError[]>();
  const drafts = new Map<string, { articles: Record<string, unknown>[] }>();
  const materials = new Set<string>();
  const jobs = new Map<string, PublishJob>();
  let nextPublishId = 2247483655;

  const issueToken = (): string => {
    const token = `TOKEN_${hex(24)}`;
    tokens.set(token, Date.now() + lifetime * 1000);
    issuedTokens.push(token);
    current = token;
    stats.tokensIssued++;
    return token;
  };

  type Answer = { status?: number; body: Record<string, unknown> };
  const error = (errcode: number, errmsg: string): Answer => ({ body: { errcode, errmsg: withRid(errmsg) } });

  async function handle(req: http.IncomingMessage, raw: Buffer, rec: RecordedRequest): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method !== 'POST') return error(43002, 'require POST method');
    if (blockedIp) return error(40164, `invalid ip ${blockedIp} ipv6 ::ffff:${blockedIp}, not in whitelist`);
    const injected = once.get(path)?.shift();
    if (injected) return error(injected.errcode, injected.errmsg);

    if (path === '/cgi-bin/stable_token') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        return error(47001, 'data format error');
      }
      if (body.grant_type !== 'client_credential') return error(40002, 'invalid grant_type');
      if (body.appid !== appId) return error(40013, 'invalid appid');
      if (body.secret !== appSecret) return error(40125, 'invalid appsecret');
      if (body.force_refresh === true) {
        stats.forceRefreshes++;
        // Force mode invalidates the previous token.
        if (current) tokens.delete(current);
        const token = issueToken();
        return { body: { access_token: token, expires_in: lifetime } };
      }
      // Normal mode: the same token while it is valid.
      const until = current ? tokens.get(current) : undefined;
      if (current && until && until - Date.now() > 300_000) {
        return { body: { access_token: current, expires_in: Math.floor((until - Date.now()) / 1000) } };
      }
      return { body: { access_token: issueToken(), expires_in: lifetime } };
    }

    // Every other endpoint needs a token.
    const token = url.searchParams.get('access_token');
    if (!token) return error(41001, 'access_token missing');
    if (expireOnce && token === current) {
      expireOnce = false;
      tokens.delete(token);
      return error(42001, 'access_token expired');
    }
    const until = tokens.get(token);
    if (until === undefined) return error(40001, 'invalid credential, access_token is invalid or not latest');
    if (until < Date.now()) return error(42001, 'access_token expired');
    if (quota.has('*') || quota.has(path)) return error(45009, 'reach max api daily quota limit');

    if (path === '/cgi-bin/media/uploadimg' || path === '/cgi-bin/material/add_material') {
      let form: FormData;
      try {
        form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(raw) }).formData();
      } catch {
        return error(41005, 'media data missing');
      }
      rec.parts = [];
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') rec.parts.push({ name, filename: null, type: null, size: Buffer.byteLength(value) });
        else rec.parts.push({ name, filename: value.name, type: value.type || null, size: value.size });
      }
      const media = form.get('media');
      if (!media || typeof media === 'string') return error(41005, 'media data missing');
      const bytes = new Uint8Array(await media.arrayBuffer());
      const png = isPng(bytes);
      if (path === '/cgi-bin/media/uploadimg') {
        if (!png && !isJpg(bytes)) return error(40005, 'invalid file type');
        if (bytes.length >= MB) return error(40009, 'invalid image size');
        const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
        return { body: { url: `http://mmbiz.qpic.cn/mmbiz_${png ? 'png' : 'jpg'}/${id}/0?wx_fmt=${png ? 'png' : 'jpeg'}`, errcode: 0, errmsg: 'ok' } };
      }
      const type = url.searchParams.get('type');
      if (type !== 'image') return error(40004, 'invalid media type');
      if (!png && !isJpg(bytes)) return error(40005, 'invalid file type');
      if (bytes.length > 10 * MB) return error(40009, 'invalid image size');
      const mediaId = `MEDIA_${hex(16)}`;
      materials.add(mediaId);
      return { body: { media_id: mediaId, url: `http://mmbiz.qpic.cn/mmbiz_png/${hex(16)}/0?wx_fmt=png`, item: [] } };
    }

    const text = raw.toString('utf8');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return error(47001, 'data format error');
    }

    if (path === '/cgi-bin/draft/add') {
      // The platform refuses \uXXXX escapes of non-ASCII characters.
      if (/\\u[0-9a-fA-F]{4}/.test(text)) return error(40033, 'invalid charset. please check your request, if include \\uxxxx will create fail!');
      const articles = body.articles;
      if (!Array.isArray(articles) || articles.length === 0) return error(44003, 'empty news data');
      for (const a of articles as Record<string, unknown>[]) {
        if (typeof a.title !== 'string' || a.title === '') return error(44003, 'empty news data');
        if (Array.from(a.title).length > 32) return error(45003, 'title size out of limit');
        if (typeof a.content !== 'string' || a.content === '') return error(44004, 'empty content');
        if (typeof a.thumb_media_id !== 'string' || !materials.has(a.thumb_media_id)) return error(40007, 'invalid media_id');
      }
      const mediaId = `DRAFT_${hex(16)}`;
      drafts.set(mediaId, { articles: articles as Record<string, unknown>[] });
      return { body: { media_id: mediaId } };
    }

    if (path === '/cgi-bin/freepublish/submit') {
      const mediaId = body.media_id;
      if (typeof mediaId !== 'string' || !drafts.has(mediaId)) return error(40007, 'invalid media_id');
      const publishId = String(nextPublishId++);
      jobs.set(publishId, { publishId, draftMediaId: mediaId, polls: 0, fail: failPublish });
      return { body: { errcode: 0, errmsg: 'ok', publish_id: publishIdAs === 'string' ? publishId : Number(publishId), msg_data_id: Number(publishId) + 1 } };
    }

    if (path === '/cgi-bin/freepublish/get') {
      // The documented request carries publish_id as a string; a number is taken too.
      const job = jobs.get(String(body.publish_id));
      // Double's choice: the errcode for an unknown publish_id is not documented.
      if (!job) return error(40007, 'invalid publish_id');
      job.polls++;
      if (job.polls <= pollsUntilDone) return { body: { publish_id: job.publishId, publish_status: 1 } };
      if (job.fail) return { body: { publish_id: job.publishId, publish_status: 3, fail_idx: [1] } };
      drafts.delete(job.draftMediaId);
      return {
        body: {
          publish_id: job.publishId,
          publish_status: 0,
          article_id: `ARTICLE_${job.publishId}`,
          article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${job.publishId}` }] },
          fail_idx: [],
        },
      };
    }

    return { status: 404, body: { errcode: 404, errmsg: withRid('not found') } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams.entries());
      const token = url.searchParams.get('access_token');
      if (token !== null) query.access_token = '***';
      const contentType = req.headers['content-type'] ?? null;
      const isJson = contentType?.startsWith('application/json') ?? false;
      let rawBody: string | null = contentType?.startsWith('multipart/') ? null : raw.toString('utf8');
      let json: unknown = null;
      if (rawBody !== null && isJson) {
        try {
          json = JSON.parse(rawBody);
        } catch {
          json = null;
        }
        if (json && typeof json === 'object' && 'secret' in json) {
          json = { ...(json as Record<string, unknown>), secret: '***' };
          rawBody = rawBody.split(appSecret).join('***');
        }
      }
      const rec: RecordedRequest = {
        method: req.method ?? '', path: url.pathname, query,
        accessTokenSent: token !== null,
        accessTokenValid: token !== null && (tokens.get(token) ?? 0) > Date.now() && !(expireOnce && token === current),
        contentType, rawBody, json, parts: null, answeredErrcode: 0,
      };
      requests.push(rec);
      handle(req, raw, rec)
        .then((answer) => {
          rec.answeredErrcode = typeof answer.body.errcode === 'number' ? answer.body.errcode : 0;
          // The platform answers errors with HTTP 200 and a JSON body.
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; encoding=utf-8' });
          res.end(JSON.stringify(answer.body));
        })
        .catch((e: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(e));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const publishJobFinishRequest = (token: string, event: PushedEvent) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const items = (event.articleUrls ?? []).map((u, i) => `<item><idx>${i + 1}</idx><article_url>${cdata(u)}</article_url></item>`).join('');
    const fail = (event.failIdx ?? []).map((i) => `<fail_idx>${i}</fail_idx>`).join('');
    const body = [
      '<xml>',
      `<ToUserName>${cdata('gh_4d00ed8d6399')}</ToUserName>`,
      `<FromUserName>${cdata('oV5CrjpxgaGXNHIQigzNlgLTnwic')}</FromUserName>`,
      `<CreateTime>${event.createTime ?? Math.floor(Date.now() / 1000)}</CreateTime>`,
      `<MsgType>${cdata('event')}</MsgType>`,
      `<Event>${cdata(event.eventName ?? 'PUBLISHJOBFINISH')}</Event>`,
      '<PublishEventInfo>',
      `<publish_id>${event.publishId}</publish_id>`,
      `<publish_status>${event.publishStatus}</publish_status>`,
      event.articleId ? `<article_id>${cdata(event.articleId)}</article_id>` : '',
      items ? `<article_detail><count>${event.articleUrls!.length}</count>${items}</article_detail>` : '',
      fail,
      '</PublishEventInfo>',
      '</xml>',
    ].join('');
    return { query: { signature: signCallback(token, timestamp, nonce), timestamp, nonce, openid: 'oV5CrjpxgaGXNHIQigzNlgLTnwic' }, body };
  };

  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    stats,
    drafts,
    jobs,
    expireTokenOnce: () => { expireOnce = true; },
    quotaExceeded: (path, on = true) => { if (on) quota.add(path); else quota.delete(path); },
    ipNotWhitelisted: (on = true, ip = '1.2.3.4') => { blockedIp = on ? ip : null; },
    publishFails: (on = true) => { failPublish = on; },
    failNext: (path, e) => { once.set(path, [...(once.get(path) ?? []), e]); },
    setPollsUntilDone: (n) => { pollsUntilDone = n; },
    setPublishIdAs: (as) => { publishIdAs = as; },
    issuedTokens,
    publishJobFinishRequest,
    async pushPublishJobFinish(callbackUrl, token, event) {
      const { query, body } = publishJobFinishRequest(token, event);
      const res = await fetch(`${callbackUrl}?${new URLSearchParams(query).toString()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      return { status: res.status, body: await res.text() };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
