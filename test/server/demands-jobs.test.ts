import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { runDueJobs } from '../../src/server/platform/jobs.js';
import { JOB_HANDLERS } from '../../src/server/platform/job-handlers.js';
import { listJobs } from '../../src/server/platform/jobs.repository.js';
import { listZones } from '../../src/server/zone/zone.repository.js';
import { createMailer } from '../../src/server/platform/mailer.js';
import { sendPendingMail } from '../../src/server/notifications/notification-mail.js';
import { backends, startTestApp, type TestApp } from './harness.js';

/** Every job of every zone (the restarted process has no zone in hand). */
async function listAllJobs(ctx: AppContext) {
  const zones = await listZones(ctx.db);
  return (await Promise.all(zones.map((z) => listJobs(ctx.db, z.id)))).flat();
}
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';
import {
  LAND, act, assigned, at, castOf, inProgress, kinds, listed, lists, notificationsAbout, ok, read, type Cast, type DemandDetail,
} from './demand-fixtures.js';

/**
 * TEST DATA, NOT THE REAL 2027 ARRANGEMENT (none was published when this was written): 元旦
 * 2027-01-01..01-03 as the provisional year has it, but a longer 春节 (02-05..02-13, where the
 * provisional year has 02-05..02-08) and two adjusted working days, so that a deadline counted
 * across February moves when it is loaded.
 */
const TEST_2027 = {
  year: 2027,
  notice: '测试数据〔2027〕2号（非官方）',
  issuedOn: '2026-11-01',
  source: 'https://example.invalid/test-data/2027-holidays',
  offRanges: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13' },
  ],
  adjustedWorkdays: ['2027-01-31', '2027-02-20'],
};

type Job = Awaited<ReturnType<typeof listJobs>>[number];

for (const backend of backends()) {
  describe(`demand jobs [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;
    let zoneId: string;
    const run = () => runDueJobs(t.ctx, JOB_HANDLERS);
    const jobsOf = async (demandId: string): Promise<Job[]> =>
      (await listJobs(t.ctx.db, zoneId)).filter((j) => (j.payload as { demandId?: string }).demandId === demandId);

    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
      zoneId = ok<{ zoneId: string }>(await c.coordinator({ url: '/api/auth/me' })).zoneId;
    });
    let stopped = false;
    afterAll(async () => {
      if (!stopped) await t.close();
    });

    describe('demand.remind and demand.escalate', () => {
      it('reminds the lead department once, one working day before the deadline, and escalates after the deadline day', async () => {
        t.clock.set(at('2026-09-24'));
        const d = await assigned(c);
        expect(d.dueOn).toBe('2026-10-09');
        const scheduled = await jobsOf(d.id);
        expect(scheduled.map((j) => [j.kind, j.state, j.runAt.toISOString()]).sort()).toEqual([
          ['demand.escalate', 'pending', at('2026-10-10', '00:00').toISOString()],
          ['demand.remind', 'pending', at('2026-10-08', '09:00').toISOString()],
        ]);

        // Not before 09:00 on the working day before the deadline (10-08; 10-01..07 are off).
        t.clock.set(at('2026-10-08', '08:30'));
        await run();
        expect(await notificationsAbout(c.department, d.id, 'demand.reminder')).toEqual([]);

        t.clock.set(at('2026-10-08', '09:30'));
        expect((await run()).ran).toBeGreaterThanOrEqual(1);
        const reminders = await notificationsAbout(c.department, d.id, 'demand.reminder');
        expect(reminders).toHaveLength(1);
        expect(reminders[0]!.title).toContain('2026-10-09');
        expect(kinds(await read(c.coordinator, d.id)).filter((k) => k === 'reminded')).toEqual(['reminded']);
        expect(kinds(await read(c.enterprise, d.id))).not.toContain('reminded');
        expect((await jobsOf(d.id)).find((j) => j.kind === 'demand.remind')?.state).toBe('done');

        // Fires once.
        expect(await run()).toEqual({ ran: 0, failed: 0 });
        expect(await notificationsAbout(c.department, d.id, 'demand.reminder')).toHaveLength(1);

        // Still the deadline day: not yet overdue.
        t.clock.set(at('2026-10-09', '23:30'));
        await run();
        expect((await read(c.coordinator, d.id)).escalationLevel).toBe(0);

        t.clock.set(at('2026-10-10', '09:00'));
        expect((await run()).ran).toBeGreaterThanOrEqual(1);
        const late = await read(c.coordinator, d.id);
        expect(late).toMatchObject({ escalationLevel: 2, status: 'assigned', countdown: { overdue: true, tone: 'red' } });
        expect(late.timeline.at(-1)).toMatchObject({ kind: 'escalated', internal: true, data: { reason: 'overdue', dueOn: '2026-10-09' } });
        // To the coordinator and the enterprise's liaison leader (the demo's 崧原 has `leader`), not to every leader.
        for (const who of [c.coordinator, c.leader]) {
          const overdue = await notificationsAbout(who, d.id, 'demand.overdue');
          expect(overdue).toHaveLength(1);
          expect(overdue[0]!.title).toContain(LAND);
        }
        expect(await notificationsAbout(c.leader2, d.id, 'demand.overdue')).toEqual([]);
        expect(await lists(c.coordinator, 'overdue=true', d)).toBe(true);
        expect(await lists(c.coordinator, 'escalated=true', d)).toBe(true);
        expect(await run()).toEqual({ ran: 0, failed: 0 });
        expect(kinds(await read(c.coordinator, d.id)).filter((k) => k === 'escalated')).toHaveLength(1);

        // Settling late takes it off the escalation list and the red list; it is counted as late.
        ok(await act(c.department, d.id, 'settle', { answer: '已补办完毕，产权证已发放。' }));
        expect(await lists(c.coordinator, 'escalated=true', d)).toBe(false);
        expect(await lists(c.coordinator, 'overdue=true', d)).toBe(false);
        expect((await read(c.coordinator, d.id)).settledOnTime).toBe(false);
      });

      it('does nothing for a deadline that has moved, and reminds against the new one', async () => {
        t.clock.set(at('2026-09-24'));
        const d = await inProgress(c);
        const requested = ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-10-16', reason: '需补测绘报告' }));
        ok(await c.coordinator({ method: 'POST', url: `/api/demands/${d.id}/extensions/${requested.extensions[0]!.id}/decision`, payload: { approve: true } }));

        t.clock.set(at('2026-10-08', '09:30'));
        await run();
        t.clock.set(at('2026-10-10', '09:00'));
        await run();
        const untouched = await read(c.coordinator, d.id);
        expect(untouched).toMatchObject({ dueOn: '2026-10-16', escalationLevel: 0 });
        expect(kinds(untouched)).not.toContain('reminded');
        expect(kinds(untouched)).not.toContain('escalated');
        expect(await notificationsAbout(c.department, d.id, 'demand.reminder')).toEqual([]);
        // The stale jobs ran (and are done); they changed nothing.
        expect((await jobsOf(d.id)).filter((j) => j.key.endsWith(':2026-10-09')).map((j) => j.state)).toEqual(['done', 'done']);

        t.clock.set(at('2026-10-15', '09:30'));
        await run();
        const reminded = await read(c.coordinator, d.id);
        expect(reminded.timeline.filter((e) => e.kind === 'reminded')).toMatchObject([{ data: { dueOn: '2026-10-16' } }]);
      });
    });

    describe('demand.escalate to the enterprise’s liaison leader (包联领导)', () => {
      it('escalates an overdue demand of an enterprise with a leader to that leader and the coordinators only', async () => {
        const page = ok<{ items: { id: string; leaderId: string | null }[] }>(await c.coordinator({ url: '/api/enterprises?pageSize=50' }));
        const target = page.items.find((e) => e.id !== c.enterpriseId && e.id !== c.otherEnterpriseId)!;
        ok(await c.admin({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { leaderId: c.userIds.leader2 } }));

        t.clock.set(at('2026-09-24'));
        const filed = ok<DemandDetail>(await c.coordinator({
          method: 'POST', url: '/api/demands',
          payload: { enterpriseId: target.id, channel: 'hotline', title: '企业来电：用电增容审批', description: '企业来电反映扩产需要用电增容，审批进度不明。', categoryCode: 'property-certificate' },
        }));
        expect(filed.ownerLeaderId).toBe(c.userIds.leader2);
        const d = ok<DemandDetail>(await act(c.coordinator, filed.id, 'assign', { leadDepartmentId: c.departments[LAND] }));
        expect(d.dueOn).toBe('2026-10-09');

        t.clock.set(at('2026-10-10', '09:00'));
        await run();
        expect((await read(c.coordinator, d.id)).escalationLevel).toBe(2);
        expect(await notificationsAbout(c.coordinator, d.id, 'demand.overdue')).toHaveLength(1);
        expect(await notificationsAbout(c.leader2, d.id, 'demand.overdue')).toHaveLength(1);
        expect(await notificationsAbout(c.leader, d.id, 'demand.overdue')).toEqual([]);
      });

      it('keeps the visiting leader, or an explicit owner, over the enterprise’s leader', async () => {
        const page = ok<{ items: { id: string; leaderId: string | null }[] }>(await c.coordinator({ url: '/api/enterprises?pageSize=50' }));
        const target = page.items.find((e) => e.id !== c.enterpriseId && e.id !== c.otherEnterpriseId)!;
        ok(await c.admin({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { leaderId: c.userIds.leader2 } }));
        const body = { enterpriseId: target.id, title: '走访中企业反映用地问题', description: '走访中企业反映扩建用地指标尚未落实。', categoryCode: 'property-certificate' };
        const visited = ok<DemandDetail>(await c.leader({ method: 'POST', url: '/api/demands', payload: { ...body, channel: 'visit' } }));
        expect(visited.ownerLeaderId).toBe(c.userIds.leader);
        const named = ok<DemandDetail>(await c.coordinator({ method: 'POST', url: '/api/demands', payload: { ...body, channel: 'hotline', ownerLeaderId: c.userIds.leader } }));
        expect(named.ownerLeaderId).toBe(c.userIds.leader);
        ok(await c.admin({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { leaderId: null } }));
        const none = ok<DemandDetail>(await c.coordinator({ method: 'POST', url: '/api/demands', payload: { ...body, channel: 'hotline' } }));
        expect(none.ownerLeaderId).toBeNull();
      });
    });

    describe('demand.auto_close', () => {
      it('closes a settled demand as confirmed by default when the enterprise has not answered within 5 working days', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        const settled = ok<DemandDetail>(await act(c.department, d.id, 'settle', { answer: '已办结，请企业确认。' }));
        expect(settled.confirmBy).toBe('2026-11-09');

        t.clock.set(at('2026-11-09', '22:00'));
        await run();
        expect((await read(c.coordinator, d.id)).status).toBe('settled');

        t.clock.set(at('2026-11-10', '00:30'));
        await run();
        const closed = await read(c.enterprise, d.id);
        expect(closed).toMatchObject({ status: 'closed', confirmedByDefault: true, resolved: null, satisfaction: null });
        expect(closed.closedAt).toBe(at('2026-11-10', '00:30').toISOString());
        expect(kinds(closed).at(-1)).toBe('auto_closed');
        // The deadline jobs of a settled demand find nothing to do.
        expect(kinds(await read(c.coordinator, d.id))).not.toContain('escalated');
        expect(await run()).toEqual({ ran: 0, failed: 0 });
      });

      it('does not close a demand the enterprise has already confirmed', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        ok(await act(c.department, d.id, 'settle', { answer: '已办结，请企业确认。' }));
        t.clock.set(at('2026-11-03'));
        ok(await act(c.enterprise, d.id, 'confirm', { resolved: true, satisfaction: 'basically-satisfied' }));
        t.clock.set(at('2026-11-12'));
        await run();
        expect(await read(c.coordinator, d.id)).toMatchObject({ status: 'closed', confirmedByDefault: false, satisfaction: 'basically-satisfied' });
        expect((await jobsOf(d.id)).find((j) => j.kind === 'demand.auto_close')?.state).toBe('done');
      });
    });

    describe('notification e-mail', () => {
      let smtp: SmtpTestServer;
      beforeAll(async () => {
        smtp = await startSmtpTestServer();
      });
      afterAll(() => smtp.close());

      it('sends the lead department its assignment by SMTP with the Chinese subject, once', async () => {
        const patched = await c.admin({ method: 'PATCH', url: `/api/users/${c.userIds.department}`, payload: { email: 'liuhaibo@land.example.test' } });
        expect(patched.statusCode, patched.body).toBe(200);
        expect(patched.json()).toMatchObject({ email: 'liuhaibo@land.example.test' });
        t.clock.set(at('2026-12-01'));
        const d = await assigned(c, { body: { title: '厂房产证办理受阻' } });
        expect(d.dueOn).toBe('2026-12-08');
        const mailer = createMailer(loadConfig({ SMTP_URL: smtp.url }));
        // Every notification of the department not yet mailed goes out, oldest first, in batches.
        for (let i = 0; i < 20; i += 1) {
          const batch = await sendPendingMail(t.ctx, mailer);
          expect(batch.failed).toBe(0);
          if (batch.sent === 0) break;
        }
        const subject = `【益企】新分派诉求 ${d.number}「厂房产证办理受阻」，请于 2026-12-08 前办结`;
        const mail = smtp.messages.filter((m) => m.subject === subject);
        expect(mail).toHaveLength(1);
        expect(mail[0]!.to).toEqual(['liuhaibo@land.example.test']);
        expect(mail[0]!.text).toContain(subject);
        // Only users with an address get mail; nothing is sent twice.
        expect(smtp.messages.every((m) => m.to.length === 1 && m.to[0] === 'liuhaibo@land.example.test')).toBe(true);
        expect(await sendPendingMail(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 });
      });
    });

    // Loads an official 2027 into this app's zone: keep it last.
    describe('deadlines in a provisional year', () => {
      it('marks a deadline in 2027 provisional and recomputes it when the official 2027 arrangement is loaded', async () => {
        ok(await c.coordinator({ method: 'PATCH', url: '/api/demand-categories/talent-and-labour', payload: { deadlineWorkingDays: 30 } }));
        t.clock.set(at('2026-12-28'));
        const short = await assigned(c);
        const long = await assigned(c, { body: { categoryCode: 'talent-and-labour', title: '高级技工招聘难', description: '扩产需招聘高级技工三十名，招聘困难。' } });
        expect(short).toMatchObject({ dueOn: '2027-01-05', provisional: true });
        expect(long).toMatchObject({ dueOn: '2027-02-11', provisional: true });
        const provisional = await listed(c.coordinator, 'provisional=true&pageSize=200');
        expect([...provisional.ids].sort()).toEqual([short.id, long.id].sort());

        const loaded = await c.admin({ method: 'POST', url: '/api/calendar/years', payload: TEST_2027 });
        expect(loaded.statusCode, loaded.body).toBe(200);

        const shortNow = await read(c.coordinator, short.id);
        expect(shortNow).toMatchObject({ dueOn: '2027-01-05', provisional: false });
        expect(shortNow.timeline.at(-1)).toMatchObject({ kind: 'deadline_recomputed', data: { previousDueOn: '2027-01-05', dueOn: '2027-01-05', provisional: false } });
        const longNow = await read(c.enterprise, long.id);
        expect(longNow).toMatchObject({ dueOn: '2027-02-16', provisional: false });
        expect(longNow.timeline.at(-1)).toMatchObject({ kind: 'deadline_recomputed', data: { previousDueOn: '2027-02-11', dueOn: '2027-02-16', provisional: false } });
        expect((await listed(c.coordinator, 'provisional=true')).total).toBe(0);

        // The jobs of the old deadline do nothing; those of the new one run.
        t.clock.set(at('2027-02-10', '09:30'));
        await run();
        expect(kinds(await read(c.coordinator, long.id))).not.toContain('reminded');
        t.clock.set(at('2027-02-15', '09:30'));
        await run();
        expect((await read(c.coordinator, long.id)).timeline.filter((e) => e.kind === 'reminded')).toMatchObject([{ data: { dueOn: '2027-02-16' } }]);
      });
    });

    // Jobs are rows: one scheduled before the app stops is run by a new process on the same
    // database. Stops this describe's app: keep it last. On PGlite the first app keeps its
    // database in a directory, so that the second can open it after the first has closed.
    describe('after a restart', () => {
      it('runs a reminder scheduled before the app stopped from a new process on the same database', async () => {
        stopped = true;
        await t.close();
        const pgliteDir = backend.url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-restart-db-'));
        const first = await startTestApp(backend, pgliteDir ? { pgliteDir } : {});
        first.clock.set(at('2027-03-01'));
        const d = await assigned(await castOf(first));
        expect(d.dueOn).toBe('2027-03-08');
        const config = first.ctx.config;
        await first.close();

        const database = await openDatabase({ databaseUrl: backend.url, dataDir: pgliteDir });
        const clock = { now: () => at('2027-03-05', '09:30') };
        const ctx: AppContext = { database, db: database.db, config: { ...config, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-restart-')) }, clock };
        const app = await buildApp(ctx, { logger: false, serveWeb: false });
        try {
          await app.ready();
          const remindJobs = async () => (await listAllJobs(ctx)).filter((j) => j.kind === 'demand.remind' && (j.payload as { demandId: string }).demandId === d.id);
          expect((await remindJobs()).map((j) => j.state)).toEqual(['pending']);
          const result = await runDueJobs(ctx, JOB_HANDLERS);
          expect(result.ran).toBeGreaterThanOrEqual(1);
          expect(result.failed).toBe(0);
          expect((await remindJobs()).map((j) => j.state)).toEqual(['done']);
          const again = await castOf({ app });
          expect(kinds(await read(again.coordinator, d.id))).toContain('reminded');
          expect(await notificationsAbout(again.department, d.id, 'demand.reminder')).toHaveLength(1);
        } finally {
          await app.close();
          await database.close();
          fs.rmSync(ctx.config.dataDir, { recursive: true, force: true });
          if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
        }
      });
    });
  });
}
