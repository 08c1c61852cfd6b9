import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { demands, visitCadres, visitDepartments, visitEnterprises, visitIssues, visits } from '../../src/db/schema/index.js';
import type { VisitBrief } from '../../src/contracts/visit-brief.js';
import { addMonths, briefFigures, changeOf, figureEndYear, summarise } from '../../src/server/visits/visit-brief.service.js';
import { computeUsccCheckChar } from '../../src/domain/enterprises/index.js';
import { auditEntries, backends, signIn, startTestApp, type TestApp } from './harness.js';
import { LAND, act, assigned, at, caller, castOf, ok, read, submit, type Api, type Cast, type DemandSummary } from './demand-fixtures.js';

const TODAY = '2026-12-01';
const VISIT_ON = '2026-12-03';
const NUMBER = 'ZF2026-9901';

const figure = (year: number, f: Partial<Record<string, number | null>>) => ({
  year, employees: null, revenue: null, mainRevenue: null, totalAssets: null, liabilities: null, rdExpense: null, rdStaff: null,
  ipInvention: null, ipUtilityModel: null, ipDesign: null, ipSoftware: null, ipOther: null, equityFinancing: null, ...f,
});

describe('visit brief presenting (pure)', () => {
  it('changeOf gives the trend and the percent, null when a year is missing, no percent from 0', () => {
    expect(changeOf(100, 125)).toEqual({ trend: 'up', percent: 25 });
    expect(changeOf(200, 150)).toEqual({ trend: 'down', percent: -25 });
    expect(changeOf(7, 7)).toEqual({ trend: 'flat', percent: 0 });
    expect(changeOf(0, 5)).toEqual({ trend: 'up', percent: null });
    expect(changeOf(null, 5)).toBeNull();
    expect(changeOf(5, null)).toBeNull();
  });
  it('figureEndYear is the latest reported year, never before last year, never after this year', () => {
    expect(figureEndYear([{ year: 2023 }, { year: 2025 }], TODAY)).toBe(2025);
    expect(figureEndYear([{ year: 2021 }], TODAY)).toBe(2025);
    expect(figureEndYear([{ year: 2026 }, { year: 2027 }], TODAY)).toBe(2026);
    expect(figureEndYear([], TODAY)).toBe(2025);
  });
  it('briefFigures shows a year not reported as missing (null), not 0, and computes the R&D ratio', () => {
    const years = briefFigures([figure(2023, { revenue: 1_000_000, rdExpense: 50_000 }), figure(2025, { revenue: 0, rdExpense: 10 })], 2025);
    expect(years.map((y) => [y.year, y.reported])).toEqual([[2023, true], [2024, false], [2025, true]]);
    expect(years[0]!.rdRatio).toBe(5);
    expect(years[1]!.revenue).toBeNull();
    expect(years[2]!.rdRatio).toBeNull();
    expect(years[2]!.changes.revenue).toBeNull();
  });
  it('addMonths clamps to the end of the month; summarise cuts long answers', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 6)).toBe('2027-06-01');
    expect(summarise('  已办结。\n  谢谢 ')).toBe('已办结。 谢谢');
    expect(summarise('字'.repeat(100), 10)).toBe(`${'字'.repeat(10)}…`);
    expect(summarise(null)).toBeNull();
  });
});

for (const backend of backends()) {
  describe(`visit brief [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;
    let cadre2: Api;
    let visitId: string;
    let gathered: DemandSummary;
    let waiting: DemandSummary;
    let settled: DemandSummary;
    const previousIds: string[] = [];
    let enterpriseName = '';
    /** An enterprise made for this test, without demo visits, so its earlier visits are only those inserted here. */
    let freshId = '';

    const insertVisit = async (v: { number: string; visitOn: string; halfDay?: 'am' | 'pm'; status: string; enterpriseIds: string[]; themeId?: string | null }) => {
      const id = randomUUID();
      const zoneId = zoneOf;
      await t.ctx.db.insert(visits).values({
        zoneId, id, number: v.number, visitOn: v.visitOn, halfDay: v.halfDay ?? 'am', leaderId: briefLeaderId, themeId: v.themeId ?? null, status: v.status,
        purpose: v.status === 'planned' ? '了解企业扩产用地与产证办理进展' : null,
      });
      await t.ctx.db.insert(visitEnterprises).values(v.enterpriseIds.map((enterpriseId, position) => ({ zoneId, visitId: id, enterpriseId, position })));
      return id;
    };
    let zoneOf = '';
    /** A leader of this test's own: the demo's leaders' half-days are taken by the demo's visits. */
    let briefLeaderId = '';

    beforeAll(async () => {
      t = await startTestApp(backend);
      t.clock.set(at(TODAY));
      c = await castOf(t);
      cadre2 = await caller(t, 'cadre2');
      const me = ok<{ id: string; zoneId: string }>(await cadre2({ url: '/api/auth/me' }));
      zoneOf = me.zoneId;
      const admin = await caller(t, 'admin');
      briefLeaderId = ok<{ id: string }>(await admin({
        method: 'POST', url: '/api/users', payload: { username: 'brief-leader', displayName: '简报领导', password: 'Brief-pass-2026', roles: ['leader'] },
      })).id;
      const theme = ok<{ id: string }>(await admin({
        method: 'POST', url: '/api/themes', payload: { name: '简报测试主题', guidingQuestions: ['企业今年扩产计划？', '用地与产证有何困难？'] },
      }));

      // The enterprise's figures (2024 employees not reported) and qualifications.
      const patched = await c.coordinator({
        method: 'PATCH', url: `/api/enterprises/${c.enterpriseId}`,
        payload: {
          figures: [
            figure(2022, { employees: 100, revenue: 40_000_000, rdExpense: 1_600_000, ipInvention: 2, ipUtilityModel: 3 }),
            figure(2023, { employees: 120, revenue: 50_000_000, rdExpense: 2_000_000, ipInvention: 3, ipUtilityModel: 5 }),
            figure(2024, { employees: null, revenue: 60_000_000, rdExpense: 3_000_000, ipInvention: 4, ipUtilityModel: 5 }),
            figure(2025, { employees: 150, revenue: 54_000_000, rdExpense: 3_240_000, ipInvention: 6, ipUtilityModel: 5 }),
          ],
          qualifications: [
            { kind: 'high-tech', certificateNo: 'GR202436000123', validFrom: '2024-11-20', validUntil: '2027-11-19' },
            { kind: 'tech-sme', validFrom: '2026-04-15', validUntil: '2027-03-31' },
            { kind: 'innovative-sme', validFrom: '2020-06-30', validUntil: '2023-06-29' },
          ],
        },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      enterpriseName = ok<{ name: string }>(await c.coordinator({ url: `/api/enterprises/${c.enterpriseId}` })).name;

      // Demands: one assigned (gathered into the visit), one waiting for assignment, one settled and confirmed.
      const a = await assigned(c, { body: { title: '新厂房产证办理受阻', description: '新厂房竣工半年仍未办出产证，影响抵押贷款。' } });
      gathered = a;
      waiting = await submit(c, { title: '员工子女入学咨询', description: '外地员工子女入学需要哪些材料，希望园区协调。', categoryCode: 'talent-and-labour' });
      const s = await assigned(c, { body: { title: '厂区道路照明不足', description: '厂区门口道路夜间照明不足，存在安全隐患。', categoryCode: 'supporting-services' } });
      ok(await act(c.department, s.id, 'acknowledge'));
      ok(await act(c.department, s.id, 'settle', { answer: '已协调城管部门于厂区门口新增路灯四盏，夜间照明已恢复正常。' }));
      ok(await act(c.enterprise, s.id, 'confirm', { resolved: true, satisfaction: 'satisfied' }));
      settled = await read(c.coordinator, s.id);

      const first17 = '91360200MAB009901';
      freshId = ok<{ id: string }>(await admin({ method: 'POST', url: '/api/enterprises', payload: { name: '简报测试新材料有限公司', uscc: first17 + computeUsccCheckChar(first17) } })).id;

      // The visit under test: the demo enterprise, another one and the fresh one, 自然资源和规划分局 and cadre2 accompanying.
      visitId = await insertVisit({
        number: NUMBER, visitOn: VISIT_ON, status: 'planned', enterpriseIds: [c.enterpriseId, c.otherEnterpriseId, freshId], themeId: theme.id,
      });
      await t.ctx.db.insert(visitDepartments).values({ zoneId: zoneOf, visitId, departmentId: c.departments[LAND]! });
      await t.ctx.db.insert(visitCadres).values({ zoneId: zoneOf, visitId, userId: me.id });
      await t.ctx.db.update(demands).set({ visitId }).where(and(eq(demands.zoneId, zoneOf), eq(demands.id, gathered.id)));

      // Earlier visits: four done (the brief shows the three newest), one cancelled, one done after this visit.
      for (const [i, on] of ['2026-03-05', '2026-05-14', '2026-08-20', '2026-10-15'].entries()) {
        const id = await insertVisit({ number: `ZF2026-98${i}0`, visitOn: on, status: 'done', enterpriseIds: [freshId] });
        previousIds.push(id);
        for (let k = 0; k < i; k += 1) {
          await t.ctx.db.insert(visitIssues).values({
            zoneId: zoneOf, id: randomUUID(), visitId: id, enterpriseId: freshId, text: `问题${k}`, categoryCode: 'other', resolution: 'answered', answer: '当场答复',
          });
        }
      }
      await insertVisit({ number: 'ZF2026-9890', visitOn: '2026-11-05', status: 'cancelled', enterpriseIds: [freshId] });
      await insertVisit({ number: 'ZF2026-9891', visitOn: '2026-12-10', status: 'done', enterpriseIds: [freshId] });
    });
    afterAll(() => t.close());

    const brief = async (api: Api) => ok<VisitBrief>(await api({ url: `/api/visits/${visitId}/brief` }));

    describe('GET /api/visits/:id/brief', () => {
      it('gives the header and one section per enterprise in the visit\'s order', async () => {
        const b = await brief(c.leader);
        expect(b.generatedOn).toBe(TODAY);
        expect(b.visit).toMatchObject({
          id: visitId, number: NUMBER, visitOn: VISIT_ON, halfDay: 'am', status: 'planned', leader: { id: briefLeaderId, name: '简报领导' },
          theme: { name: '简报测试主题', guidingQuestions: ['企业今年扩产计划？', '用地与产证有何困难？'] },
          purpose: '了解企业扩产用地与产证办理进展',
          departments: [{ id: c.departments[LAND], name: LAND }],
        });
        expect(b.visit.cadres.map((x) => x.name)).toEqual(['黄文静']);
        expect(b.enterprises.map((e) => e.profile.id)).toEqual([c.enterpriseId, c.otherEnterpriseId, freshId]);
        const e = b.enterprises[0]!;
        expect(e.profile).toMatchObject({ name: enterpriseName });
        expect(e.profile.uscc).toMatch(/^[0-9A-Z]{18}$/);
        // 可申报资质: a valid 科技型中小企业 title meets the 2026 专精特新 prerequisite (2号, as configured), and the
        // valid 高企 is a direct route to 创新型; the next tier is 小巨人, which needs the 专精特新 title first.
        expect(e.prospects).toMatchObject({ available: true, pendingModules: ['policies'] });
        const cultivation = e.prospects.cultivation!;
        expect(cultivation.on).toBe(TODAY);
        expect(cultivation.held).toEqual([]);
        expect(cultivation.qualifiesFor).toEqual(['innovative-sme', 'specialised-sme']);
        expect(cultivation.nextTier).toMatchObject({ scheme: 'little-giant', lowerTierToApplyFor: 'specialised-sme', total: null });
        expect(cultivation.nextTier!.summary.zh).toBe('不符合');
        expect(cultivation.nextTier!.gaps.map((g) => g.zh)).toContain('近2年研发费用总额1200万元以上 624万元 → 1200万元');
        // An enterprise with no figures cannot be judged: what is missing is named, never read as zero.
        const fresh = (await brief(c.leader)).enterprises[2]!.prospects.cultivation!;
        expect(fresh.qualifiesFor).toEqual([]);
        expect(fresh.nextTier).toMatchObject({ scheme: 'innovative-sme', total: null });
        expect(fresh.nextTier!.summary.zh).toBe('待补充数据');
        expect(fresh.nextTier!.missing.map((m) => m.zh)).toEqual(expect.arrayContaining(['上年度研发费用', '上年度营业收入']));
      });

      it('shows three years of figures with year-on-year changes, a missing value as null', async () => {
        const [y23, y24, y25] = (await brief(c.leader)).enterprises[0]!.figures;
        expect([y23!.year, y24!.year, y25!.year]).toEqual([2023, 2024, 2025]);
        expect(y23).toMatchObject({ employees: 120, revenue: 50_000_000, rdExpense: 2_000_000, rdRatio: 4, ipTotal: 8, ipInvention: 3 });
        // 2023 is compared with 2022 (100 → 120 employees, 40 → 50 million).
        expect(y23!.changes).toMatchObject({ employees: { trend: 'up', percent: 20 }, revenue: { trend: 'up', percent: 25 }, rdRatio: { trend: 'flat', points: 0 } });
        expect(y24!.employees).toBeNull();
        expect(y24!.changes.employees).toBeNull();
        expect(y24!.changes.revenue).toEqual({ trend: 'up', percent: 20 });
        expect(y24!.rdRatio).toBe(5);
        expect(y25!.changes.employees).toBeNull();
        expect(y25!.changes.revenue).toEqual({ trend: 'down', percent: -10 });
        expect(y25!.rdRatio).toBe(6);
        expect(y25!.changes.rdRatio).toEqual({ trend: 'up', points: 1 });
        expect(y25!.changes.ipTotal).toEqual({ trend: 'up', percent: 22.2 });
      });

      it('lists the open demands with their countdowns, the gathered one first and flagged', async () => {
        const e = (await brief(c.leader)).enterprises[0]!;
        // The same open demands as the demand list (the demo enterprise has demo demands too).
        const listedOpen = ok<{ items: DemandSummary[]; total: number }>(await c.coordinator({
          url: `/api/demands?enterpriseId=${c.enterpriseId}&status=submitted,accepted,assigned,in_progress,waiting&pageSize=200`,
        }));
        expect(new Set(e.openDemands.map((d) => d.id))).toEqual(new Set(listedOpen.items.map((d) => d.id)));
        expect(e.openDemands[0]).toMatchObject({ id: gathered.id, number: gathered.number, gathered: true, leadDepartmentName: LAND, dueOn: gathered.dueOn });
        const now = await read(c.coordinator, gathered.id);
        expect(e.openDemands[0]!.countdown).toEqual(now.countdown);
        expect(e.openDemands[0]!.countdown).not.toBeNull();
        expect(e.gatheredCount).toBe(1);
        const w = e.openDemands.find((d) => d.id === waiting.id)!;
        expect(w).toMatchObject({ gathered: false, status: 'submitted', countdown: null, settledOn: null, answerSummary: null });
        expect(e.openDemands.filter((d) => d.gathered)).toHaveLength(1);
      });

      it('lists the demands settled in the last 90 days with their answer and satisfaction', async () => {
        const e = (await brief(c.leader)).enterprises[0]!;
        const s = e.settledDemands.find((d) => d.id === settled.id)!;
        expect(s).toMatchObject({ status: 'closed', satisfaction: 'satisfied', settledOn: TODAY, gathered: false });
        expect(s.answerSummary).toContain('新增路灯四盏');
        for (const d of e.settledDemands) {
          expect(['settled', 'closed']).toContain(d.status);
          expect(d.settledOn! >= '2026-09-02' || d.gathered).toBe(true);
        }
        expect(e.openDemands.some((d) => d.id === settled.id)).toBe(false);
      });

      it('lists the qualifications held, flagging those expiring within 6 months', async () => {
        const e = (await brief(c.leader)).enterprises[0]!;
        expect(e.qualifications).toEqual([
          { kind: 'tech-sme', name: null, certificateNo: null, validFrom: '2026-04-15', validUntil: '2027-03-31', expiringSoon: true },
          { kind: 'high-tech', name: null, certificateNo: 'GR202436000123', validFrom: '2024-11-20', validUntil: '2027-11-19', expiringSoon: false },
        ]);
      });

      it('lists the last three done visits before this one, with their problem counts', async () => {
        const b = await brief(c.leader);
        const fresh = b.enterprises[2]!;
        // Not the oldest done one, not the cancelled one, not the one after this visit.
        expect(fresh.previousVisits.map((v) => v.id)).toEqual([previousIds[3], previousIds[2], previousIds[1]]);
        expect(fresh.previousVisits.map((v) => v.problemCount)).toEqual([3, 2, 1]);
        expect(fresh.previousVisits[0]).toMatchObject({ number: 'ZF2026-9830', visitOn: '2026-10-15', halfDay: 'am', leaderName: '简报领导', themeName: null });
        // The demo enterprises have the demo's visits: at most three, done, before this one, newest first.
        for (const e of b.enterprises.slice(0, 2)) {
          expect(e.previousVisits.length).toBeLessThanOrEqual(3);
          const dates = e.previousVisits.map((v) => v.visitOn);
          expect(dates).toEqual([...dates].sort().reverse());
          for (const v of e.previousVisits) {
            expect(v.id).not.toBe(visitId);
            expect(v.visitOn <= VISIT_ON).toBe(true);
          }
        }
      });

      it('is read by the leader, the coordinator, the accompanying department and cadre; reading writes no audit entry', async () => {
        for (const api of [c.leader, c.coordinator, c.leader2, c.department, cadre2]) {
          expect((await api({ url: `/api/visits/${visitId}/brief` })).statusCode).toBe(200);
        }
        const admin = await signIn(t.app, 'admin');
        expect(await auditEntries(t.app, admin, { entityId: visitId })).toEqual([]);
      });

      it('shows a department on the visit only the demands it may read, the liaison cadre of one enterprise not the others\'', async () => {
        const all = await brief(c.leader);
        const ids = (b: VisitBrief) => b.enterprises.flatMap((e) => [...e.openDemands, ...e.settledDemands].map((d) => d.id));
        // The leader sees the waiting demand (assigned to no department yet) and the other enterprises' demands.
        expect(ids(all)).toContain(waiting.id);
        const mine = await brief(c.department);
        expect(ids(mine)).toEqual(expect.arrayContaining([gathered.id, settled.id]));
        expect(ids(mine)).not.toContain(waiting.id);
        // Exactly those the department may open.
        for (const id of ids(all)) {
          const opened = (await c.department({ url: `/api/demands/${id}` })).statusCode === 200;
          expect(ids(mine).includes(id), id).toBe(opened);
        }
        expect(ids(mine).length).toBeLessThan(ids(all).length);
        const e = mine.enterprises[0]!;
        expect(e.gatheredCount).toBe(1);
        // cadre2 accompanies the visit but looks after none of its enterprises: none of their demands.
        const cadres = await brief(cadre2);
        expect(ids(cadres)).toEqual([]);
      });

      it('answers 404 to a department not on the visit and to an enterprise user, 404 for an unknown visit, 401 without login', async () => {
        expect((await c.department2({ url: `/api/visits/${visitId}/brief` })).statusCode).toBe(404);
        expect((await c.enterprise({ url: `/api/visits/${visitId}/brief` })).statusCode).toBe(404);
        expect((await c.enterprise({ url: `/api/visits/${visitId}/brief.docx` })).statusCode).toBe(404);
        expect((await c.leader({ url: `/api/visits/${randomUUID()}/brief` })).statusCode).toBe(404);
        expect((await c.leader({ url: `/api/visits/${randomUUID()}/brief.docx` })).statusCode).toBe(404);
        expect((await c.leader({ url: '/api/visits/not-a-uuid/brief' })).statusCode).toBe(400);
        expect((await t.app.inject({ url: `/api/visits/${visitId}/brief` })).statusCode).toBe(401);
        expect((await t.app.inject({ url: `/api/visits/${visitId}/brief.docx` })).statusCode).toBe(401);
      });
    });

    describe('GET /api/visits/:id/brief.docx', () => {
      it('is a Word file with the enterprises, the demands and the headings, named in Chinese, and the export is audited', async () => {
        const res = await c.leader({ url: `/api/visits/${visitId}/brief.docx` });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toContain('wordprocessingml.document');
        expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(`走访简报-${NUMBER}.docx`)}`);
        const zip = await JSZip.loadAsync(res.rawPayload);
        const xml = await zip.file('word/document.xml')!.async('string');
        for (const text of [
          '走访企业简报', NUMBER, enterpriseName, gathered.number, waiting.number, settled.number, '简报测试主题', '企业今年扩产计划？',
          '一、企业概况', '二、近三年主要指标', '三、在办诉求', '四、近期办结诉求', '五、资质情况', '六、以往走访', '七、可申报资质与匹配政策',
          '编号', '牵头单位', '办结时限', '剩余', '七、可申报资质与匹配政策', '下一梯度：专精特新“小巨人”企业，不符合', '未填报', '科技型中小企业',
        ]) {
          expect(xml, text).toContain(text);
        }
        expect(xml).toContain('w:eastAsia="仿宋"');
        expect(xml).toContain('w:pageBreakBefore');
        const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
        expect(footers.length).toBeGreaterThan(0);
        expect(await zip.file(footers[0]!)!.async('string')).toContain('PAGE');

        const admin = await signIn(t.app, 'admin');
        const entries = await auditEntries(t.app, admin, { action: 'visit.brief-exported' });
        expect(entries.filter((x) => x.entityId === visitId)).toHaveLength(1);
        expect(entries[0]).toMatchObject({ actorId: c.userIds.leader, entity: 'visit' });
      });

      it('refuses a department not on the visit (404) and writes no audit entry for it', async () => {
        expect((await c.department2({ url: `/api/visits/${visitId}/brief.docx` })).statusCode).toBe(404);
        const admin = await signIn(t.app, 'admin');
        expect((await auditEntries(t.app, admin, { action: 'visit.brief-exported' })).filter((x) => x.entityId === visitId)).toHaveLength(1);
      });

      it('holds for a department on the visit only the demands it may read', async () => {
        const res = await c.department({ url: `/api/visits/${visitId}/brief.docx` });
        expect(res.statusCode).toBe(200);
        const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
        expect(xml).toContain(gathered.number);
        expect(xml).toContain(settled.number);
        expect(xml).not.toContain(waiting.number);
      });
    });
  });
}
