import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckChar } from '../../src/domain/enterprises/index.js';
import { UNSETTLED_STATUSES } from '../../src/domain/demands/index.js';
import type { ComplianceResult, CoverageResult, LeaderVisitBoard, VisitCountsResult, VisitDetail } from '../../src/contracts/visits.js';
import type { HalfDay } from '../../src/domain/visits/index.js';
import { backends, errorFields, errorOf, startTestApp, type TestApp } from './harness.js';
import { LAND, act, at, caller, castOf, ok, type Api, type Cast, type DemandSummary } from './demand-fixtures.js';

/**
 * The programme's views on data of their own: a fresh leader, a fresh theme and five fresh
 * enterprises (names starting 视图测试), so the demo zone's year of visits and demands does not move
 * the figures. Everything goes through the API, on the days it happens (the clock moves).
 */
const TODAY = '2026-03-11'; // Wednesday of ISO week 2026-W11
const PASSWORD = 'Views-pass-2026';

function testUscc(n: number): string {
  const first17 = `91360200MAW${String(n).padStart(6, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

type Ids = { leaderId: string; themeId: string; e: string[]; cadreId: string; visit: Record<string, string> };

for (const backend of backends()) {
  describe(`visit views [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;
    let admin: Api;
    let leader: Api;
    let cadre: Api;
    const ids = { visit: {} } as Ids;
    const demand: Record<string, DemandSummary> = {};

    /** The leader plans a visit on `day` (the clock set to that day unless it is later). */
    async function plan(key: string, visitOn: string, halfDay: HalfDay, themeId: string | null, enterpriseIds: string[]): Promise<VisitDetail> {
      const v = ok<VisitDetail>(await leader({
        method: 'POST', url: '/api/visits', payload: { visitOn, halfDay, leaderId: ids.leaderId, themeId, enterpriseIds },
      }));
      ids.visit[key] = v.id;
      return v;
    }
    /** A problem raised at the on-site office: answered, or a demand assigned to 自然资源和规划分局. */
    async function raise(key: string, enterpriseId: string, categoryCode: string, answer?: string): Promise<DemandSummary | null> {
      const before = ok<VisitDetail>(await leader({ url: `/api/visits/${ids.visit[key]}` })).demands.map((d) => d.id);
      const v = ok<VisitDetail>(await leader({
        method: 'POST', url: `/api/visits/${ids.visit[key]}/issues`,
        payload: answer
          ? { enterpriseId, text: '企业反映的问题（当场答复）', categoryCode, resolution: 'answered', answer }
          : { enterpriseId, text: '企业反映的问题需要部门办理', categoryCode, resolution: 'demand', leadDepartmentId: c.departments[LAND] },
      }));
      return v.demands.find((d) => !before.includes(d.id)) ?? null;
    }
    const signOff = async (key: string) => ok<VisitDetail>(await leader({ method: 'POST', url: `/api/visits/${ids.visit[key]}/sign-off` }));
    async function settle(d: DemandSummary): Promise<void> {
      ok(await act(c.department, d.id, 'acknowledge'));
      ok(await act(c.department, d.id, 'settle', { answer: '已协调办理完毕，答复企业。' }));
    }
    /** A demand the coordinator files for an enterprise on behalf of a visit, owned by `owner`. */
    async function filed(enterpriseId: string, owner: string): Promise<DemandSummary> {
      return ok<DemandSummary>(await c.coordinator({
        method: 'POST', url: '/api/demands',
        payload: { enterpriseId, title: '走访前收集的问题', description: '挂点干部走访前收集的企业问题。', categoryCode: 'utilities', channel: 'visit', ownerLeaderId: owner },
      }));
    }

    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
      admin = c.admin;
      cadre = await caller(t, 'cadre');
      ids.cadreId = ok<{ id: string }>(await cadre({ url: '/api/auth/me' })).id;
      ids.leaderId = ok<{ id: string }>(await admin({
        method: 'POST', url: '/api/users', payload: { username: 'views-leader', displayName: '测试领导', password: PASSWORD, roles: ['leader'] },
      })).id;
      leader = await caller(t, 'views-leader', PASSWORD);
      ids.themeId = ok<{ id: string }>(await admin({ method: 'POST', url: '/api/themes', payload: { name: '视图测试主题' } })).id;

      const specs = [
        { name: '视图测试A企业', aboveScale: true, foundedOn: '2024-05-01', cadreId: ids.cadreId, themeIds: [ids.themeId] },
        { name: '视图测试B企业', aboveScale: false, foundedOn: '2010-01-01', themeIds: [ids.themeId] },
        { name: '视图测试C企业', aboveScale: false },
        { name: '视图测试D企业', aboveScale: false, foundedOn: '2025-01-01', cadreId: ids.cadreId },
        { name: '视图测试E企业', aboveScale: true, foundedOn: '2001-01-01' },
      ];
      ids.e = [];
      for (const [i, spec] of specs.entries()) {
        ids.e.push(ok<{ id: string }>(await admin({ method: 'POST', url: '/api/enterprises', payload: { ...spec, uscc: testUscc(i + 1) } })).id);
      }
      const [A, B, C, D, E] = ids.e as [string, string, string, string, string];
      const T = ids.themeId;

      // E: visited twice, long ago.
      for (const [key, day] of [['old2', '2024-12-02'], ['old1', '2025-06-10']] as const) {
        t.clock.set(at(day));
        await plan(key, day, 'am', null, [E]);
        await signOff(key);
      }
      // W06: two half-days, three demands raised and assigned at the on-site office.
      t.clock.set(at('2026-02-03'));
      await plan('a', '2026-02-03', 'am', T, [A]);
      demand.d1 = (await raise('a', A, 'property-certificate'))!;
      demand.d2 = (await raise('a', A, 'completion-acceptance'))!;
      await signOff('a');
      await plan('b', '2026-02-03', 'pm', null, [B]);
      demand.d4 = (await raise('b', B, 'land-and-buildings'))!;
      await signOff('b');
      t.clock.set(at('2026-02-04'));
      await settle(demand.d1); // within its five working days
      // W07: one visit planned that never happened (with a demand gathered for it), one cancelled.
      t.clock.set(at('2026-02-09'));
      await plan('c', '2026-02-10', 'am', T, [C]);
      demand.d5 = await filed(C, c.userIds.leader2!);
      ok(await c.coordinator({ method: 'POST', url: `/api/visits/${ids.visit.c}/gather`, payload: { demandIds: [demand.d5.id] } }));
      await plan('d', '2026-02-11', 'am', T, [C]);
      ok(await leader({ method: 'POST', url: `/api/visits/${ids.visit.d}/cancel`, payload: { reason: '领导临时有会' } }));
      t.clock.set(at('2026-03-02'));
      await settle(demand.d2); // weeks late
      // W10: two half-days; one problem answered on the spot.
      t.clock.set(at('2026-03-05'));
      await plan('e', '2026-03-05', 'am', T, [A, C]);
      demand.d3 = (await raise('e', C, 'property-certificate'))!;
      await signOff('e');
      await plan('f', '2026-03-05', 'pm', T, [C]);
      expect(await raise('f', C, 'funding-and-loans', '当场讲解了贷款贴息的申请流程')).toBeNull();
      await signOff('f');
      // Today: this week's and next week's plan; a demand of the leader's that came from no visit.
      t.clock.set(at(TODAY));
      await plan('g', '2026-03-13', 'am', T, [B]);
      await plan('h', '2026-03-17', 'pm', null, [D]);
      demand.d6 = await filed(A, ids.leaderId);
    });
    afterAll(() => t.close());

    describe('GET /api/visits/compliance', () => {
      it('judges each week of a leader: met, missed, exempt over Spring Festival, pending while not over', async () => {
        const r = ok<ComplianceResult>(await c.coordinator({ url: '/api/visits/compliance?from=2026-02-02&to=2026-03-22' }));
        const mine = r.leaders.find((l) => l.leaderId === ids.leaderId)!;
        expect(mine.leaderName).toBe('测试领导');
        expect(mine.weeks.map((w) => [w.week, w.monday, w.planned, w.done, w.status])).toEqual([
          ['2026-W06', '2026-02-02', 2, 2, 'met'],
          ['2026-W07', '2026-02-09', 1, 0, 'missed'], // planned but not done; the cancelled visit counts nowhere
          ['2026-W08', '2026-02-16', 0, 0, 'exempt'], // 春节: no working day
          ['2026-W09', '2026-02-23', 0, 0, 'missed'],
          ['2026-W10', '2026-03-02', 2, 2, 'met'],
          ['2026-W11', '2026-03-09', 1, 0, 'pending'],
          ['2026-W12', '2026-03-16', 1, 0, 'pending'],
        ]);
      });

      it('lists every active leader of the zone and no one else', async () => {
        const r = ok<ComplianceResult>(await leader({ url: '/api/visits/compliance?from=2026-03-02&to=2026-03-08' }));
        const names = r.leaders.map((l) => l.leaderName);
        expect(names).toEqual(expect.arrayContaining(['王建华', '李志远', '测试领导']));
        expect(names).not.toContain('陈晓敏');
        expect(r.leaders.every((l) => l.weeks.length === 1)).toBe(true);
      });

      it('refuses a period that ends before it starts or spans more than two years', async () => {
        const back = await c.coordinator({ url: '/api/visits/compliance?from=2026-03-01&to=2026-02-01' });
        expect(back.statusCode).toBe(400);
        expect(errorFields(back)).toEqual(['querystring.to']);
        expect(errorOf(back).details).toEqual([expect.objectContaining({ message: '截止日期不能早于起始日期' })]);
        const long = await c.coordinator({ url: '/api/visits/compliance?from=2023-01-01&to=2026-03-01' });
        expect(long.statusCode).toBe(400);
        expect(errorFields(long)).toEqual(['querystring.from']);
        const bad = await c.coordinator({ url: '/api/visits/compliance?from=2026-02-30&to=2026-03-01' });
        expect(bad.statusCode).toBe(400);
      });

      it('refuses days out of range with a field error, and a period outside the calendar\'s years', async () => {
        const early = await c.coordinator({ url: '/api/visits/compliance?from=0999-12-28&to=1000-01-03' });
        expect(early.statusCode).toBe(400);
        expect(errorFields(early)).toEqual(['querystring.from']);
        const late = await c.coordinator({ url: '/api/visits/compliance?from=9998-12-01&to=9999-12-31' });
        expect(late.statusCode).toBe(400);
        expect(errorFields(late)).toEqual(['querystring.to']);
        const noCalendar = await c.coordinator({ url: '/api/visits/compliance?from=1000-01-01&to=1000-01-10' });
        expect(noCalendar.statusCode).toBe(400);
        expect(errorOf(noCalendar).code).toBe('CALENDAR_OUT_OF_RANGE');
        for (const url of ['/api/visits/counts?from=0999-01-01&to=2026-01-01', '/api/visits/counts.xlsx?from=0999-01-01&to=2026-01-01']) {
          const res = await c.coordinator({ url });
          expect(res.statusCode, url).toBe(400);
          expect(errorFields(res)).toEqual(['querystring.from']);
        }
        const wide = ok<VisitCountsResult>(await c.coordinator({ url: `/api/visits/counts?from=1000-01-01&to=9998-12-31&themeId=${ids.themeId}` }));
        expect(wide.visits).toBe(3);
      });
    });

    describe('GET /api/visits/counts', () => {
      it('counts the done visits of a theme and their problems, answered on the spot included', async () => {
        const r = ok<VisitCountsResult>(await c.coordinator({ url: `/api/visits/counts?from=2026-01-01&to=2026-03-31&themeId=${ids.themeId}` }));
        expect(r).toMatchObject({
          from: '2026-01-01', to: '2026-03-31', themeId: ids.themeId,
          visits: 3, enterpriseVisits: 4, distinctEnterprises: 2,
          demandsRaised: 4, settled: 3, settledOnTime: 2,
        });
        expect(r.byCategory).toEqual([
          { name: '产证办理', raised: 2, settled: 1 },
          { name: '竣工验收', raised: 1, settled: 1 },
          { name: '资金贷款', raised: 1, settled: 1 },
        ]);
        expect(r.sentence).toBe('共开展走访3次，服务企业4家（次），协调解决产证办理、竣工验收、资金贷款等各类问题3个');
      });

      it('narrows to the period and widens without a theme', async () => {
        const march = ok<VisitCountsResult>(await c.coordinator({ url: `/api/visits/counts?from=2026-03-01&to=2026-03-31&themeId=${ids.themeId}` }));
        expect(march).toMatchObject({ visits: 2, enterpriseVisits: 3, distinctEnterprises: 2, demandsRaised: 2, settled: 1, settledOnTime: 1 });
        const february = ok<VisitCountsResult>(await c.coordinator({ url: '/api/visits/counts?from=2026-02-01&to=2026-02-28' }));
        // Visits a and b (done) of this test, plus whatever else the zone did that month: at least ours.
        const mineOnly = ok<VisitCountsResult>(await c.coordinator({ url: `/api/visits/counts?from=2026-02-01&to=2026-02-28&themeId=${ids.themeId}` }));
        expect(mineOnly).toMatchObject({ visits: 1, enterpriseVisits: 1, demandsRaised: 2, settled: 2, settledOnTime: 1 });
        expect(february.visits - mineOnly.visits).toBeGreaterThanOrEqual(1);
        expect(february.demandsRaised - mineOnly.demandsRaised).toBeGreaterThanOrEqual(1);
      });

      it('gives an empty period the sentence with zeros', async () => {
        const r = ok<VisitCountsResult>(await c.coordinator({ url: `/api/visits/counts?from=2026-01-01&to=2026-01-31&themeId=${ids.themeId}` }));
        expect(r).toMatchObject({ visits: 0, enterpriseVisits: 0, demandsRaised: 0, byCategory: [] });
        expect(r.sentence).toBe('共开展走访0次，服务企业0家（次），协调解决各类问题0个');
      });

      it('refuses from after to, and a theme of no one', async () => {
        const back = await c.coordinator({ url: '/api/visits/counts?from=2026-03-31&to=2026-03-01' });
        expect(back.statusCode).toBe(400);
        expect(errorFields(back)).toEqual(['querystring.to']);
        const theme = await c.coordinator({ url: `/api/visits/counts?from=2026-03-01&to=2026-03-31&themeId=${randomUUID()}` });
        expect(theme.statusCode).toBe(400);
        expect(errorFields(theme)).toEqual(['querystring.themeId']);
      });

      it('exports the figures and the categories as a workbook with Chinese headers', async () => {
        const res = await c.coordinator({ url: `/api/visits/counts.xlsx?from=2026-01-01&to=2026-03-31&themeId=${ids.themeId}` });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toContain('spreadsheetml');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        expect(wb.worksheets.map((s) => s.name)).toEqual(['走访统计', '按问题分类']);
        const figures = Object.fromEntries(
          wb.getWorksheet('走访统计')!.getSheetValues().slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
        );
        expect(figures).toMatchObject({ 走访主题: '视图测试主题', 走访次数: 3, '服务企业家（次）': 4, 走访企业数: 2, 已解决: 3, 按期解决: 2 });
        expect(String(figures['工作表述'])).toContain('共开展走访3次');
        const cats = wb.getWorksheet('按问题分类')!;
        expect(cats.getRow(1).values).toEqual([undefined, '问题分类', '反映数', '已解决']);
        expect(cats.getRow(2).values).toEqual([undefined, '产证办理', 2, 1]);
      });
    });

    describe('GET /api/visits/coverage', () => {
      const names = (r: CoverageResult) => r.items.map((i) => i.name.replace('视图测试', '').replace('企业', ''));
      const q = (extra = '', pageSize = 50) => `/api/visits/coverage?q=${encodeURIComponent('视图测试')}&pageSize=${pageSize}${extra}`;

      it('lists the never visited first, then the longest forgotten, with the 无事不扰 flag', async () => {
        const r = ok<CoverageResult>(await c.coordinator({ url: q() }));
        expect(r.total).toBe(5);
        expect(r.minWeeks).toBe(8);
        expect(names(r)).toEqual(['D', 'E', 'B', 'A', 'C']);
        const by = Object.fromEntries(r.items.map((i) => [i.name.replace('视图测试', '').replace('企业', ''), i]));
        expect(by.D).toMatchObject({ lastVisitOn: null, weeksSince: null, visitsLastYear: 0, nextVisitOn: '2026-03-17', tooSoon: false, cadreName: '张国栋', themes: [] });
        expect(by.E).toMatchObject({ lastVisitOn: '2025-06-10', weeksSince: 39, visitsLastYear: 1, nextVisitOn: null, tooSoon: false, aboveScale: true });
        expect(by.B).toMatchObject({ lastVisitOn: '2026-02-03', weeksSince: 5, visitsLastYear: 1, nextVisitOn: '2026-03-13', tooSoon: true, themes: ['视图测试主题'] });
        expect(by.A).toMatchObject({ lastVisitOn: '2026-03-05', weeksSince: 0, visitsLastYear: 2, tooSoon: true, foundedOn: '2024-05-01' });
        expect(by.C).toMatchObject({ lastVisitOn: '2026-03-05', visitsLastYear: 2, nextVisitOn: null });
      });

      it('filters by state, theme, above-scale, start-up and cadre', async () => {
        const get = async (extra: string) => names(ok<CoverageResult>(await c.coordinator({ url: q(extra) })));
        expect(await get('&state=never')).toEqual(['D']);
        expect(await get('&state=recent')).toEqual(['B', 'A', 'C']);
        expect(await get('&state=due')).toEqual(['E']);
        expect(await get(`&themeId=${ids.themeId}`)).toEqual(['B', 'A']);
        expect(await get('&aboveScale=true')).toEqual(['E', 'A']);
        expect(await get('&startup=true')).toEqual(['D', 'A']);
        expect(await get('&startup=false')).toEqual(['E', 'B', 'C']);
        expect(await get(`&cadreId=${ids.cadreId}`)).toEqual(['D', 'A']);
      });

      it('sorts and pages', async () => {
        const get = async (extra: string, pageSize?: number) => ok<CoverageResult>(await c.coordinator({ url: q(extra, pageSize) }));
        expect(names(await get('&sort=lastVisitOn&order=desc'))).toEqual(['A', 'C', 'B', 'E', 'D']);
        expect(names(await get('&sort=name&order=desc'))).toEqual(['E', 'D', 'C', 'B', 'A']);
        expect(names(await get('&sort=visits&order=desc'))).toEqual(['A', 'C', 'B', 'E', 'D']);
        const page = await get('&page=3', 2);
        expect(names(page)).toEqual(['C']);
        expect(page.total).toBe(5);
        const past = await get('&page=9', 2);
        expect(past.items).toEqual([]);
        expect(past.total).toBe(5);
      });

      it('follows the zone\'s minimum weeks between visits', async () => {
        ok(await admin({ method: 'PATCH', url: '/api/zone', payload: { visitMinWeeks: 4 } }));
        try {
          const r = ok<CoverageResult>(await c.coordinator({ url: q('&state=due') }));
          expect(r.minWeeks).toBe(4);
          expect(names(r)).toEqual(['E', 'B']);
          expect(r.items.every((i) => !i.tooSoon)).toBe(true);
        } finally {
          ok(await admin({ method: 'PATCH', url: '/api/zone', payload: { visitMinWeeks: 8 } }));
        }
      });
    });

    describe('GET /api/visits/board', () => {
      it('shows the leader this week\'s and next week\'s visits and the open demands of their visits', async () => {
        const r = ok<LeaderVisitBoard>(await leader({ url: '/api/visits/board' }));
        expect(r.thisWeek.map((v) => [v.visitOn, v.halfDay, v.status])).toEqual([['2026-03-13', 'am', 'planned']]);
        expect(r.thisWeek[0]).toMatchObject({ id: ids.visit.g, leader: { id: ids.leaderId, name: '测试领导' }, theme: { id: ids.themeId, name: '视图测试主题' } });
        expect(r.thisWeek[0]!.enterprises.map((e) => e.name)).toEqual(['视图测试B企业']);
        expect(r.nextWeek.map((v) => v.id)).toEqual([ids.visit.h]);
        // From the leader's visits and not yet settled: d5 was gathered into one (its escalation is another
        // leader's); d6 came from no visit; d1 is settled.
        const open = r.openDemands.map((d) => d.id);
        expect(open).toEqual(expect.arrayContaining([demand.d3!.id, demand.d4!.id, demand.d5!.id]));
        expect(open).not.toContain(demand.d6!.id);
        expect(open).not.toContain(demand.d1!.id);
        expect(r.openDemands.every((d) => UNSETTLED_STATUSES.includes(d.status))).toBe(true);
        // Another leader's board does not show them.
        const other = ok<LeaderVisitBoard>(await c.leader2({ url: '/api/visits/board' }));
        expect(other.openDemands.map((d) => d.id)).not.toContain(demand.d5!.id);
      });

      it('shows the coordinator every leader\'s', async () => {
        const r = ok<LeaderVisitBoard>(await c.coordinator({ url: '/api/visits/board' }));
        expect(r.thisWeek.map((v) => v.id)).toContain(ids.visit.g);
        expect(r.openDemands.map((d) => d.id)).toEqual(expect.arrayContaining([demand.d3!.id, demand.d5!.id]));
        expect(r.openDemands.map((d) => d.id)).not.toContain(demand.d6!.id);
        expect(r.openDemands.map((d) => d.id)).not.toContain(demand.d1!.id);
      });
    });

    describe('who may look', () => {
      it('refuses departments, cadres and enterprises', async () => {
        const urls = [
          '/api/visits/compliance?from=2026-03-01&to=2026-03-31',
          '/api/visits/counts?from=2026-03-01&to=2026-03-31',
          '/api/visits/counts.xlsx?from=2026-03-01&to=2026-03-31',
          '/api/visits/coverage',
          '/api/visits/board',
        ];
        for (const api of [c.department, c.enterprise, cadre]) {
          for (const url of urls) {
            const res = await api({ url });
            expect(res.statusCode, url).toBe(403);
            expect(errorOf(res).code).toBe('FORBIDDEN');
          }
        }
      });
    });
  });
}
