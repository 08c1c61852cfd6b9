import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { wechatAccounts, wechatImages } from '../../src/db/schema/index.js';
import { DomainError } from '../../src/server/platform/errors.js';
import { WechatApiError, WechatConfigError, wechatClient, type WechatClient } from '../../src/server/wechat/wechat-client.js';
import { listWechatCalls } from '../../src/server/wechat/wechat.repository.js';
import { wechatCallsOf } from '../../src/server/wechat/wechat-calls.service.js';
import type { WechatArticle } from '../../src/server/wechat/wechat-article.js';
import { backends, startTestApp, type TestApp } from './harness.js';
import { caller, ok, type Api } from './demand-fixtures.js';
import { startWechatTestServer, type WechatTestServer } from './wechat-test-server.js';

/** Requests the tests send to the loopback platform themselves, without the client (not in the call log). */
const RAW_REQUESTS = 3;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** An image as the platform tells it apart: PNG or JPEG magic bytes, then content. */
const png = (size = 2048) => Buffer.concat([PNG_MAGIC, randomBytes(size)]);
const jpg = (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);

/** The DomainError's field names (article limits and image checks refuse before calling). */
function fieldsOf(e: unknown): string[] {
  expect(e).toBeInstanceOf(DomainError);
  const d = (e as DomainError).details;
  return Array.isArray(d) ? d.map((x) => x.field) : [];
}

async function failure<T>(p: Promise<T>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

for (const backend of backends()) {
  describe(`WeChat client against the loopback platform [${backend.name}]`, () => {
    let t: TestApp;
    let wx: WechatTestServer;
    let coordinator: Api;
    let zoneId: string;
    const client = (publicationId?: string): WechatClient => wechatClient(t.ctx, zoneId, { publicationId });
    const article = async (over: Partial<WechatArticle> = {}): Promise<WechatArticle> => ({
      title: '高新区2026年11月企业诉求办理情况通报',
      author: '高新区管委会',
      digest: '本月共受理企业诉求，按时办结率见正文。',
      content: '<section style="font-size:16px"><p>本月共受理企业诉求 <strong>42</strong> 件。</p></section>',
      contentSourceUrl: 'https://yiqi.example.gov.cn/bulletins/2026-11',
      thumbMediaId: await client().addPermanentImage(png()),
      ...over,
    });

    beforeAll(async () => {
      t = await startTestApp(backend);
      wx = await startWechatTestServer();
      t.ctx.config.wechatApiBase = wx.url;
      coordinator = await caller(t, 'coordinator');
      zoneId = ok<{ zoneId: string }>(await coordinator({ url: '/api/auth/me' })).zoneId;
      ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: wx.appId, appSecret: wx.appSecret, enabled: true } }));
    });
    afterAll(async () => {
      await wx?.close();
      await t?.close();
    });
    afterEach(() => {
      t.clock.set(null);
      wx.ipNotWhitelisted(false);
      wx.quotaExceeded('*', false);
      wx.quotaExceeded('/cgi-bin/freepublish/get', false);
      wx.publishFails(false);
      wx.setPublishIdAs('number');
    });

    describe('access token', () => {
      it('is fetched once in normal mode, cached encrypted until expires_in − 300 s, and reused by every client', async () => {
        const now = new Date('2026-12-01T02:00:00Z');
        t.clock.set(now);
        const first = await client().getAccessToken({ fresh: true });
        const tokenCalls = wx.requestsTo('/cgi-bin/stable_token').length;
        expect(first.expiresAt.getTime()).toBe(now.getTime() + (7200 - 300) * 1000);

        await client().uploadImage(png());
        await client().addPermanentImage(jpg());
        await wechatClient(t.ctx, zoneId).uploadImage(png());
        expect(wx.requestsTo('/cgi-bin/stable_token').length).toBe(tokenCalls);
        const last = wx.requests.at(-1)!;
        expect(last.accessTokenSent).toBe(true);
        expect(last.accessTokenValid).toBe(true);
        expect(last.query.access_token).toBe('***');

        const [row] = await t.ctx.db.select().from(wechatAccounts).where(eq(wechatAccounts.zoneId, zoneId));
        expect(row!.accessToken).toMatch(/^v1:/);
        expect(row!.accessToken).not.toContain(first.token);
        expect(row!.accessTokenExpiresAt!.getTime()).toBe(first.expiresAt.getTime());

        const tokenRequest = wx.requestsTo('/cgi-bin/stable_token').at(-1)!;
        expect(tokenRequest.json).toEqual({ grant_type: 'client_credential', appid: wx.appId, secret: '***', force_refresh: false });
        expect(tokenRequest.contentType).toMatch(/^application\/json/);
      });

      it('is asked for again (normal mode) once the cached one is within 5 minutes of expiring', async () => {
        const issued = (await client().getAccessToken()).expiresAt;
        t.clock.set(new Date(issued.getTime() + 1000));
        const before = wx.requestsTo('/cgi-bin/stable_token').length;
        await client().uploadImage(png());
        const after = wx.requestsTo('/cgi-bin/stable_token');
        expect(after.length).toBe(before + 1);
        expect((after.at(-1)!.json as { force_refresh: boolean }).force_refresh).toBe(false);
      });

      it('on 42001 is refreshed once with force_refresh and the call retried once', async () => {
        const forced = wx.stats.forceRefreshes;
        const mark = wx.requests.length;
        wx.expireTokenOnce();
        const mediaId = await client().addPermanentImage(png());
        expect(mediaId).toMatch(/^MEDIA_/);
        const seen = wx.requests.slice(mark).map((r) => [r.path, r.answeredErrcode]);
        expect(seen).toEqual([
          ['/cgi-bin/material/add_material', 42001],
          ['/cgi-bin/stable_token', 0],
          ['/cgi-bin/material/add_material', 0],
        ]);
        expect((wx.requests[mark + 1]!.json as { force_refresh: boolean }).force_refresh).toBe(true);
        expect(wx.stats.forceRefreshes).toBe(forced + 1);
        // The new token is cached: the next call needs no token request.
        await client().uploadImage(png());
        expect(wx.requests.slice(mark + 3).map((r) => r.path)).toEqual(['/cgi-bin/media/uploadimg']);
      });

      it('on a token error again after the refresh gives up (one retry only)', async () => {
        const mark = wx.requests.length;
        wx.failNext('/cgi-bin/draft/add', { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        wx.failNext('/cgi-bin/draft/add', { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        const a = await article();
        const e = await failure(client().addDraft(a));
        expect(e).toBeInstanceOf(WechatApiError);
        expect((e as WechatApiError).errcode).toBe(40001);
        expect(wx.requests.slice(mark).filter((r) => r.path === '/cgi-bin/draft/add')).toHaveLength(2);
      });
    });

    describe('errors the platform gives', () => {
      it('40164 (IP not whitelisted) is a WechatApiError with the rid and plain Chinese words, not retried', async () => {
        wx.ipNotWhitelisted(true, '1.2.3.4');
        const mark = wx.requests.length;
        const e = await failure(client().getAccessToken({ fresh: true }));
        expect(e).toBeInstanceOf(WechatApiError);
        const err = e as WechatApiError;
        expect(err.errcode).toBe(40164);
        expect(err.errmsg).toMatch(/^invalid ip 1\.2\.3\.4 ipv6 ::ffff:1\.2\.3\.4, not in whitelist rid: /);
        expect(err.rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
        expect(err.errmsg).toContain(err.rid!);
        expect(err.endpoint).toBe('/cgi-bin/stable_token');
        expect(err.text('zh')).toMatch(/^服务器 IP（1\.2\.3\.4）不在公众号的 IP 白名单中.*（errcode 40164：invalid ip 1\.2\.3\.4 /);
        expect(err.text('zh', { withCode: false })).not.toContain('errcode');
        expect(err.text('en')).toContain('(1.2.3.4) is not on the account\'s IP whitelist');
        expect(wx.requests.length - mark).toBe(1);
      });

      it('45009 (quota) is a WechatApiError with the rid and plain Chinese words, not retried', async () => {
        const a = await article();
        const draft = await client().addDraft(a);
        const publishId = await client().submitPublish(draft);
        wx.quotaExceeded('/cgi-bin/freepublish/get');
        const mark = wx.requests.length;
        const e = await failure(client().getPublishStatus(publishId));
        expect(e).toBeInstanceOf(WechatApiError);
        const err = e as WechatApiError;
        expect(err.errcode).toBe(45009);
        expect(err.rid).not.toBeNull();
        expect(err.text('zh')).toContain('今日调用次数已达');
        expect(wx.requests.slice(mark).map((r) => r.path)).toEqual(['/cgi-bin/freepublish/get']);
      });

      it('a platform that cannot be reached is errcode −1, logged, in plain words', async () => {
        const e = await failure(wechatClient(t.ctx, zoneId, { baseUrl: 'http://127.0.0.1:9' }).getAccessToken({ fresh: true }));
        expect(e).toBeInstanceOf(WechatApiError);
        expect((e as WechatApiError).errcode).toBe(-1);
        expect((e as WechatApiError).transport).toBe(true);
        expect((e as WechatApiError).text('zh')).toMatch(/^无法连接微信公众平台服务器/);
        const last = (await listWechatCalls(t.ctx.db, zoneId)).at(-1)!;
        expect(last.errcode).toBe(-1);
        expect(last.errmsg).toMatch(/^network error/);
        expect(last.httpStatus).toBeNull();
      });

      it('a disabled or missing account stops the client before anything is sent', async () => {
        ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: wx.appId, enabled: false } }));
        const mark = wx.requests.length;
        try {
          const e = await failure(client().uploadImage(png()));
          expect(e).toBeInstanceOf(WechatConfigError);
          expect((e as WechatConfigError).problem).toBe('disabled');
          expect((e as WechatConfigError).text('zh')).toBe('公众号发布未启用');
          await expect(wechatClient(t.ctx, zoneId, { allowDisabled: true }).getAccessToken({ fresh: true })).resolves.toBeTruthy();
          const other = await failure(wechatClient(t.ctx, randomUUID()).getAccessToken());
          expect((other as WechatConfigError).problem).toBe('not-configured');
        } finally {
          ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: wx.appId, enabled: true } }));
        }
        expect(wx.requests.slice(mark).map((r) => r.path)).toEqual(['/cgi-bin/stable_token']);
      });
    });

    describe('images', () => {
      it('uploadImage posts multipart field "media" to uploadimg, and the same bytes are uploaded once (cached by sha256)', async () => {
        const image = png(4096);
        const mark = wx.requestsTo('/cgi-bin/media/uploadimg').length;
        const url = await client().uploadImage(image);
        expect(url).toMatch(/^http:\/\/mmbiz\.qpic\.cn\//);
        expect(await client().uploadImage(image)).toBe(url);
        const sent = wx.requestsTo('/cgi-bin/media/uploadimg').slice(mark);
        expect(sent).toHaveLength(1);
        expect(sent[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
        expect(sent[0]!.parts).toEqual([{ name: 'media', filename: expect.stringMatching(/\.png$/), type: 'image/png', size: image.length }]);
        const rows = await t.ctx.db.select().from(wechatImages).where(eq(wechatImages.url, url));
        expect(rows).toHaveLength(1);
        expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
        // Other bytes are another upload.
        expect(await client().uploadImage(jpg())).not.toBe(url);
        expect(wx.requestsTo('/cgi-bin/media/uploadimg').slice(mark)).toHaveLength(2);
      });

      it('refuses other formats and images of 1 MB or more before calling', async () => {
        const mark = wx.requests.length;
        expect(fieldsOf(await failure(client().uploadImage(Buffer.from('GIF89a-not-accepted'))))).toEqual(['image']);
        expect(fieldsOf(await failure(client().uploadImage(png(1024 * 1024))))).toEqual(['image']);
        expect(fieldsOf(await failure(client().addPermanentImage(Buffer.from('<svg/>'))))).toEqual(['image']);
        expect(wx.requests.length).toBe(mark);
      });

      it('the loopback platform itself answers 40005 and 40009 as documented, and 41005 without field "media"', async () => {
        const { token } = await client().getAccessToken();
        const post = async (form: FormData) => (await fetch(`${wx.url}/cgi-bin/media/uploadimg?access_token=${token}`, { method: 'POST', body: form })).json() as Promise<{ errcode: number }>;
        const form = (name: string, bytes: Buffer) => {
          const f = new FormData();
          f.append(name, new Blob([new Uint8Array(bytes)]), 'x.png');
          return f;
        };
        expect((await post(form('media', Buffer.from('GIF89a')))).errcode).toBe(40005);
        expect((await post(form('media', png(1024 * 1024)))).errcode).toBe(40009);
        expect((await post(form('file', png()))).errcode).toBe(41005);
      });

      it('addPermanentImage posts multipart "media" with type=image and returns the media_id', async () => {
        const mediaId = await client().addPermanentImage(jpg());
        const sent = wx.requestsTo('/cgi-bin/material/add_material').at(-1)!;
        expect(sent.query).toEqual({ access_token: '***', type: 'image' });
        expect(sent.parts?.map((p) => [p.name, p.type])).toEqual([['media', 'image/jpeg']]);
        expect(sent.parts![0]!.filename).toMatch(/\.jpg$/);
        expect(mediaId).toMatch(/^MEDIA_/);
      });
    });

    describe('drafts and publishing', () => {
      it('addDraft sends the documented fields as UTF-8 JSON (no \\uXXXX escapes) and returns the media_id', async () => {
        const a = await article({ title: '字'.repeat(32) });
        const mediaId = await client().addDraft(a);
        expect(mediaId).toMatch(/^DRAFT_/);
        const sent = wx.requestsTo('/cgi-bin/draft/add').at(-1)!;
        expect(sent.rawBody).toContain('字'.repeat(32));
        expect(sent.rawBody).not.toMatch(/\\u[0-9a-fA-F]{4}/);
        expect(sent.json).toEqual({
          articles: [{
            title: a.title, author: a.author, digest: a.digest, content: a.content, content_source_url: a.contentSourceUrl,
            thumb_media_id: a.thumbMediaId, need_open_comment: 0, only_fans_can_comment: 0,
          }],
        });
        expect(wx.drafts.has(mediaId)).toBe(true);
      });

      it('refuses an article over the platform\'s limits before calling, naming each field', async () => {
        const a = await article();
        const mark = wx.requests.length;
        const tooMuch = await failure(client().addDraft({
          ...a, title: '字'.repeat(33), author: '作'.repeat(17), digest: '摘'.repeat(129), contentSourceUrl: 'javascript:alert(1)',
        }));
        expect(fieldsOf(tooMuch)).toEqual(['article.title', 'article.author', 'article.digest', 'article.contentSourceUrl']);
        const detail = (tooMuch as DomainError).details as { message: string }[];
        expect(detail[0]!.message).toBe('标题不能超过 32 个字（当前 33 个）');
        expect(fieldsOf(await failure(client().addDraft({ ...a, content: '字'.repeat(20_000) })))).toEqual(['article.content']);
        expect(fieldsOf(await failure(client().addDraft({ ...a, content: '<p>x</p><script>alert(1)</script>' })))).toEqual(['article.content']);
        expect(fieldsOf(await failure(client().addDraft({ ...a, title: ' ', content: '', thumbMediaId: '' })))).toEqual(['article.title', 'article.content', 'article.thumbMediaId']);
        expect(wx.requests.length).toBe(mark);
      });

      it('a cover that is not a permanent material is refused by the platform with 40007', async () => {
        const e = await failure(client().addDraft(await article({ thumbMediaId: 'not-a-material' })));
        expect((e as WechatApiError).errcode).toBe(40007);
        expect((e as WechatApiError).transport).toBe(false);
        expect((e as WechatApiError).text('zh')).toMatch(/^素材 ID 无效/);
      });

      it('submitPublish returns publish_id as a string whether the platform sends a number or a string; polling goes 1 → 0', async () => {
        wx.setPollsUntilDone(1);
        const draft = await client().addDraft(await article());
        const publishId = await client().submitPublish(draft);
        expect(wx.requestsTo('/cgi-bin/freepublish/submit').at(-1)!.json).toEqual({ media_id: draft });
        expect(typeof publishId).toBe('string');
        expect(publishId).toMatch(/^\d+$/);

        const first = await client().getPublishStatus(publishId);
        expect(first).toEqual({ publishId, publishStatus: 1, articleId: null, articleDetail: { count: 0, items: [] }, failIdx: [] });
        expect(wx.requestsTo('/cgi-bin/freepublish/get').at(-1)!.json).toEqual({ publish_id: publishId });
        const done = await client().getPublishStatus(publishId);
        expect(done).toEqual({
          publishId, publishStatus: 0, articleId: `ARTICLE_${publishId}`,
          articleDetail: { count: 1, items: [{ idx: 1, articleUrl: `https://mp.weixin.qq.com/s/${publishId}` }] },
          failIdx: [],
        });

        wx.setPublishIdAs('string');
        const second = await client().submitPublish(await client().addDraft(await article()));
        expect(second).toBe(String(Number(publishId) + 1));
      });

      it('a failed publish job reports status 3 with fail_idx [1]', async () => {
        wx.setPollsUntilDone(0);
        wx.publishFails(true);
        const publishId = await client().submitPublish(await client().addDraft(await article()));
        const status = await client().getPublishStatus(publishId);
        expect(status.publishStatus).toBe(3);
        expect(status.failIdx).toEqual([1]);
        expect(status.articleDetail.items).toEqual([]);
      });
    });

    describe('the call log', () => {
      it('has every call with endpoint, errcode, errmsg, rid, HTTP status and publication — never the token or the secret', async () => {
        const publicationId = randomUUID();
        wx.expireTokenOnce();
        await client(publicationId).uploadImage(png());
        const forPublication = await listWechatCalls(t.ctx.db, zoneId, publicationId);
        expect(forPublication.map((c) => [c.endpoint, c.errcode])).toEqual([
          ['/cgi-bin/media/uploadimg', 42001],
          ['/cgi-bin/stable_token', null],
          ['/cgi-bin/media/uploadimg', 0],
        ]);
        const expired = forPublication[0]!;
        expect(expired.errmsg).toMatch(/^access_token expired rid: /);
        expect(expired.rid).toBe(/rid: (\S+)/.exec(expired.errmsg!)![1]);
        expect(expired.httpStatus).toBe(200);
        expect(expired.durationMs).toBeGreaterThanOrEqual(0);
        expect(forPublication[2]!.errmsg).toBe('ok');
        const shown = await wechatCallsOf(t.ctx, zoneId, publicationId);
        expect(shown.map((c) => c.endpoint)).toEqual(forPublication.map((c) => c.endpoint));
        expect(shown[0]).toEqual({
          at: expired.at.toISOString(), endpoint: '/cgi-bin/media/uploadimg', errcode: 42001, errmsg: expired.errmsg, rid: expired.rid, httpStatus: 200, durationMs: expired.durationMs,
        });

        const all = await listWechatCalls(t.ctx.db, zoneId);
        // Every request the client made (not the test's own to the platform) and the one that never arrived.
        expect(all.length).toBe(wx.requests.length - RAW_REQUESTS + 1);
        expect(all.some((c) => c.endpoint === '/cgi-bin/material/add_material?type=image')).toBe(true);
        const logged = JSON.stringify(all);
        expect(wx.issuedTokens.length).toBeGreaterThan(1);
        for (const token of wx.issuedTokens) expect(logged).not.toContain(token);
        expect(logged).not.toContain(wx.appSecret);
        expect(logged).not.toContain('access_token=');
      });
    });
  });
}
