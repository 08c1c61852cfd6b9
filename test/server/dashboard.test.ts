import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { computeUsccCheckChar } from '../../src/domain/enterprises/index.js';
import type { Dashboard } from '../../src/contracts/dashboard.js';
import type { DemandStats } from '../../src/contracts/demands.js';
import type { VisitDetail } from '../../src/contracts/visits.js';
import { backends, errorFields, errorOf, startTestApp, type TestApp } from './harness.js';
import { act, at, caller, castOf, listed, ok, submit, type Api, type Cast, type DemandDetail, type DemandSummary } from './demand-fixtures.js';

const HAN = /[\u4e00-\u9fff]/;
/** The month the tests work in (after the demo's year, which ends at the real today), and its days. */
const MONTH = '2026-12';
const FILED = '2026-12-14'; // a Monday; 5 working days → due 2026-12-21
const ON_TIME = '2026-12-15';
const VISIT_DAY = '2026-12-19'; // a Saturday: no demo visit holds the slot
const TODAY = '2026-12-28';
const CATEGORY = 'talent-and-labour';

type Figures = Dashboard['headline'];

for (const backend of backends()) {
  describe(`dashboard [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;
    let before: Dashboard;
    let after: Dashboard;
    const made: Record<string, DemandDetail> = {};
    let deptA: { id: string; user: Api };
    let deptB: { id: string; user: Api };

    const read = async (api: Api, query = ''): Promise<Dashboard> => ok<Dashboard>(await api({ url: `/api/dashboard${query}` }));
    const month = (d: Dashboard, m: string) => d.months.find((x) => x.month === m)!;
    const category = (d: Dashboard, code: string) => d.categories.find((x) => x.categoryCode === code)?.received ?? 0;

    async function department(name: string, username: string) {
      const { id } = ok<{ id: string }>(await c.admin({ method: 'POST', url: '/api/departments', payload: { name, kind: 'responsible' } }));
      ok(await c.admin({ method: 'POST', url: '/api/users', payload: { username, displayName: username, password: 'dash-test-2026', roles: ['department'], departmentId: id } }));
      return { id, user: await caller(t, username, 'dash-test-2026') };
    }
    /** Filed by the enterprise on FILED, assigned to `dept` and acknowledged. */
    async function handled(key: string, dept: { id: string; user: Api }) {
      const d = await submit(c, { title: `看板测试诉求${key}`, categoryCode: CATEGORY });
      ok(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: dept.id }));
      ok(await act(dept.user, d.id, 'acknowledge'));
      made[key] = d;
      return d;
    }

    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
      deptA = await department('看板测试规划科', 'dash-a');
      deptB = await department('看板测试供电所', 'dash-b');
      t.clock.set(at(TODAY));
      before = await read(c.leader);

      t.clock.set(at(FILED));
      for (const key of ['A1', 'A2', 'A3']) await handled(key, deptA);
      await handled('B1', deptB);
      const late = await submit(c, { title: '看板测试诉求B2', categoryCode: CATEGORY });
      ok(await act(c.coordinator, late.id, 'assign', { leadDepartmentId: deptB.id }));
      made.B2 = late;
      made.D1 = await submit(c, { title: '看板测试诉求D1', categoryCode: CATEGORY });
      ok(await act(c.coordinator, made.D1.id, 'decline', { reason: '不属于本园区受理范围' }));
      made.S1 = await submit(c, { title: '看板测试诉求S1', categoryCode: CATEGORY });

      t.clock.set(at(ON_TIME));
      for (const [key, user] of [['A1', deptA.user], ['A2', deptA.user], ['B1', deptB.user]] as const) {
        ok(await act(user, made[key]!.id, 'settle', { answer: '已协调办理完毕。' }));
      }
      t.clock.set(at(ON_TIME, '15:00'));
      ok(await act(c.enterprise, made.A1!.id, 'confirm', { resolved: true, satisfaction: 'satisfied' }));
      ok(await act(c.enterprise, made.A2!.id, 'confirm', { resolved: true, satisfaction: 'basically-satisfied' }));

      // A done visit of two enterprises on a Saturday, and a new enterprise.
      t.clock.set(at(VISIT_DAY));
      const ents = ok<{ items: { id: string }[] }>(await c.coordinator({ url: '/api/enterprises?pageSize=5' }));
      const v = ok<VisitDetail>(await c.coordinator({
        method: 'POST', url: '/api/visits',
        payload: { visitOn: VISIT_DAY, halfDay: 'am', leaderId: c.userIds.leader2, enterpriseIds: ents.items.slice(0, 2).map((e) => e.id) },
      }));
      ok(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/sign-off` }));
      const first17 = '91360200MAD000D01';
      ok(await c.admin({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇看板测试陶瓷有限公司', uscc: first17 + computeUsccCheckChar(first17) } }));

      t.clock.set(at(TODAY));
      ok(await act(deptA.user, made.A3!.id, 'settle', { answer: '逾期后办结。' }));
      after = await read(c.leader);
    });
    afterAll(() => t.close());

    describe('GET /api/dashboard', () => {
      it('counts the month\'s demands by the group of their current status, adding up to those received', () => {
        const delta = (k: 'received' | 'handling' | 'overdue' | 'settled' | 'ended') => month(after, MONTH)[k] - month(before, MONTH)[k];
        expect({ received: delta('received'), handling: delta('handling'), overdue: delta('overdue'), settled: delta('settled'), ended: delta('ended') })
          .toEqual({ received: 7, handling: 1, overdue: 1, settled: 4, ended: 1 });
        for (const m of after.months) expect(m.handling + m.overdue + m.settled + m.ended).toBe(m.received);
        expect(month(after, MONTH)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
      });

      it('gives twelve months by default, ending with the current month, and as many as asked', async () => {
        expect(after.months.map((m) => m.month)).toEqual([
          '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
        ]);
        expect(after.satisfaction.map((m) => m.month)).toEqual(after.months.map((m) => m.month));
        const three = await read(c.coordinator, '?months=3');
        expect(three.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
        expect(three.months).toEqual(after.months.slice(-3));
        expect((await read(c.admin, '?months=36')).months[0]!.month).toBe('2024-01');
      });

      it('uses the definitions of 诉求统计: each month\'s received and satisfaction rate are those of /api/demands/stats', async () => {
        for (const m of after.months) {
          const s = ok<DemandStats>(await c.coordinator({ url: `/api/demands/stats?from=${m.from}&to=${m.to}` }));
          const sat = after.satisfaction.find((x) => x.month === m.month)!;
          expect([m.month, m.received, sat.rate]).toEqual([m.month, s.received, s.satisfactionRate]);
        }
        const year = ok<DemandStats>(await c.coordinator({ url: `/api/demands/stats?from=2026-01-01&to=${TODAY}` }));
        expect(after.headline).toMatchObject({
          received: year.received, settled: year.settled, settledOnTime: year.settledOnTime, onTimeRate: year.onTimeRate, satisfactionRate: year.satisfactionRate,
        });
        expect(after.yearFrom).toBe('2026-01-01');
        expect(after.today).toBe(TODAY);
      });

      it('counts the satisfaction of the demands closed in the month', () => {
        const b = before.satisfaction.find((m) => m.month === MONTH)!;
        const a = after.satisfaction.find((m) => m.month === MONTH)!;
        expect([a.satisfied - b.satisfied, a.basicallySatisfied - b.basicallySatisfied, a.dissatisfied - b.dissatisfied, a.rated - b.rated]).toEqual([1, 1, 0, 2]);
        expect(a.rate).toBe(Math.round(((a.satisfied + a.basicallySatisfied) / a.rated) * 10_000) / 10_000);
      });

      it('moves the year\'s headline by what was done: received, settled, on time, enterprises, visits', () => {
        const d = (k: keyof Figures) => (after.headline[k] as number) - (before.headline[k] as number);
        expect({ received: d('received'), settled: d('settled'), settledOnTime: d('settledOnTime'), enterprises: d('enterprises'), visits: d('visits'), enterpriseVisits: d('enterpriseVisits') })
          .toEqual({ received: 7, settled: 4, settledOnTime: 3, enterprises: 1, visits: 1, enterpriseVisits: 2 });
        expect(category(after, CATEGORY) - category(before, CATEGORY)).toBe(7);
        expect(after.categories.find((x) => x.categoryCode === CATEGORY)?.categoryName).toBe('人才用工');
      });

      it('rates each lead department on time, flagging those under the zone\'s minimum as not ranked', () => {
        expect(after.minRanked).toBe(3);
        expect(after.departments.find((x) => x.departmentId === deptA.id)).toEqual({
          departmentId: deptA.id, departmentName: '看板测试规划科', received: 3, settled: 3, settledOnTime: 2, onTimeRate: 0.6667, ranked: true,
        });
        expect(after.departments.find((x) => x.departmentId === deptB.id)).toEqual({
          departmentId: deptB.id, departmentName: '看板测试供电所', received: 2, settled: 1, settledOnTime: 1, onTimeRate: 1, ranked: false,
        });
        // The ranked come first, best rate first; every rate is settled on time / settled.
        const ranks = after.departments.map((x) => x.ranked);
        expect(ranks).toEqual([...ranks].sort((x, y) => Number(y) - Number(x)));
        const rates = after.departments.filter((x) => x.ranked).map((x) => x.onTimeRate!);
        expect(rates).toEqual([...rates].sort((x, y) => y - x));
        for (const x of after.departments) expect(x.ranked).toBe(x.settled >= after.minRanked);
      });

      it('lists the overdue demands oldest deadline first, as the list\'s overdue filter, with the days overdue', async () => {
        expect(after.redList.total - before.redList.total).toBe(1);
        const list = await listed(c.coordinator, 'overdue=true&sort=due&order=asc&pageSize=20');
        expect(after.redList.total).toBe(list.total);
        expect(after.headline.overdueNow).toBe(list.total);
        expect(after.redList.items.map((x) => x.id)).toEqual(list.ids);
        expect(after.redList.items.length).toBe(Math.min(20, list.total));
        const dues = after.redList.items.map((x) => x.dueOn);
        expect(dues).toEqual([...dues].sort());
        for (const x of after.redList.items) {
          expect(x.daysOverdue).toBe((Date.parse(TODAY) - Date.parse(x.dueOn)) / 86_400_000);
          if (x.workingDaysOverdue !== null) expect(x.workingDaysOverdue).toBeLessThanOrEqual(x.daysOverdue);
        }
        // Ours, found by its deadline: five working days after it was assigned.
        const ours = await listed(c.coordinator, `overdue=true&departmentId=${deptB.id}`);
        expect(ours.ids).toEqual([made.B2!.id]);
      });

      it('tells each red-list demand\'s confidentiality and category, so a public screen can hide the title', async () => {
        const page = ok<{ items: DemandSummary[] }>(await c.coordinator({ url: '/api/demands?overdue=true&sort=due&order=asc&pageSize=20' }));
        const byId = new Map(page.items.map((x) => [x.id, x]));
        for (const x of after.redList.items) {
          const d = byId.get(x.id)!;
          expect({ confidentiality: x.confidentiality, categoryName: x.categoryName }).toEqual({ confidentiality: d.confidentiality, categoryName: d.categoryName });
        }
        // The coordinator makes the first one private: the dashboard says so at once.
        const first = after.redList.items[0]!;
        const was = byId.get(first.id)!.confidentiality;
        ok(await c.coordinator({ method: 'PATCH', url: `/api/demands/${first.id}`, payload: { confidentiality: was === 'private' ? 'public' : 'private' } }));
        const now = (await read(c.leader)).redList.items.find((x) => x.id === first.id)!;
        expect(now).toMatchObject({ title: first.title, categoryName: first.categoryName, confidentiality: was === 'private' ? 'public' : 'private' });
      });

      it('counts the escalations still being handled as the escalations page does', async () => {
        const list = await listed(c.coordinator, 'escalated=true&status=open&pageSize=1');
        expect(after.headline.openEscalations).toBe(list.total);
      });

      it('counts done visits and enterprise-visits per ISO week as 走访统计 does', async () => {
        expect(after.visitWeeks).toHaveLength(12);
        expect(after.visitWeeks.at(-1)).toMatchObject({ week: '2026-W53', monday: '2026-12-28', sunday: '2027-01-03' });
        const week = after.visitWeeks.find((w) => w.monday === FILED)!;
        const was = before.visitWeeks.find((w) => w.monday === FILED)!;
        expect([week.visits - was.visits, week.enterpriseVisits - was.enterpriseVisits]).toEqual([1, 2]);
        for (const w of after.visitWeeks.slice(-4)) {
          const counts = ok<{ visits: number; enterpriseVisits: number }>(await c.coordinator({ url: `/api/visits/counts?from=${w.monday}&to=${w.sunday}` }));
          expect([w.week, w.visits, w.enterpriseVisits]).toEqual([w.week, counts.visits, counts.enterpriseVisits]);
        }
        const year = ok<{ visits: number; enterpriseVisits: number }>(await c.coordinator({ url: `/api/visits/counts?from=2026-01-01&to=${TODAY}` }));
        expect([after.headline.visits, after.headline.enterpriseVisits]).toEqual([year.visits, year.enterpriseVisits]);
      });

      it('names the zone and the time of the figures', () => {
        expect(after.zoneName).toMatch(HAN);
        expect(after.generatedAt).toBe(at(TODAY).toISOString());
      });

      it('answers 403 to department, enterprise and cadre users, and 401 without a session', async () => {
        const cadre = await caller(t, 'cadre');
        for (const api of [c.department, c.enterprise, cadre]) {
          const res = await api({ url: '/api/dashboard' });
          expect(res.statusCode).toBe(403);
          expect(errorOf(res).code).toBe('FORBIDDEN');
        }
        expect((await t.app.inject({ url: '/api/dashboard' })).statusCode).toBe(401);
      });

      it('refuses months out of range, not a number or an unknown parameter with a field error in Chinese', async () => {
        const bad = async (query: string): Promise<LightMyRequestResponse> => {
          const res = await c.leader({ url: `/api/dashboard${query}` });
          expect(res.statusCode, query).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
          return res;
        };
        for (const q of ['?months=0', '?months=37', '?months=-1', '?months=abc', '?months=2.5']) {
          const res = await bad(q);
          expect(errorFields(res)).toEqual(['querystring.months']);
          const details = errorOf(res).details as { message: string }[];
          expect(details[0]!.message).toMatch(HAN);
        }
        expect(errorFields(await bad('?colour=red'))).toEqual(['querystring.colour']);
        const english = await c.leader({ url: '/api/dashboard?months=99', headers: { 'x-yiqi-lang': 'en' } });
        expect((errorOf(english).details as { message: string }[])[0]!.message).toMatch(/at most 36/);
      });
    });
  });
}
