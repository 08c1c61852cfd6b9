import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { BulletinDetail, BulletinSummary, PublicBulletin } from '../../src/contracts/bulletins.js';
import { monthBounds, previousMonth } from '../../src/domain/bulletins/index.js';
import { addDays } from '../../src/domain/calendar/index.js';
import { runDueJobs } from '../../src/server/platform/jobs.js';
import { JOB_HANDLERS } from '../../src/server/platform/job-handlers.js';
import { zoneCalendar } from '../../src/server/calendar/calendar.service.js';
import { firstWorkingDay, scheduleMonthlyDrafts } from '../../src/server/bulletins/bulletin-jobs.js';
import { backends, errorOf, startTestApp, type TestApp } from './harness.js';
import { LAND, act, at, caller, castOf, notificationsAbout, ok, submit, type Cast } from './demand-fixtures.js';

type FieldDetail = { field: string; reason: string; message: string };
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).details as FieldDetail[] | undefined) ?? [];
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const THIS_MONTH = TODAY.slice(0, 7);
const LAST_MONTH = previousMonth(THIS_MONTH);

for (const backend of backends()) {
  describe(`monthly bulletins [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;

    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
    });
    afterAll(async () => t?.close());

    const create = (month: string) => c.coordinator({ method: 'POST', url: '/api/bulletins', payload: { month } });
    const step = (api: Cast['coordinator'], id: string, action: string, payload?: unknown) =>
      api({ method: 'POST', url: `/api/bulletins/${id}/${action}`, ...(payload === undefined ? {} : { payload }) });

    it('drafts a month from the data, with the same figures as the demand statistics', async () => {
      const b = ok<BulletinDetail>(await create(LAST_MONTH));
      expect(b).toMatchObject({ month: LAST_MONTH, version: 1, status: 'draft', frozen: false });
      expect(b.title).toMatch(/^\d{4}年\d{1,2}月企业诉求办理情况通报$/);
      const { from, to } = monthBounds(LAST_MONTH);
      const stats = ok<Record<string, number>>(await c.coordinator({ url: `/api/demands/stats?from=${from}&to=${to}` }));
      const totals = b.content.stats.totals;
      const keys = ['received', 'accepted', 'declined', 'settled', 'settledOnTime', 'overdue', 'extended', 'reopened'] as const;
      expect(keys.map((k) => totals[k])).toEqual(keys.map((k) => stats[k]));
      expect(totals.received).toBeGreaterThan(0);
      // Fair ranking: those below the minimum are listed, unranked, after the ranked ones.
      const rows = b.content.stats.byDepartment;
      expect(rows.length).toBeGreaterThan(0);
      const firstUnranked = rows.findIndex((r) => r.rank === null);
      if (firstUnranked >= 0) expect(rows.slice(firstUnranked).every((r) => r.rank === null && r.handled < b.content.stats.minRanked)).toBe(true);
      expect(b.content.issuedBy).toContain('管委会');
      expect(b.can).toMatchObject({ edit: true, submit: true, approve: false, publish: false });
    });

    it('ranks by the zone\'s minimum, which the administrator sets', async () => {
      const b = ok<{ items: BulletinSummary[] }>(await c.coordinator({ url: '/api/bulletins?status=draft' })).items.find((x) => x.month === LAST_MONTH)
        ?? ok<BulletinDetail>(await create(LAST_MONTH));
      try {
        ok(await c.admin({ method: 'PATCH', url: '/api/zone', payload: { bulletinMinRanked: 100 } }));
        const none = ok<BulletinDetail>(await c.coordinator({ url: `/api/bulletins/${b.id}` }));
        expect(none.content.stats.minRanked).toBe(100);
        expect(none.content.stats.byDepartment.every((r) => r.rank === null)).toBe(true);
        ok(await c.admin({ method: 'PATCH', url: '/api/zone', payload: { bulletinMinRanked: 0 } }));
        const all = ok<BulletinDetail>(await c.coordinator({ url: `/api/bulletins/${b.id}` }));
        expect(all.content.stats.byDepartment.filter((r) => r.settled > 0).every((r) => r.rank !== null)).toBe(true);
        expect((await c.admin({ method: 'PATCH', url: '/api/zone', payload: { bulletinMinRanked: 101 } })).statusCode).toBe(400);
      } finally {
        ok(await c.admin({ method: 'PATCH', url: '/api/zone', payload: { bulletinMinRanked: 3 } }));
      }
    });

    it('is not approved by the person who submitted it, even one who is also a leader', async () => {
      const both = ok<{ id: string }>(await c.admin({
        method: 'POST', url: '/api/users', payload: { username: 'coord-leader', displayName: '兼任领导', password: 'Both-roles-2026', roles: ['coordinator', 'leader'] },
      }));
      expect(both.id).toBeTruthy();
      const api = await caller(t, 'coord-leader', 'Both-roles-2026');
      const month = previousMonth(previousMonth(LAST_MONTH));
      const b = ok<BulletinDetail>(await api({ method: 'POST', url: '/api/bulletins', payload: { month } }));
      ok(await api({ method: 'POST', url: `/api/bulletins/${b.id}/submit` }));
      expect((await api({ method: 'POST', url: `/api/bulletins/${b.id}/approve` })).statusCode).toBe(403);
      expect(ok<BulletinDetail>(await step(c.leader, b.id, 'approve')).status).toBe('approved');
    });

    it('refuses a month not begun, a second draft of a month, and anyone but the coordinator', async () => {
      const future = addDays(monthBounds(THIS_MONTH).to, 1).slice(0, 7);
      const notYet = await create(future);
      expect(fieldsOf(notYet)).toEqual([expect.objectContaining({ field: 'month', reason: 'bulletin-month-future' })]);
      const twice = await create(LAST_MONTH);
      expect(twice.statusCode).toBe(409);
      expect(fieldsOf(twice)[0]!.reason).toBe('bulletin-month-exists');
      expect((await c.leader({ method: 'POST', url: '/api/bulletins', payload: { month: '2025-01' } })).statusCode).toBe(403);
      expect((await c.department({ url: '/api/bulletins' })).statusCode).toBe(403);
      expect((await c.enterprise({ url: '/api/bulletins' })).statusCode).toBe(403);
    });

    it('is edited, reviewed, returned, approved and published; publishing freezes it', async () => {
      const b = ok<BulletinDetail>(await create(THIS_MONTH));
      // A typical case must be a demand settled in the month and not private.
      const candidates = ok<{ items: { id: string }[] }>(await c.coordinator({ url: `/api/bulletins/${b.id}/case-candidates` }));
      const notEligible = await c.coordinator({ method: 'PATCH', url: `/api/bulletins/${b.id}`, payload: { caseIds: [b.id] } });
      expect(fieldsOf(notEligible).map((f) => f.reason)).toEqual(['bulletin-case-not-eligible']);
      const edited = ok<BulletinDetail>(await c.coordinator({
        method: 'PATCH', url: `/api/bulletins/${b.id}`,
        payload: { intro: '本月园区持续开展“每周益企”活动。', caseIds: candidates.items.slice(0, 2).map((x) => x.id) },
      }));
      expect(edited.intro).toBe('本月园区持续开展“每周益企”活动。');
      expect(edited.content.cases.map((x) => x.demandId)).toEqual(candidates.items.slice(0, 2).map((x) => x.id));
      expect((await c.leader({ method: 'PATCH', url: `/api/bulletins/${b.id}`, payload: { intro: '领导改' } })).statusCode).toBe(403);

      ok(await step(c.coordinator, b.id, 'submit'));
      expect((await step(c.coordinator, b.id, 'approve')).statusCode).toBe(403);
      expect(await notificationsAbout(c.leader, b.id, 'bulletin.review')).toHaveLength(1);
      expect((await step(c.leader, b.id, 'return', { note: '' })).statusCode).toBe(400);
      const returned = ok<BulletinDetail>(await step(c.leader, b.id, 'return', { note: '请补充典型案例的办理结果' }));
      expect(returned).toMatchObject({ status: 'draft', reviewNote: '请补充典型案例的办理结果' });
      ok(await step(c.coordinator, b.id, 'submit'));
      const approved = ok<BulletinDetail>(await step(c.leader, b.id, 'approve'));
      expect(approved).toMatchObject({ status: 'approved', approvedByName: '王建华', frozen: true });
      // What the leader approved is what will be published: a demand received now changes nothing.
      await submit(c, { title: '审核通过后提交的诉求' });
      expect(ok<BulletinDetail>(await c.coordinator({ url: `/api/bulletins/${b.id}` })).content.stats).toEqual(approved.content.stats);
      expect((await step(c.coordinator, b.id, 'submit')).statusCode).toBe(409);
      const published = ok<BulletinDetail>(await step(c.coordinator, b.id, 'publish'));
      expect(published).toMatchObject({ status: 'published', frozen: true });
      const received = published.content.stats.totals.received;

      // A demand received afterwards changes the data, not the published bulletin.
      await submit(c, { title: '发布后提交的诉求' });
      const again = ok<BulletinDetail>(await c.coordinator({ url: `/api/bulletins/${b.id}` }));
      expect(again.content.stats.totals.received).toBe(received);
      expect(again.content).toEqual(published.content);
      expect((await c.coordinator({ method: 'PATCH', url: `/api/bulletins/${b.id}`, payload: { intro: '改' } })).statusCode).toBe(409);
    });

    it('is corrected by a new version with its reason, which supersedes the published one', async () => {
      const [current] = ok<{ items: BulletinSummary[] }>(await c.coordinator({ url: `/api/bulletins?status=published` })).items;
      const v2 = ok<BulletinDetail>(await step(c.coordinator, current!.id, 'correct', { reason: '更正典型案例中的办理单位' }));
      expect(v2).toMatchObject({ month: current!.month, version: 2, status: 'draft', correctionReason: '更正典型案例中的办理单位', supersedesId: current!.id });
      expect(v2.content.correction).toEqual({ reason: '更正典型案例中的办理单位', supersedesVersion: 1 });
      // One correction at a time.
      expect((await step(c.coordinator, current!.id, 'correct', { reason: '再次更正' })).statusCode).toBe(409);
      ok(await step(c.coordinator, v2.id, 'submit'));
      ok(await step(c.leader, v2.id, 'approve'));
      ok(await step(c.coordinator, v2.id, 'publish'));
      const v1 = ok<BulletinDetail>(await c.coordinator({ url: `/api/bulletins/${current!.id}` }));
      expect(v1).toMatchObject({ status: 'superseded', supersededById: v2.id });

      // The public sees both published versions, without signing in; the old one marked superseded.
      const list = await t.app.inject({ url: '/api/public/bulletins' });
      expect(list.statusCode).toBe(200);
      const items = (list.json() as { items: { id: string; superseded: boolean }[] }).items;
      expect(items.find((i) => i.id === v2.id)).toMatchObject({ superseded: false });
      expect(items.find((i) => i.id === current!.id)).toMatchObject({ superseded: true });
      const one = await t.app.inject({ url: `/api/public/bulletins/${v2.id}` });
      const body = one.json() as PublicBulletin;
      expect(body.content.correction?.reason).toBe('更正典型案例中的办理单位');
      expect(body.versions.map((v) => v.id)).toEqual([current!.id]);
    });

    it('keeps drafts and unknown ids out of the public API', async () => {
      const [draft] = ok<{ items: BulletinSummary[] }>(await c.coordinator({ url: `/api/bulletins?status=draft` })).items;
      expect((await t.app.inject({ url: `/api/public/bulletins/${draft!.id}` })).statusCode).toBe(404);
      const list = (await t.app.inject({ url: '/api/public/bulletins' })).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).not.toContain(draft!.id);
      expect((await t.app.inject({ url: '/api/public/bulletins?zone=NO-SUCH-ZONE' })).statusCode).toBe(404);
    });

    it('masks people\'s names and phone numbers in typical cases, and never describes a private demand', async () => {
      const d = await submit(c, { title: '联系人反映停车难', description: '请联系陈远达，电话 138 1234 5678，协调园区停车位。' });
      ok(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[LAND] }));
      ok(await act(c.department, d.id, 'acknowledge'));
      ok(await act(c.department, d.id, 'settle', { answer: '已协调新增停车位 20 个，经办人刘海波，联系人陈远达已确认。' }));
      // This month's bulletin is published: a correction opens a draft of it to pick the case in.
      const [published] = ok<{ items: BulletinSummary[] }>(await c.coordinator({ url: `/api/bulletins?status=published` })).items;
      expect(published!.month).toBe(THIS_MONTH);
      const draft = ok<BulletinDetail>(await step(c.coordinator, published!.id, 'correct', { reason: '补充典型案例' }));
      const withCase = ok<BulletinDetail>(await c.coordinator({ method: 'PATCH', url: `/api/bulletins/${draft.id}`, payload: { caseIds: [d.id] } }));
      const text = JSON.stringify(withCase.content.cases);
      expect(text).not.toContain('陈远达');
      // Staff names too (the department's handler).
      expect(text).not.toContain('刘海波');
      expect(text).not.toContain('1234 5678');
      expect(text).toContain('138****5678');
    });
  });

  describe(`the monthly draft job [${backend.name}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend);
    });
    afterAll(async () => t?.close());

    it('drafts the previous month on the first working day and tells the coordinators, once', async () => {
      await scheduleMonthlyDrafts(t.ctx);
      await scheduleMonthlyDrafts(t.ctx);
      const c = await castOf(t);
      const zoneId = ok<{ id: string }>(await c.admin({ url: '/api/zone' })).id;
      const calendar = await zoneCalendar(t.ctx, zoneId);
      const next = addDays(monthBounds(THIS_MONTH).to, 1).slice(0, 7);
      const first = firstWorkingDay(calendar, next);
      const target = firstWorkingDay(calendar, THIS_MONTH) >= TODAY ? THIS_MONTH : next;
      const runDay = target === THIS_MONTH ? firstWorkingDay(calendar, THIS_MONTH) : first;
      t.clock.set(at(addDays(runDay, -1), '10:00'));
      try {
        await runDueJobs(t.ctx, JOB_HANDLERS);
        expect(ok<{ total: number }>(await c.coordinator({ url: '/api/bulletins' })).total).toBe(0);
        t.clock.set(at(runDay, '09:30'));
        await runDueJobs(t.ctx, JOB_HANDLERS);
        await runDueJobs(t.ctx, JOB_HANDLERS);
        const list = ok<{ items: BulletinSummary[] }>(await c.coordinator({ url: '/api/bulletins' }));
        expect(list.items.map((b) => [b.month, b.status])).toEqual([[previousMonth(target), 'draft']]);
        const told = await notificationsAbout(c.coordinator, list.items[0]!.id, 'bulletin.draft');
        expect(told).toHaveLength(1);
      } finally {
        t.clock.set(null);
      }
    });
  });
}
