import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, errorOf, startTestApp, type TestApp } from './harness.js';
import { ECOLOGY, act, assigned, at, caller, castOf, inProgress, ok, read, submit, type Cast, type DemandDetail } from './demand-fixtures.js';
import { inTransaction } from '../../src/server/platform/transaction.js';
import { scheduleJob, runDueJobs } from '../../src/server/platform/jobs.js';
import { JOB_HANDLERS } from '../../src/server/platform/job-handlers.js';
import { listJobs } from '../../src/server/platform/jobs.repository.js';

/** Defects found in review of the demands capability, each pinned by a test. */
for (const backend of backends()) {
  describe(`demands review [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;
    let zoneId: string;
    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
      zoneId = ok<{ zoneId: string }>(await c.coordinator({ url: '/api/auth/me' })).zoneId;
    });
    afterAll(async () => t.close());

    const decide = (id: string, eid: string, approve: boolean) =>
      c.coordinator({ method: 'POST', url: `/api/demands/${id}/extensions/${eid}/decision`, payload: { approve } });

    describe('pending extension requests', () => {
      it('does not survive a return, so the next department may ask for one when the demand is reassigned', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-20', reason: '需补测绘报告' }));
        const returned = ok<DemandDetail>(await act(c.department, d.id, 'return', { reason: '不属于本单位职责' }));
        expect(returned.hasPendingExtension).toBe(false);
        ok<DemandDetail>(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[ECOLOGY] }));
        ok<DemandDetail>(await act(c.department2, d.id, 'acknowledge'));
        const asked = await act(c.department2, d.id, 'extensions', { newDueOn: '2026-11-27', reason: '需现场核查' });
        expect(asked.statusCode, asked.body).toBe(200);
        const seen = await read(c.coordinator, d.id);
        expect(seen.extensions.map((x) => x.status)).toEqual(['refused', 'pending']);
      });

      it('cannot be approved after a reassignment to another department', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await assigned(c);
        const requested = ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-20', reason: '需补测绘报告' }));
        const reassigned = ok<DemandDetail>(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[ECOLOGY] }));
        expect(reassigned.hasPendingExtension).toBe(false);
        const late = await decide(d.id, requested.extensions[0]!.id, true);
        expect(late.statusCode, late.body).toBe(409);
        expect((await read(c.coordinator, d.id)).dueOn).toBe(reassigned.dueOn);
      });

      it('is closed when the demand is settled, so a reopened demand does not carry it', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-20', reason: '需补测绘报告' }));
        const settled = ok<DemandDetail>(await act(c.department, d.id, 'settle', { answer: '已办理完毕，产证已发放。' }));
        expect(settled.hasPendingExtension).toBe(false);
      });
    });

    describe('GET /api/demands/:id as the enterprise', () => {
      it('does not show extension requests still pending or refused (their reasons are internal)', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        const requested = ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-20', reason: '内部原因：领导未签字' }));
        expect((await read(c.enterprise, d.id)).extensions).toEqual([]);
        ok<DemandDetail>(await decide(d.id, requested.extensions[0]!.id, false));
        expect((await read(c.enterprise, d.id)).extensions).toEqual([]);
        const again = ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-13', reason: '需补测绘报告' }));
        ok<DemandDetail>(await decide(d.id, again.extensions.find((x) => x.status === 'pending')!.id, true));
        expect((await read(c.enterprise, d.id)).extensions.map((x) => [x.status, x.reason])).toEqual([['approved', '需补测绘报告']]);
      });
    });

    describe('GET /api/demands/similar', () => {
      it('lists to a cadre only the demands the cadre may read', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await submit(c, { title: '厂房产证办理进度缓慢', description: '新建厂房产证办理进度缓慢，请协调不动产登记中心。' });
        for (const name of ['cadre', 'cadre2', 'cadre3', 'cadre4']) {
          const cadre = await caller(t, name);
          const readable = (await cadre({ url: `/api/demands/${d.id}` })).statusCode === 200;
          const similar = ok<{ items: { id: string }[] }>(await cadre({ url: `/api/demands/similar?enterpriseId=${c.enterpriseId}&text=${encodeURIComponent('厂房产证办理进度缓慢')}` }));
          expect(similar.items.some((s) => s.id === d.id), name).toBe(readable);
        }
      });
    });

    describe('POST /api/demands/:id/settle', () => {
      it('answers 400 CALENDAR_OUT_OF_RANGE, not 500, when the confirmation period runs past the calendar', async () => {
        t.clock.set(at('2036-12-01'));
        const d = await inProgress(c);
        t.clock.set(at('2036-12-29'));
        const res = await act(c.department, d.id, 'settle', { answer: '已办理完毕，产证已发放。' });
        expect(res.statusCode, res.body).toBe(400);
        expect(errorOf(res).code).toBe('CALENDAR_OUT_OF_RANGE');
        expect((await read(c.coordinator, d.id)).status).toBe('in_progress');
      });
    });

    describe('runDueJobs', () => {
      it('marks a deadline job done, without retrying, when its demand no longer exists', async () => {
        t.clock.set(at('2026-11-02'));
        const demandId = randomUUID();
        await inTransaction(t.ctx.db, async (tx) => {
          for (const kind of ['demand.remind', 'demand.escalate']) {
            await scheduleJob(tx, { zoneId, kind, key: `${demandId}:2026-11-01`, runAt: at('2026-11-01'), payload: { demandId, dueOn: '2026-11-01' } });
          }
          await scheduleJob(tx, { zoneId, kind: 'demand.auto_close', key: `${demandId}:x`, runAt: at('2026-11-01'), payload: { demandId, settledAt: at('2026-10-01').toISOString() } });
        });
        const result = await runDueJobs(t.ctx, JOB_HANDLERS);
        expect(result.failed).toBe(0);
        const jobs = (await listJobs(t.ctx.db, zoneId)).filter((j) => (j.payload as { demandId?: string }).demandId === demandId);
        expect(jobs.map((j) => [j.kind, j.state, j.lastError]).sort()).toEqual([
          ['demand.auto_close', 'done', null], ['demand.escalate', 'done', null], ['demand.remind', 'done', null],
        ]);
      });
    });

    describe('bad input on lists and counts', () => {
      it('answers 400, not 500, for a page number past what the database can count', async () => {
        for (const url of ['/api/demands?page=100000000000000000000', '/api/notifications?page=100000000000000000000']) {
          const res = await c.coordinator({ url });
          expect(res.statusCode, `${url} ${res.body}`).toBe(400);
        }
      });

      it('answers 400, not 500, for dates at the ends of the ISO calendar', async () => {
        for (const url of [
          '/api/demands?to=9999-12-31',
          '/api/demands?from=0000-01-01',
          '/api/demands/stats?from=0000-01-01&to=2026-01-01',
          '/api/demands/stats?from=2026-01-01&to=9999-12-31',
          '/api/demands/export.xlsx?to=9999-12-31',
        ]) {
          const res = await c.coordinator({ url });
          expect(res.statusCode, `${url} ${res.body}`).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        }
      });
    });

  });
}
