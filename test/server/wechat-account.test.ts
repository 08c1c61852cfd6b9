import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { wechatAccounts } from '../../src/db/schema/index.js';
import type { PublishJobFinishEvent, WechatAccount, WechatTestReply } from '../../src/contracts/wechat.js';
import { decryptSecret, secretKeyOf } from '../../src/server/wechat/secret-box.js';
import { setPublishJobFinishHandler } from '../../src/server/wechat/publish-events.js';
import { listWechatCalls } from '../../src/server/wechat/wechat.repository.js';
import { parseWechatMessage } from '../../src/server/wechat/wechat-callback.js';
import { auditEntries, backends, signIn, startTestApp, type Session, type TestApp } from './harness.js';
import { caller, ok, type Api } from './demand-fixtures.js';
import { signCallback, startWechatTestServer, type WechatTestServer } from './wechat-test-server.js';

const APP_ID = 'wx0123456789abcdef';

for (const backend of backends()) {
  describe(`WeChat account settings and callback [${backend.name}]`, () => {
    let t: TestApp;
    let wx: WechatTestServer;
    let coordinator: Api;
    let department: Api;
    let enterprise: Api;
    let adminSession: Session;
    let zoneId: string;
    let zoneCode: string;
    const received: PublishJobFinishEvent[] = [];

    const account = async () => ok<WechatAccount>(await coordinator({ url: '/api/wechat/account' }));
    const row = async () => (await t.ctx.db.select().from(wechatAccounts).where(eq(wechatAccounts.zoneId, zoneId)))[0];

    beforeAll(async () => {
      t = await startTestApp(backend);
      wx = await startWechatTestServer({ appId: APP_ID });
      t.ctx.config.wechatApiBase = wx.url;
      coordinator = await caller(t, 'coordinator');
      department = await caller(t, 'department');
      enterprise = await caller(t, 'enterprise');
      adminSession = await signIn(t.app, 'admin');
      zoneId = ok<{ zoneId: string }>(await coordinator({ url: '/api/auth/me' })).zoneId;
      zoneCode = ok<{ code: string }>(await coordinator({ url: '/api/zone' })).code;
    });
    afterAll(async () => {
      setPublishJobFinishHandler(null);
      await wx?.close();
      await t?.close();
    });
    afterEach(() => {
      wx.ipNotWhitelisted(false);
    });

    describe('GET/PUT /api/wechat/account', () => {
      it('shows an unconfigured account with the callback path and no token yet', async () => {
        expect(await account()).toEqual({
          configured: false, appId: null, enabled: false, secretSet: false,
          callbackPath: `/api/wechat/callback/${zoneCode}`, callbackToken: null, updatedAt: null,
        });
      });

      it('refuses a malformed AppID with a field error in Chinese (English on request) and saves nothing', async () => {
        const res = await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: 'wx123', appSecret: wx.appSecret, enabled: true } });
        expect(res.statusCode).toBe(400);
        const error = res.json().error as { code: string; details: { field: string; message: string }[] };
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details).toEqual([{ field: 'appId', reason: 'app-id-format', message: 'AppID 格式不正确：应为 wx 加 16 位十六进制字符（如 wx1234567890abcdef）' }]);
        const en = await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: 'gh_123', appSecret: 'short', enabled: true }, headers: { 'x-yiqi-lang': 'en' } });
        expect((en.json().error.details as { field: string; message: string }[]).map((d) => [d.field, d.message])).toEqual([
          ['appId', 'Invalid AppID: "wx" followed by 16 hexadecimal digits (e.g. wx1234567890abcdef)'],
          ['appSecret', 'Invalid AppSecret: 32 letters or digits'],
        ]);
        expect(await row()).toBeUndefined();
        expect((await account()).configured).toBe(false);
      });

      it('requires the AppSecret the first time', async () => {
        const res = await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, enabled: true } });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details).toEqual([{ field: 'appSecret', reason: 'required', message: '首次配置须填写 AppSecret' }]);
        expect(await row()).toBeUndefined();
      });

      it('saves the account: the secret is never returned, is encrypted at rest, and the audit entry leaves it out', async () => {
        const res = await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: ` ${APP_ID.toUpperCase().replace('WX', 'wx')} `, appSecret: wx.appSecret, enabled: true } });
        const saved = ok<WechatAccount>(res);
        expect(res.body).not.toContain(wx.appSecret);
        expect(saved).toMatchObject({ configured: true, appId: APP_ID, enabled: true, secretSet: true, callbackPath: `/api/wechat/callback/${zoneCode}` });
        expect(saved.callbackToken).toMatch(/^[A-Za-z0-9]{32}$/);
        expect(Object.keys(saved)).not.toContain('appSecret');
        expect(JSON.stringify(await account())).not.toContain(wx.appSecret);

        const stored = (await row())!;
        expect(stored.appSecretEncrypted).not.toBe(wx.appSecret);
        expect(stored.appSecretEncrypted).not.toContain(wx.appSecret);
        expect(stored.appSecretEncrypted).toMatch(/^v1:/);
        expect(decryptSecret(stored.appSecretEncrypted, secretKeyOf(t.ctx.config))).toBe(wx.appSecret);

        const audit = await auditEntries(t.app, adminSession, { entity: 'wechat_account' });
        expect(audit.map((a) => a.action)).toEqual(['wechat.account_created']);
        expect(audit[0]!.after).toEqual({ appId: APP_ID, enabled: true, secretChanged: true, callbackTokenChanged: true });
        expect(JSON.stringify(audit)).not.toContain(wx.appSecret);
        expect(JSON.stringify(audit)).not.toContain(stored.appSecretEncrypted);
      });

      it('keeps the stored secret when appSecret is omitted or empty, and replaces it (dropping the cached token) when given', async () => {
        const before = (await row())!;
        ok(await coordinator({ method: 'POST', url: '/api/wechat/account/test' }));
        expect((await row())!.accessToken).not.toBeNull();

        const kept = ok<WechatAccount>(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, appSecret: '', enabled: false } }));
        expect(kept).toMatchObject({ enabled: false, secretSet: true, callbackToken: before.callbackToken });
        const afterKeep = (await row())!;
        expect(afterKeep.appSecretEncrypted).toBe(before.appSecretEncrypted);
        expect(afterKeep.accessToken).not.toBeNull();

        const other = 'ffffffffffffffffffffffffffffffff';
        ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, appSecret: other, enabled: true } }));
        const replaced = (await row())!;
        expect(decryptSecret(replaced.appSecretEncrypted, secretKeyOf(t.ctx.config))).toBe(other);
        expect(replaced.accessToken).toBeNull();
        expect(replaced.accessTokenExpiresAt).toBeNull();

        const audit = await auditEntries(t.app, adminSession, { entity: 'wechat_account' });
        const updates = audit.filter((a) => a.action === 'wechat.account_updated').map((a) => (a.after as { secretChanged: boolean }).secretChanged);
        expect(updates.sort()).toEqual([false, true]);
        expect(JSON.stringify(audit)).not.toContain(other);

        // Back to the secret the loopback platform knows.
        ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, appSecret: wx.appSecret, enabled: true } }));
        // Another AppID needs its own secret: keeping this one would pair it with the wrong account.
        const bare = await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: 'wxfedcba9876543210', enabled: true } });
        expect(bare.statusCode).toBe(400);
        expect((bare.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field)).toEqual(['appSecret']);
        expect((await row())!.appId).toBe(APP_ID);
      });

      it('issues a new callback Token on request', async () => {
        const before = (await account()).callbackToken;
        const after = ok<WechatAccount>(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, enabled: true, regenerateCallbackToken: true } }));
        expect(after.callbackToken).toMatch(/^[A-Za-z0-9]{32}$/);
        expect(after.callbackToken).not.toBe(before);
      });

      it('is forbidden to a department user and an enterprise user, and needs a session', async () => {
        for (const who of [department, enterprise]) {
          expect((await who({ url: '/api/wechat/account' })).statusCode).toBe(403);
          expect((await who({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, enabled: false } })).statusCode).toBe(403);
          expect((await who({ method: 'POST', url: '/api/wechat/account/test' })).statusCode).toBe(403);
        }
        expect((await t.app.inject({ url: '/api/wechat/account' })).statusCode).toBe(401);
        expect((await account()).enabled).toBe(true);
      });
    });

    describe('POST /api/wechat/account/test', () => {
      it('says the connection works when the platform issues a token', async () => {
        const reply = ok<WechatTestReply>(await coordinator({ method: 'POST', url: '/api/wechat/account/test' }));
        expect(reply).toEqual({ ok: true, errcode: null, errmsg: null, rid: null, message: '连接成功：已从微信公众平台取得访问令牌' });
      });

      it('shows the platform\'s error in plain words, with errcode, errmsg and rid (IP not whitelisted)', async () => {
        wx.ipNotWhitelisted(true, '124.223.42.217');
        const reply = ok<WechatTestReply>(await coordinator({ method: 'POST', url: '/api/wechat/account/test' }));
        expect(reply.ok).toBe(false);
        expect(reply.errcode).toBe(40164);
        expect(reply.rid).toMatch(/^[0-9a-f-]{26}$/);
        expect(reply.message).toBe('服务器 IP（124.223.42.217）不在公众号的 IP 白名单中，请在公众号后台「设置与开发 → 基本配置」中添加 IP 白名单');
        expect(reply.errmsg).toBe(`invalid ip 124.223.42.217 ipv6 ::ffff:124.223.42.217, not in whitelist rid: ${reply.rid}`);
        const en = ok<WechatTestReply>(await coordinator({ method: 'POST', url: '/api/wechat/account/test', headers: { 'x-yiqi-lang': 'en' } }));
        expect(en.message).toMatch(/^The server's IP address \(124\.223\.42\.217\) is not on the account's IP whitelist/);
      });

      it('names a wrong AppSecret', async () => {
        ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, appSecret: '0'.repeat(32), enabled: true } }));
        try {
          const reply = ok<WechatTestReply>(await coordinator({ method: 'POST', url: '/api/wechat/account/test' }));
          expect(reply).toMatchObject({ ok: false, errcode: 40125 });
          expect(reply.message).toMatch(/^AppSecret 无效/);
        } finally {
          ok(await coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: APP_ID, appSecret: wx.appSecret, enabled: true } }));
        }
      });
    });

    describe('the callback URL', () => {
      const token = async () => (await account()).callbackToken!;
      const signed = (tok: string, extra: Record<string, string> = {}) => {
        const timestamp = '1764547200';
        const nonce = '385719274';
        return new URLSearchParams({ signature: signCallback(tok, timestamp, nonce), timestamp, nonce, ...extra }).toString();
      };
      const path = () => `/api/wechat/callback/${zoneCode}`;

      afterEach(() => {
        setPublishJobFinishHandler(null);
        received.length = 0;
      });

      it('answers the platform\'s URL verification with echostr when the signature is right, without a session', async () => {
        const res = await t.app.inject({ url: `${path()}?${signed(await token(), { echostr: '8392749182734' })}` });
        expect(res.statusCode).toBe(200);
        expect(res.body).toBe('8392749182734');
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
      });

      it('refuses a wrong signature, a wrong Token and an unknown zone with 403', async () => {
        const tok = await token();
        const good = new URLSearchParams(signed(tok, { echostr: 'abc' }));
        good.set('signature', '0'.repeat(40));
        expect((await t.app.inject({ url: `${path()}?${good.toString()}` })).statusCode).toBe(403);
        expect((await t.app.inject({ url: `${path()}?${signed('not-the-token', { echostr: 'abc' })}` })).statusCode).toBe(403);
        expect((await t.app.inject({ url: `/api/wechat/callback/nowhere?${signed(tok, { echostr: 'abc' })}` })).statusCode).toBe(403);
        expect((await t.app.inject({ url: `${path()}?echostr=abc` })).statusCode).toBe(403);
      });

      it('reads a signed PUBLISHJOBFINISH, hands it to the registered handler and answers "success"', async () => {
        setPublishJobFinishHandler(async (_ctx, zone, event) => {
          expect(zone).toBe(zoneId);
          received.push(event);
        });
        const { query, body } = wx.publishJobFinishRequest(await token(), {
          publishId: '2247503051', publishStatus: 0, articleId: 'Vq4m9Xl', articleUrls: ['https://mp.weixin.qq.com/s/abc'], createTime: 1764547200,
        });
        const res = await t.app.inject({ method: 'POST', url: `${path()}?${new URLSearchParams(query).toString()}`, headers: { 'content-type': 'text/xml' }, payload: body });
        expect(res.statusCode).toBe(200);
        expect(res.body).toBe('success');
        expect(received).toEqual([{
          publishId: '2247503051', publishStatus: 0, articleId: 'Vq4m9Xl',
          articleDetail: { count: 1, items: [{ idx: 1, articleUrl: 'https://mp.weixin.qq.com/s/abc' }] },
          failIdx: [], toUserName: 'gh_4d00ed8d6399', fromUserName: 'oV5CrjpxgaGXNHIQigzNlgLTnwic', createTime: 1764547200,
        }]);
        const calls = await listWechatCalls(t.ctx.db, zoneId);
        expect(calls.at(-1)).toMatchObject({ endpoint: 'event:PUBLISHJOBFINISH', errmsg: 'publish_id=2247503051 publish_status=0 article_id=Vq4m9Xl' });
      });

      it('takes the event over real HTTP from the platform double, failures with fail_idx included', async () => {
        setPublishJobFinishHandler(async (_ctx, _zone, event) => {
          received.push(event);
        });
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = t.app.server.address() as AddressInfo;
        const answer = await wx.pushPublishJobFinish(`http://127.0.0.1:${port}${path()}`, await token(), { publishId: '2247503052', publishStatus: 3, failIdx: [1] });
        expect(answer).toEqual({ status: 200, body: 'success' });
        expect(received.map((e) => [e.publishId, e.publishStatus, e.failIdx, e.articleId])).toEqual([['2247503052', 3, [1], null]]);
      });

      it('refuses an event with a wrong signature (the handler never sees it)', async () => {
        setPublishJobFinishHandler(async (_ctx, _zone, event) => {
          received.push(event);
        });
        const { query, body } = wx.publishJobFinishRequest('not-the-token', { publishId: '1', publishStatus: 0 });
        const res = await t.app.inject({ method: 'POST', url: `${path()}?${new URLSearchParams(query).toString()}`, headers: { 'content-type': 'text/xml' }, payload: body });
        expect(res.statusCode).toBe(403);
        expect(received).toEqual([]);
      });

      it('answers "success" to an event it does not handle and notes it', async () => {
        setPublishJobFinishHandler(async (_ctx, _zone, event) => {
          received.push(event);
        });
        const { query, body } = wx.publishJobFinishRequest(await token(), { publishId: '7', publishStatus: 0, eventName: 'MASSSENDJOBFINISH' });
        const res = await t.app.inject({ method: 'POST', url: `${path()}?${new URLSearchParams(query).toString()}`, headers: { 'content-type': 'text/xml' }, payload: body });
        expect(res.body).toBe('success');
        expect(received).toEqual([]);
        expect((await listWechatCalls(t.ctx.db, zoneId)).at(-1)!.endpoint).toBe('event:MASSSENDJOBFINISH');
      });

      it('refuses a body over 64 KB and a body with a DOCTYPE', async () => {
        const tok = await token();
        const big = `<xml><Event>PUBLISHJOBFINISH</Event><Pad>${'x'.repeat(65 * 1024)}</Pad></xml>`;
        const tooBig = await t.app.inject({ method: 'POST', url: `${path()}?${signed(tok)}`, headers: { 'content-type': 'text/xml' }, payload: big });
        expect(tooBig.statusCode).toBe(413);
        const doctype = '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><Event>&a;</Event></xml>';
        const refused = await t.app.inject({ method: 'POST', url: `${path()}?${signed(tok)}`, headers: { 'content-type': 'text/xml' }, payload: doctype });
        expect(refused.statusCode).toBe(400);
      });

      it('lets the platform push again when the handler fails', async () => {
        setPublishJobFinishHandler(async () => {
          throw new Error('database unavailable');
        });
        const { query, body } = wx.publishJobFinishRequest(await token(), { publishId: '8', publishStatus: 0 });
        const res = await t.app.inject({ method: 'POST', url: `${path()}?${new URLSearchParams(query).toString()}`, headers: { 'content-type': 'text/xml' }, payload: body });
        expect(res.statusCode).toBe(500);
      });
    });
  });
}

describe('parseWechatMessage', () => {
  it('reads the documented PUBLISHJOBFINISH example, keeping long ids as strings', () => {
    const xml = `<xml>
      <ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName>
      <FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName>
      <CreateTime>1481013459</CreateTime>
      <MsgType><![CDATA[event]]></MsgType>
      <Event><![CDATA[PUBLISHJOBFINISH]]></Event>
      <PublishEventInfo>
        <publish_id>92233720368547758071</publish_id>
        <publish_status>0</publish_status>
        <article_id><![CDATA[b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy_YTNlk]]></article_id>
        <article_detail><count>2</count>
          <item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/one]]></article_url></item>
          <item><idx>2</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/two]]></article_url></item>
        </article_detail>
      </PublishEventInfo>
    </xml>`;
    const m = parseWechatMessage(xml);
    expect(m.event).toBe('PUBLISHJOBFINISH');
    expect(m.publishJobFinish).toEqual({
      publishId: '92233720368547758071', publishStatus: 0, articleId: 'b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy_YTNlk',
      articleDetail: { count: 2, items: [{ idx: 1, articleUrl: 'https://mp.weixin.qq.com/s/one' }, { idx: 2, articleUrl: 'https://mp.weixin.qq.com/s/two' }] },
      failIdx: [], toUserName: 'gh_4d00ed8d6399', fromUserName: 'oV5CrjpxgaGXNHIQigzNlgLTnwic', createTime: 1481013459,
    });
  });

  it('knows an encrypted body and an event without PublishEventInfo, and refuses what is not a message', () => {
    expect(parseWechatMessage('<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[abc]]></Encrypt></xml>')).toMatchObject({ encrypted: true, publishJobFinish: null });
    expect(parseWechatMessage('<xml><MsgType>event</MsgType><Event>subscribe</Event></xml>')).toEqual({ msgType: 'event', event: 'subscribe', encrypted: false, publishJobFinish: null });
    expect(() => parseWechatMessage('<html></html>')).toThrow();
    expect(() => parseWechatMessage('not xml at all')).toThrow();
  });
});
