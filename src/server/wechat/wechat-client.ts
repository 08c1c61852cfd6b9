import { createHash } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Lang } from '../../contracts/errors.js';
import type { KeyedFieldError } from '../../contracts/field-messages.js';
import type { PublishJobResult } from '../../contracts/wechat.js';
import { isTokenError, wechatErrorText } from '../../domain/bulletins/wechat-error-text.js';
import { DomainError } from '../platform/errors.js';
import { decryptSecret, encryptSecret, secretKeyOf, SecretBoxError } from './secret-box.js';
import { checkWechatArticle, imageKindOf, type ImageKind, type WechatArticle } from './wechat-article.js';
import {
  findWechatAccount, findWechatImage, insertWechatCall, insertWechatImage, saveAccessToken, type WechatAccountRow,
} from './wechat.repository.js';

/**
 * A thin client of the official-account publishing API (reference Part 1), one per zone:
 *
 * - the stable access token (POST /cgi-bin/stable_token, normal mode) is cached, encrypted, in
 *   wechat_accounts until `expires_in − 300 s` and shared by every caller and server instance;
 * - a token error (40001, 40014, 42001) on a call refreshes the token once — with force_refresh,
 *   the only time it is used (20 a day) — and retries that call once; nothing else is retried
 *   (45009 quota, 40164 whitelist, 48001 permission are reported at once);
 * - every HTTP exchange is a row of wechat_calls (endpoint without the token, errcode, errmsg, rid,
 *   HTTP status, duration, publication); neither the secret nor the token is ever written there.
 *
 * Network calls: never call it inside a database transaction (PGlite has one connection, and a
 * transaction must not wait on the network).
 */

const TRANSPORT_TEXT: Record<Lang, string> = {
  zh: '无法连接微信公众平台服务器，或其回复无法识别，请稍后重试',
  en: 'The WeChat platform could not be reached or gave an unreadable answer; try again later',
};

/**
 * The platform refused (errcode and errmsg as given, rid read from errmsg), or could not be
 * reached / answered nonsense (`transport`: errcode −1, errmsg says what happened).
 */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly rid: string | null,
    readonly endpoint: string,
    readonly httpStatus: number | null = null,
    readonly transport = false,
  ) {
    super(`WeChat ${endpoint}: errcode ${errcode} ${errmsg}`);
  }

  /**
   * In plain words (src/domain/bulletins/wechat-error-text.ts), followed by the platform's errcode
   * and errmsg unless `withCode` is false.
   */
  text(lang: Lang = 'zh', opts: { withCode?: boolean } = {}): string {
    const plain = this.transport ? TRANSPORT_TEXT[lang] : wechatErrorText(this.errcode, this.errmsg)[lang];
    if (opts.withCode === false || plain.includes(String(this.errcode))) return plain;
    const said = `errcode ${this.errcode}${this.errmsg ? `${lang === 'zh' ? '：' : ': '}${this.errmsg}` : ''}`;
    return lang === 'zh' ? `${plain}（${said}）` : `${plain} (${said})`;
  }
}

export type WechatConfigProblem = 'not-configured' | 'disabled' | 'secret-unreadable';

const CONFIG_TEXT: Record<WechatConfigProblem, Record<Lang, string>> = {
  'not-configured': { zh: '尚未配置公众号（AppID 和 AppSecret）', en: 'The official account is not configured (AppID and AppSecret)' },
  disabled: { zh: '公众号发布未启用', en: 'Publishing to the official account is not enabled' },
  'secret-unreadable': {
    zh: '无法解密已保存的 AppSecret（服务器密钥已更换），请重新填写 AppSecret',
    en: 'The saved AppSecret cannot be decrypted (the server key changed); enter the AppSecret again',
  },
};

/** Our configuration stops the call before anything is sent. */
export class WechatConfigError extends Error {
  override readonly name = 'WechatConfigError';
  constructor(readonly problem: WechatConfigProblem) {
    super(CONFIG_TEXT[problem].en);
  }

  text(lang: Lang = 'zh'): string {
    return CONFIG_TEXT[this.problem][lang];
  }
}

/** Body images (media/uploadimg): jpg/png, smaller than 1 MB. */
export const BODY_IMAGE_MAX_BYTES = 1024 * 1024;
/** Cover images (add_material type=image): the platform allows 10 MB now, 2 MB in older docs; we keep to 2 MB. */
export const COVER_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export type WechatClientOptions = {
  /** Written on every call's log row. */
  publicationId?: string | null;
  /** Let the client work while publishing is switched off (the settings page's 测试连接). */
  allowDisabled?: boolean;
  /** Defaults to the configuration's WECHAT_API_BASE. */
  baseUrl?: string;
  timeoutMs?: number;
};

export type WechatClient = {
  /** A valid access token: the cached one, or a new one (normal mode). `fresh` skips the cache. */
  getAccessToken(opts?: { fresh?: boolean }): Promise<{ token: string; expiresAt: Date }>;
  /** Uploads a body image (media/uploadimg) and returns its URL; the same bytes are uploaded once per zone. */
  uploadImage(image: Buffer): Promise<string>;
  /** Adds a permanent image (material/add_material?type=image), the cover; returns its media_id. */
  addPermanentImage(image: Buffer): Promise<string>;
  /** Creates a draft of one article (draft/add); returns the draft's media_id. */
  addDraft(article: WechatArticle): Promise<string>;
  /** Submits a draft for publishing (freepublish/submit); returns publish_id as a string. */
  submitPublish(draftMediaId: string): Promise<string>;
  /** Where a publish job stands (freepublish/get). */
  getPublishStatus(publishId: string): Promise<PublishJobResult>;
};

type Json = Record<string, unknown>;
type Reply = { json: Json; raw: string };
type Body = { json: unknown } | { form: FormData };

const RID = /rid:\s*([0-9A-Za-z-]+)/;

export function ridOf(errmsg: string | null | undefined): string | null {
  return RID.exec(errmsg ?? '')?.[1] ?? null;
}

const invalid = (details: KeyedFieldError[]) => new DomainError('VALIDATION_FAILED', details);
const imageProblem = (reason: string, zh: string, en: string): KeyedFieldError => ({ field: 'image', reason, message: zh, messages: { zh, en } });

function checkImage(image: Buffer, maxBytes: number, label: { zh: string; en: string }): ImageKind {
  const kind = imageKindOf(image);
  if (!kind) throw invalid([imageProblem('image-type', `${label.zh}只能是 JPG 或 PNG 格式`, `The ${label.en} must be a JPG or PNG image`)]);
  if (image.length >= maxBytes) {
    const mb = maxBytes / 1024 / 1024;
    throw invalid([imageProblem('image-size', `${label.zh}须小于 ${mb} MB`, `The ${label.en} must be under ${mb} MB`)]);
  }
  return kind;
}

function imageForm(image: Buffer, kind: ImageKind, name: string): FormData {
  const form = new FormData();
  // The platform wants a file name with the right extension and type.
  form.append('media', new Blob([new Uint8Array(image)], { type: kind === 'png' ? 'image/png' : 'image/jpeg' }), `${name}.${kind}`);
  return form;
}

/** A string field of a reply, read from the raw text when it is a bare number (publish_id can exceed 2^53). */
function idField(reply: Reply, name: string): string | null {
  const raw = new RegExp(`"${name}"\\s*:\\s*(\\d+)`).exec(reply.raw)?.[1];
  if (raw) return raw;
  const v = reply.json[name];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

export function wechatClient(ctx: AppContext, zoneId: string, opts: WechatClientOptions = {}): WechatClient {
  const base = (opts.baseUrl ?? ctx.config.wechatApiBase).replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const key = () => secretKeyOf(ctx.config);

  async function account(): Promise<WechatAccountRow> {
    const row = await findWechatAccount(ctx.db, zoneId);
    if (!row) throw new WechatConfigError('not-configured');
    if (!row.enabled && !opts.allowDisabled) throw new WechatConfigError('disabled');
    return row;
  }

  /** One HTTP exchange, logged; throws WechatApiError for transport failures and errcode ≠ 0. */
  async function send(path: string, query: Record<string, string>, body: Body, hide: string[]): Promise<Reply> {
    const shownQuery = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'access_token')).toString();
    const endpoint = shownQuery ? `${path}?${shownQuery}` : path;
    const url = `${base}${path}?${new URLSearchParams(query).toString()}`;
    const scrub = (s: string) => hide.filter((h) => h.length > 0).reduce((acc, h) => acc.split(h).join('***'), s);
    const started = performance.now();
    let httpStatus: number | null = null;
    let reply: Reply | null = null;
    let failure: { errcode: number; errmsg: string } | null = null;
    try {
      const init: RequestInit = 'json' in body
        // JSON.stringify leaves Chinese as UTF-8 (the platform refuses \uXXXX escapes, errcode 40033).
        ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body.json) }
        : { method: 'POST', body: body.form };
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      httpStatus = res.status;
      const raw = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      if (!res.ok) failure = { errcode: -1, errmsg: `HTTP ${res.status}` };
      else if (typeof json !== 'object' || json === null || Array.isArray(json)) failure = { errcode: -1, errmsg: 'reply is not a JSON object' };
      else reply = { json: json as Json, raw };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      failure = { errcode: -1, errmsg: `network error: ${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause})` : ''}` };
    }
    const errcodeRaw = reply?.json.errcode;
    const errcode = failure ? failure.errcode : typeof errcodeRaw === 'number' ? errcodeRaw : null;
    const errmsg = failure ? failure.errmsg : typeof reply?.json.errmsg === 'string' ? reply.json.errmsg : null;
    const shownErrmsg = errmsg === null ? null : scrub(errmsg);
    const rid = ridOf(shownErrmsg);
    await insertWechatCall(ctx.db, {
      zoneId,
      publicationId: opts.publicationId ?? null,
      endpoint,
      errcode,
      errmsg: shownErrmsg,
      rid,
      httpStatus,
      durationMs: Math.round(performance.now() - started),
    });
    if (failure || (errcode !== null && errcode !== 0)) {
      throw new WechatApiError(errcode ?? -1, shownErrmsg ?? '', rid, endpoint, httpStatus, failure !== null);
    }
    return reply!;
  }

  function decryptedSecret(row: WechatAccountRow): string {
    try {
      return decryptSecret(row.appSecretEncrypted, key());
    } catch (e) {
      if (e instanceof SecretBoxError) throw new WechatConfigError('secret-unreadable');
      throw e;
    }
  }

  function cachedToken(row: WechatAccountRow): { token: string; expiresAt: Date } | null {
    if (!row.accessToken || !row.accessTokenExpiresAt || row.accessTokenExpiresAt.getTime() <= ctx.clock.now().getTime()) return null;
    try {
      return { token: decryptSecret(row.accessToken, key()), expiresAt: row.accessTokenExpiresAt };
    } catch {
      return null;
    }
  }

  async function fetchToken(row: WechatAccountRow, forceRefresh: boolean): Promise<{ token: string; expiresAt: Date }> {
    const secret = decryptedSecret(row);
    const body = { grant_type: 'client_credential', appid: row.appId, secret, force_refresh: forceRefresh };
    const reply = await send('/cgi-bin/stable_token', {}, { json: body }, [secret]);
    const token = reply.json.access_token;
    const expiresIn = reply.json.expires_in;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw new WechatApiError(-1, 'stable_token reply has no access_token or expires_in', null, '/cgi-bin/stable_token', 200, true);
    }
    // Kept until 5 minutes before it expires (the platform's overlap); a token that short-lived is kept half its life.
    const keepSeconds = expiresIn > 300 ? expiresIn - 300 : Math.floor(expiresIn / 2);
    const expiresAt = new Date(ctx.clock.now().getTime() + keepSeconds * 1000);
    await saveAccessToken(ctx.db, zoneId, row.appId, encryptSecret(token, key()), expiresAt);
    return { token, expiresAt };
  }

  async function getAccessToken(o: { fresh?: boolean } = {}) {
    const row = await account();
    const cached = o.fresh ? null : cachedToken(row);
    return cached ?? fetchToken(row, false);
  }

  /** After a token error: another caller may have refreshed already (use theirs); otherwise force a new token. */
  async function refreshAfter(staleToken: string): Promise<string> {
    const row = await account();
    const cached = cachedToken(row);
    if (cached && cached.token !== staleToken) return cached.token;
    return (await fetchToken(row, true)).token;
  }

  /** A call that needs the token (sent as the access_token query parameter). */
  async function authed(path: string, query: Record<string, string>, body: Body): Promise<Reply> {
    const { token } = await getAccessToken();
    try {
      return await send(path, { access_token: token, ...query }, body, [token]);
    } catch (e) {
      if (!(e instanceof WechatApiError) || !isTokenError(e.errcode)) throw e;
      const fresh = await refreshAfter(token);
      return send(path, { access_token: fresh, ...query }, body, [fresh, token]);
    }
  }

  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const malformed = (endpoint: string, what: string) => new WechatApiError(-1, `reply has no ${what}`, null, endpoint, 200, true);

  return {
    getAccessToken,

    async uploadImage(image) {
      const kind = checkImage(image, BODY_IMAGE_MAX_BYTES, { zh: '正文图片', en: 'body image' });
      const hash = sha256(image);
      const known = await findWechatImage(ctx.db, zoneId, hash);
      if (known) return known;
      const reply = await authed('/cgi-bin/media/uploadimg', {}, { form: imageForm(image, kind, hash.slice(0, 16)) });
      const url = reply.json.url;
      if (typeof url !== 'string' || url === '') throw malformed('/cgi-bin/media/uploadimg', 'url');
      await insertWechatImage(ctx.db, zoneId, hash, url, ctx.clock.now());
      return url;
    },

    async addPermanentImage(image) {
      const kind = checkImage(image, COVER_IMAGE_MAX_BYTES, { zh: '封面图片', en: 'cover image' });
      const reply = await authed('/cgi-bin/material/add_material', { type: 'image' }, { form: imageForm(image, kind, `cover-${sha256(image).slice(0, 12)}`) });
      const mediaId = idField(reply, 'media_id');
      if (!mediaId) throw malformed('/cgi-bin/material/add_material?type=image', 'media_id');
      return mediaId;
    },

    async addDraft(article) {
      const problems = checkWechatArticle(article);
      if (problems.length > 0) throw invalid(problems);
      const item: Json = {
        title: article.title,
        author: article.author ?? '',
        digest: article.digest ?? '',
        content: article.content,
        content_source_url: article.contentSourceUrl ?? '',
        thumb_media_id: article.thumbMediaId,
        need_open_comment: article.needOpenComment ? 1 : 0,
        only_fans_can_comment: article.onlyFansCanComment ? 1 : 0,
      };
      const reply = await authed('/cgi-bin/draft/add', {}, { json: { articles: [item] } });
      const mediaId = idField(reply, 'media_id');
      if (!mediaId) throw malformed('/cgi-bin/draft/add', 'media_id');
      return mediaId;
    },

    async submitPublish(draftMediaId) {
      const reply = await authed('/cgi-bin/freepublish/submit', {}, { json: { media_id: draftMediaId } });
      const publishId = idField(reply, 'publish_id');
      if (!publishId) throw malformed('/cgi-bin/freepublish/submit', 'publish_id');
      return publishId;
    },

    async getPublishStatus(publishId) {
      const reply = await authed('/cgi-bin/freepublish/get', {}, { json: { publish_id: publishId } });
      return parsePublishResult(reply.json, idField(reply, 'publish_id') ?? publishId, idField(reply, 'article_id'));
    },
  };
}

/** freepublish/get's reply (or the event's fields, already parsed from XML) in our shape. */
export function parsePublishResult(json: Json, publishId: string, articleId: string | null = null): PublishJobResult {
  const status = Number(json.publish_status);
  const detail = (json.article_detail ?? {}) as { count?: unknown; item?: unknown };
  const rawItems = Array.isArray(detail.item) ? detail.item : detail.item ? [detail.item] : [];
  const items = rawItems
    .map((i) => i as { idx?: unknown; article_url?: unknown })
    .filter((i) => typeof i.article_url === 'string' && i.article_url !== '')
    .map((i) => ({ idx: Number(i.idx), articleUrl: String(i.article_url) }));
  const failRaw = json.fail_idx;
  const failIdx = (Array.isArray(failRaw) ? failRaw : failRaw === undefined || failRaw === null || failRaw === '' ? [] : [failRaw])
    .map(Number)
    .filter((n) => Number.isInteger(n));
  const article = articleId ?? (json.article_id === undefined || json.article_id === null || json.article_id === '' ? null : String(json.article_id));
  return {
    publishId,
    publishStatus: Number.isInteger(status) ? status : -1,
    articleId: article,
    articleDetail: { count: Number(detail.count ?? items.length) || items.length, items },
    failIdx,
  };
}
