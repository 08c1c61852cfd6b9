import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEntries as auditEntriesTable, demandEvents, demands, scheduledJobs, zoneCounters } from '../../src/db/schema/index.js';
import { DEFAULT_DEMAND_CATEGORIES, DEMAND_CHANNELS, DEMAND_STATUSES, computeDeadline } from '../../src/domain/demands/index.js';
import { addDays } from '../../src/domain/calendar/index.js';
import { zoneCalendar } from '../../src/server/calendar/calendar.service.js';
import { zoneToday } from '../../src/server/zone/zone-today.js';
import { findZoneByCode } from '../../src/server/zone/zone.repository.js';
import { loadDemo } from '../../src/server/demo/demo.service.js';
import { DEMO_ZONE } from '../../src/server/demo/demo-data.js';
import { runDueJobs } from '../../src/server/platform/jobs.js';
import { JOB_HANDLERS } from '../../src/server/platform/job-handlers.js';
import { as, backends, signIn, startTestApp, type TestApp } from './harness.js';

type Row = typeof demands.$inferSelect;
type Summary = { id: string; enterpriseId: string; enterpriseName: string; status: string; escalationLevel: number; countdown: { overdue: boolean } | null };

for (const backend of backends()) {
  describe(`the demo zone's year of demands [${backend.name}]`, () => {
    let t: TestApp;
    let zoneId: string;
    let rows: Row[];
    let today: string;
    let loadedBy: Date;
    let loadStarted: Date;

    beforeAll(async () => {
      loadStarted = new Date();
      t = await startTestApp(backend);
      loadedBy = new Date();
      zoneId = (await findZoneByCode(t.ctx.db, DEMO_ZONE.code))!.id;
      rows = await t.ctx.db.select().from(demands).where(eq(demands.zoneId, zoneId));
      today = (await zoneToday(t.ctx, zoneId)).today;
    });
    afterAll(() => t.close());

    it('loads about five hundred demands across every category, channel and status, some extended, reopened, confirmed by default', () => {
      expect(rows.length).toBeGreaterThanOrEqual(400);
      expect(new Set(rows.map((r) => r.categoryCode))).toEqual(new Set(DEFAULT_DEMAND_CATEGORIES.map((c) => c.code)));
      expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(DEMAND_CHANNELS));
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(DEMAND_STATUSES));
      expect(rows.filter((r) => r.extended).length).toBeGreaterThan(5);
      expect(rows.filter((r) => r.reopenCount > 0).length).toBeGreaterThan(5);
      expect(rows.filter((r) => r.confirmedByDefault).length).toBeGreaterThan(5);
      expect(rows.filter((r) => r.bounceCount > 2).length).toBeGreaterThanOrEqual(1);
      expect(rows.filter((r) => r.settledOnTime === false).length).toBeGreaterThan(0);
      expect(rows.every((r) => r.isDemo && r.searchTokens.length > 0 && r.anonymisedTitle !== null)).toBe(true);
      const yearAgo = new Date(loadedBy.getTime() - 366 * 86_400_000);
      expect(rows.every((r) => r.submittedAt > yearAgo && r.submittedAt <= loadedBy)).toBe(true);
    });

    it('shows the coordinator open demands past their deadline, escalated to the leaders', async () => {
      const coordinator = as(t.app, await signIn(t.app, 'coordinator'));
      const res = await coordinator({ url: '/api/demands?overdue=true&pageSize=200' });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { total: number; items: Summary[] };
      expect(page.total).toBeGreaterThan(0);
      for (const d of page.items) {
        expect(d.escalationLevel).toBe(2);
        expect(d.countdown?.overdue).toBe(true);
      }
    });

    it('shows the enterprise user only its own demands, in several states', async () => {
      const enterprise = as(t.app, await signIn(t.app, 'enterprise'));
      const me = (await enterprise({ url: '/api/auth/me' })).json() as { enterpriseId: string };
      const res = await enterprise({ url: '/api/demands?pageSize=200' });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { total: number; items: Summary[] };
      expect(page.total).toBeGreaterThan(0);
      expect(page.total).toBe(rows.filter((r) => r.enterpriseId === me.enterpriseId).length);
      expect(page.items.every((d) => d.enterpriseId === me.enterpriseId && d.enterpriseName === '崧原半导体（景德镇）有限公司')).toBe(true);
      expect(new Set(page.items.map((d) => d.status)).size).toBeGreaterThanOrEqual(3);
    });

    it('gives the department login and the leader open demands to look at', async () => {
      const department = as(t.app, await signIn(t.app, 'department'));
      const open = (await department({ url: '/api/demands?status=open' })).json() as { total: number };
      expect(open.total).toBeGreaterThan(0);
      const leader = as(t.app, await signIn(t.app, 'leader'));
      expect(((await leader({ url: '/api/demands?escalated=true' })).json() as { total: number }).total).toBeGreaterThan(0);
    });

    it('counts the last twelve months: received, and mostly settled on time', async () => {
      const coordinator = as(t.app, await signIn(t.app, 'coordinator'));
      const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      const res = await coordinator({ url: `/api/demands/stats?from=${from}&to=${today}` });
      expect(res.statusCode, res.body).toBe(200);
      const stats = res.json() as { received: number; settled: number; onTimeRate: number; extended: number; reopened: number; confirmedByDefault: number; byCategory: unknown[] };
      expect(stats.received).toBeGreaterThan(0);
      expect(stats.settled).toBeGreaterThan(0);
      expect(stats.onTimeRate).toBeGreaterThan(0.5);
      expect(stats.onTimeRate).toBeLessThan(1);
      expect(stats.extended).toBeGreaterThan(0);
      expect(stats.reopened).toBeGreaterThan(0);
      expect(stats.confirmedByDefault).toBeGreaterThan(0);
      expect(stats.byCategory).toHaveLength(10);
    });

    it('keeps every deadline equal to computeDeadline of its basis', async () => {
      const calendar = await zoneCalendar(t.ctx, zoneId);
      const withDeadline = rows.filter((r) => r.dueOn !== null);
      expect(withDeadline.length).toBeGreaterThan(400);
      for (const r of withDeadline) {
        expect(r.deadlineBaseOn, r.number).not.toBeNull();
        const deadline = computeDeadline(calendar, { baseOn: r.deadlineBaseOn!, days: r.deadlineDays!, pausedDays: r.pausedDays });
        expect({ number: r.number, dueOn: r.dueOn, provisional: r.dueProvisional }).toEqual({ number: r.number, dueOn: deadline.dueOn, provisional: deadline.provisional });
      }
      for (const r of rows.filter((x) => x.settledAt !== null && x.dueOn !== null)) {
        const settledOn = new Intl.DateTimeFormat('en-CA', { timeZone: DEMO_ZONE.timeZone }).format(r.settledAt!);
        expect(r.settledOnTime, r.number).toBe(settledOn <= r.dueOn!);
      }
    });

    it('numbers the demands SQ<year>-<5 digits>, once each, with the year counters at the highest number', async () => {
      expect(rows.every((r) => /^SQ\d{4}-\d{5}$/.test(r.number))).toBe(true);
      expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
      const counters = await t.ctx.db.select().from(zoneCounters).where(eq(zoneCounters.zoneId, zoneId));
      const highest = new Map<string, number>();
      for (const r of rows) {
        const name = `demand:${r.number.slice(2, 6)}`;
        highest.set(name, Math.max(highest.get(name) ?? 0, Number(r.number.slice(7))));
      }
      expect(new Map(counters.filter((c) => c.name.startsWith('demand:')).map((c) => [c.name, c.value]))).toEqual(highest);
    });

    it('writes each timeline from its submission, in time order, nothing after now', async () => {
      const events = await t.ctx.db.select().from(demandEvents).where(eq(demandEvents.zoneId, zoneId));
      const byDemand = new Map<string, (typeof events)[number][]>();
      for (const e of events) byDemand.set(e.demandId, [...(byDemand.get(e.demandId) ?? []), e]);
      expect(byDemand.size).toBe(rows.length);
      for (const list of byDemand.values()) {
        list.sort((a, b) => a.seq - b.seq);
        expect(list[0]!.kind).toBe('submitted');
        for (let i = 1; i < list.length; i++) expect(list[i]!.at.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.at.getTime());
        expect(list.at(-1)!.at.getTime()).toBeLessThanOrEqual(loadedBy.getTime());
      }
      const kinds = new Set(events.map((e) => e.kind));
      for (const k of ['accepted', 'assigned', 'acknowledged', 'progress', 'extension_requested', 'extension_approved', 'waiting', 'resumed', 'settled',
        'confirmed', 'reopened', 'auto_closed', 'declined', 'returned', 'flagged', 'escalated', 'merged_into', 'merged_from']) {
        expect(kinds, k).toContain(k);
      }
    });

    it('schedules the reminder and escalation of every demand being handled, leaving nothing overdue to the worker', async () => {
      const jobs = await t.ctx.db.select().from(scheduledJobs).where(eq(scheduledJobs.zoneId, zoneId));
      const keys = new Set(jobs.map((j) => `${j.kind} ${j.key}`));
      for (const r of rows.filter((x) => x.status === 'assigned' || x.status === 'in_progress')) {
        expect(keys, r.number).toContain(`demand.remind ${r.id}:${r.dueOn}`);
        expect(keys, r.number).toContain(`demand.escalate ${r.id}:${r.dueOn}`);
      }
      for (const r of rows.filter((x) => x.status === 'settled')) {
        expect(keys, r.number).toContain(`demand.auto_close ${r.id}:${r.settledAt!.toISOString()}`);
      }
      // What fell due before the load already happened in the story (done); only later jobs are pending.
      expect(jobs.filter((j) => j.state === 'pending' && j.runAt <= loadStarted)).toEqual([]);
      expect(jobs.filter((j) => j.state === 'done' && j.runAt > loadedBy)).toEqual([]);
      expect(jobs.some((j) => j.state === 'pending')).toBe(true);
    });

    it('adds nothing when the demo is loaded again', async () => {
      const again = await loadDemo(t.ctx, { password: null });
      expect(again.demands).toBe(0);
      expect(await t.ctx.db.$count(demands, eq(demands.zoneId, zoneId))).toBe(rows.length);
      const audits = await t.ctx.db.select().from(auditEntriesTable)
        .where(and(eq(auditEntriesTable.zoneId, zoneId), eq(auditEntriesTable.action, 'demo.demands_loaded')));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.after).toMatchObject({ demands: rows.length });
    });

    it('takes the real actions from where the demo leaves each demand, and the worker runs its jobs without failing', async () => {
      const enterprise = as(t.app, await signIn(t.app, 'enterprise'));
      const own = (await enterprise({ url: '/api/demands?status=settled' })).json() as { items: Summary[] };
      expect(own.items.length).toBeGreaterThan(0);
      const confirmed = await enterprise({ method: 'POST', url: `/api/demands/${own.items[0]!.id}/confirm`, payload: { resolved: true, satisfaction: 'satisfied' } });
      expect(confirmed.statusCode, confirmed.body).toBe(200);

      const department = as(t.app, await signIn(t.app, 'department'));
      const { departmentId } = (await department({ url: '/api/auth/me' })).json() as { departmentId: string };
      const assigned = (await department({ url: '/api/demands?status=assigned' })).json() as { items: (Summary & { leadDepartmentId: string })[] };
      const mine = assigned.items.find((d) => d.leadDepartmentId === departmentId);
      expect(mine).toBeDefined();
      const acknowledged = await department({ method: 'POST', url: `/api/demands/${mine!.id}/acknowledge` });
      expect(acknowledged.statusCode, acknowledged.body).toBe(200);

      const coordinator = as(t.app, await signIn(t.app, 'coordinator'));
      const pending = (await coordinator({ url: '/api/demands?pendingExtension=true' })).json() as { items: Summary[] };
      expect(pending.items.length).toBeGreaterThan(0);
      const detail = (await coordinator({ url: `/api/demands/${pending.items[0]!.id}` })).json() as { extensions: { id: string; status: string }[] };
      const extension = detail.extensions.find((x) => x.status === 'pending')!;
      const decided = await coordinator({ method: 'POST', url: `/api/demands/${pending.items[0]!.id}/extensions/${extension.id}/decision`, payload: { approve: true } });
      expect(decided.statusCode, decided.body).toBe(200);

      t.clock.set(new Date(Date.parse(`${addDays(today, 40)}T12:00:00+08:00`)));
      const run = await runDueJobs(t.ctx, JOB_HANDLERS);
      t.clock.set(null);
      expect(run.ran).toBeGreaterThan(0);
      expect(run.failed).toBe(0);
    });
  });
}
