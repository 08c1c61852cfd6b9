import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bulletinPublications } from '../../src/db/schema/index.js';
import type { BulletinDetail } from '../../src/contracts/bulletins.js';
import { previousMonth } from '../../src/domain/bulletins/index.js';
import { pollWechatPublications } from '../../src/server/bulletins/bulletin-publication.service.js';
import { backends, startTestApp, type TestApp } from './harness.js';
import { caller, castOf, ok, type Api, type Cast } from './demand-fixtures.js';
import { startWechatTestServer, type WechatTestServer } from './wechat-test-server.js';

type State = {
  publication: null | { id: string; status: string; articleUrl: string | null; failReason: string | null; lastErrcode: number | null; polls: number };
  enabled: boolean;
  next: 'publish' | 'retry' | 'check' | null;
};
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

for (const backend of backends()) {
  describe(`publishing a bulletin to the official account [${backend.name}]`, () => {
    let t: TestApp;
    let wx: WechatTestServer;
    let c: Cast;
    let admin: Api;
    let month = previousMonth(TODAY.slice(0, 7));
    let callbackToken = '';
    let zoneCode = '';

    /** A bulletin drafted, approved and published for a month of its own. */
    async function published(): Promise<BulletinDetail> {
      month = previousMonth(month);
      const b = ok<BulletinDetail>(await c.coordinator({ method: 'POST', url: '/api/bulletins', payload: { month } }));
      ok(await c.coordinator({ method: 'POST', url: `/api/bulletins/${b.id}/submit` }));
      ok(await c.leader({ method: 'POST', url: `/api/bulletins/${b.id}/approve` }));
      return ok<BulletinDetail>(await c.coordinator({ method: 'POST', url: `/api/bulletins/${b.id}/publish` }));
    }
    const publish = async (id: string) => ok<State>(await c.coordinator({ method: 'POST', url: `/api/bulletins/${id}/wechat/publish` }));
    const stateOf = async (id: string) => ok<State>(await c.coordinator({ url: `/api/bulletins/${id}/wechat` }));
    /** Polls as the worker would, after the next poll's wait. */
    async function pollLater(minutes: number) {
      t.clock.set(new Date(Date.now() + minutes * 60_000));
      await pollWechatPublications(t.ctx);
    }

    beforeAll(async () => {
      t = await startTestApp(backend);
      wx = await startWechatTestServer({ pollsUntilDone: 1 });
      t.ctx.config.wechatApiBase = wx.url;
      c = await castOf(t);
      admin = await caller(t, 'admin');
      const account = ok<{ callbackToken: string }>(await c.coordinator({ method: 'PUT', url: '/api/wechat/account', payload: { appId: wx.appId, appSecret: wx.appSecret, enabled: true } }));
      callbackToken = account.callbackToken;
      zoneCode = ok<{ code: string }>(await admin({ url: '/api/zone' })).code;
    });
    afterAll(async () => {
      await wx?.close();
      await t?.close();
    });
    afterEach(() => {
      t.clock.set(null);
      wx.ipNotWhitelisted(false);
      wx.publishFails(false);
    });

    it('uploads the charts, makes the draft with inline-styled HTML, submits, and learns the result by polling', async () => {
      const b = await published();
      expect((await stateOf(b.id)).next).toBe('publish');
      expect(ok<State>(await c.leader({ url: `/api/bulletins/${b.id}/wechat` })).next).toBeNull();
      const drafts = wx.requestsTo('/cgi-bin/draft/add').length;
      const started = await publish(b.id);
      expect(started.publication).toMatchObject({ status: 'submitted', failReason: null });
      expect(started.next).toBe('check');
      expect(wx.requestsTo('/cgi-bin/media/uploadimg').length).toBeGreaterThanOrEqual(3);
      const draft = wx.requestsTo('/cgi-bin/draft/add').at(-1)!;
      expect(wx.requestsTo('/cgi-bin/draft/add').length).toBe(drafts + 1);
      const article = (draft.json as { articles: { title: string; content: string; thumb_media_id: string }[] }).articles[0]!;
      expect(article.title.length).toBeLessThanOrEqual(32);
      expect(article.content).not.toMatch(/<script|<style|class=/);
      expect(article.thumb_media_id).toBeTruthy();
      // Asking again while it is under way submits nothing more: it asks the platform how it stands.
      const submits = wx.requestsTo('/cgi-bin/freepublish/submit').length;
      expect((await publish(b.id)).publication?.status).toBe('publishing');
      expect(wx.requestsTo('/cgi-bin/freepublish/submit').length).toBe(submits);
      await pollLater(1);
      await pollLater(3);
      const done = await stateOf(b.id);
      expect(done.publication).toMatchObject({ status: 'published' });
      expect(done.next).toBeNull();
      expect(done.publication!.articleUrl).toMatch(/^https?:\/\//);
    });

    it('shows a failure in plain words and retries it without making a second draft', async () => {
      const b = await published();
      wx.ipNotWhitelisted(true);
      const failed = await publish(b.id);
      expect(failed.publication).toMatchObject({ status: 'failed', lastErrcode: 40164 });
      expect(failed.publication!.failReason).toContain('白名单');
      expect(failed.next).toBe('retry');
      wx.ipNotWhitelisted(false);

      wx.publishFails(true);
      expect((await publish(b.id)).publication?.status).toBe('submitted');
      const draftsMade = wx.requestsTo('/cgi-bin/draft/add').length;
      await pollLater(1);
      await pollLater(3);
      const rejected = await stateOf(b.id);
      expect(rejected.publication?.status).toBe('failed');
      expect(rejected.publication?.failReason).toMatch(/失败/);
      wx.publishFails(false);
      // The retry resubmits the draft that exists.
      expect((await publish(b.id)).publication?.status).toBe('submitted');
      expect(wx.requestsTo('/cgi-bin/draft/add').length).toBe(draftsMade);
    });

    it('takes the PUBLISHJOBFINISH event once, by its signature, for the publication with that publish id', async () => {
      const b = await published();
      const started = await publish(b.id);
      expect(started.publication?.status).toBe('submitted');
      const [row] = await t.ctx.db.select().from(bulletinPublications).where(eq(bulletinPublications.id, started.publication!.id));
      const publishId = row!.publishId!;
      const push = async (token: string) => {
        const { query, body } = wx.publishJobFinishRequest(token, { publishId, publishStatus: 0, articleId: 'art-1', articleUrls: ['https://mp.weixin.qq.com/s/abc'] });
        return t.app.inject({ method: 'POST', url: `/api/wechat/callback/${encodeURIComponent(zoneCode)}`, query, payload: body, headers: { 'content-type': 'text/xml' } });
      };
      expect((await push('wrong-token')).statusCode).toBe(403);
      expect((await stateOf(b.id)).publication?.status).toBe('submitted');
      expect((await push(callbackToken)).statusCode).toBe(200);
      const after = await stateOf(b.id);
      expect(after.publication).toMatchObject({ status: 'published', articleUrl: 'https://mp.weixin.qq.com/s/abc' });
      // Pushed again: nothing changes.
      expect((await push(callbackToken)).statusCode).toBe(200);
      expect((await stateOf(b.id)).publication).toEqual(after.publication);
    });

    it('makes one draft and one submission when asked twice at the same moment', async () => {
      const b = await published();
      const drafts = wx.requestsTo('/cgi-bin/draft/add').length;
      const submits = wx.requestsTo('/cgi-bin/freepublish/submit').length;
      const [one, two] = await Promise.all([publish(b.id), publish(b.id)]);
      expect(one.publication?.id).toBe(two.publication?.id);
      expect(wx.requestsTo('/cgi-bin/draft/add').length).toBe(drafts + 1);
      expect(wx.requestsTo('/cgi-bin/freepublish/submit').length).toBe(submits + 1);
      expect((await stateOf(b.id)).publication?.status).toBe('submitted');
    });

    it('keeps the draft when the platform says it is gone, so a lost submission is never published twice', async () => {
      const b = await published();
      wx.failNext('/cgi-bin/freepublish/submit', { errcode: 40007, errmsg: 'invalid media_id' });
      const failed = await publish(b.id);
      expect(failed.publication).toMatchObject({ status: 'failed', lastErrcode: 40007 });
      const drafts = wx.requestsTo('/cgi-bin/draft/add').length;
      expect((await publish(b.id)).publication?.status).toBe('submitted');
      expect(wx.requestsTo('/cgi-bin/draft/add').length).toBe(drafts);
    });

    it('asks the platform once more when the result is still awaited, and records a later deletion as revoked', async () => {
      const b = await published();
      const started = await publish(b.id);
      expect(started.publication?.status).toBe('submitted');
      wx.setPollsUntilDone(0);
      const checked = await publish(b.id);
      expect(checked.publication?.status).toBe('published');
      wx.setPollsUntilDone(1);
      const [row] = await t.ctx.db.select().from(bulletinPublications).where(eq(bulletinPublications.id, started.publication!.id));
      const { query, body } = wx.publishJobFinishRequest(callbackToken, { publishId: row!.publishId!, publishStatus: 5 });
      expect((await t.app.inject({ method: 'POST', url: `/api/wechat/callback/${encodeURIComponent(zoneCode)}`, query, payload: body, headers: { 'content-type': 'text/xml' } })).statusCode).toBe(200);
      expect((await stateOf(b.id)).publication?.status).toBe('revoked');
    });

    it('publishes only published bulletins, and only the coordinator', async () => {
      const draft = ok<BulletinDetail>(await c.coordinator({ method: 'POST', url: '/api/bulletins', payload: { month: previousMonth(month) } }));
      expect((await c.coordinator({ method: 'POST', url: `/api/bulletins/${draft.id}/wechat/publish` })).statusCode).toBe(409);
      expect((await c.leader({ method: 'POST', url: `/api/bulletins/${draft.id}/wechat/publish` })).statusCode).toBe(403);
      expect((await c.department({ url: `/api/bulletins/${draft.id}/wechat` })).statusCode).toBe(403);
    });
  });
}
