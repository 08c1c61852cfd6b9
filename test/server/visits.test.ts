import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { addDays, dayOfWeek } from '../../src/domain/calendar/index.js';
import type { LightMyRequestResponse } from 'fastify';
import type { VisitCheckResult, VisitCountsResult, VisitDetail, VisitSummary } from '../../src/contracts/visits.js';
import { visits } from '../../src/db/schema/index.js';
import { isSlotTaken } from '../../src/server/visits/visits.repository.js';
import { backends, errorOf, startTestApp, type TestApp } from './harness.js';
import { ECOLOGY, LAND, act, at, caller, castOf, kinds, lists, notificationsAbout, ok, read, submit, type Api, type Cast } from './demand-fixtures.js';

type FieldDetail = { field: string; reason: string; message: string };
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).details as FieldDetail[] | undefined) ?? [];
const HAN = /[\u4e00-\u9fff]/;

/**
 * Days the tests plan on: a Wednesday about a year on (the demo plans two weeks ahead), so no demo
 * visit holds the slots or is near enough to warn; d(n) is n days after it.
 */
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const AHEAD = addDays(TODAY, 365);
const d = (n: number) => addDays(AHEAD, ((3 - dayOfWeek(AHEAD) + 7) % 7) + n);
const DAY = d(0);
const NEXT_DAY = d(1);

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

function multipart(file: Buffer, filename: string) {
  const boundary = `----yiqi-test-${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const backend of backends()) {
  describe(`visits [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;
    let cadre: Api;
    let enterpriseIds: string[];

    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
      cadre = await caller(t, 'cadre');
      c.userIds.cadre = ok<{ id: string }>(await cadre({ url: '/api/auth/me' })).id;
      const ents = ok<{ items: { id: string }[] }>(await c.coordinator({ url: '/api/enterprises?pageSize=50&sort=name' }));
      enterpriseIds = ents.items.map((e) => e.id).filter((id) => id !== c.enterpriseId);
    });
    afterAll(async () => t?.close());

    const plan = (api: Api, body: Record<string, unknown>) => api({ method: 'POST', url: '/api/visits', payload: body });
    /** Runs `fn` with the clock on `day`: the on-site office is recorded from the visit's day on. */
    async function onDay<T>(day: string, fn: () => Promise<T>): Promise<T> {
      t.clock.set(at(day));
      try {
        return await fn();
      } finally {
        t.clock.set(null);
      }
    }
    const visitCount = async () => ok<{ total: number }>(await c.coordinator({ url: '/api/visits?pageSize=1' })).total;
    const base = (over: Record<string, unknown> = {}) => ({
      visitOn: DAY, halfDay: 'am', leaderId: c.userIds.leader, enterpriseIds: [c.enterpriseId], departmentIds: [c.departments[LAND]], ...over,
    });

    it('plans a visit: numbered, planned, with its enterprises, departments and an audit entry', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ halfDay: 'pm', enterpriseIds: [c.enterpriseId, enterpriseIds[0]], purpose: '了解产证办理进展' })));
      expect(v.number).toMatch(new RegExp(`^ZF${DAY.slice(0, 4)}-\\d{4}$`));
      expect(v.status).toBe('planned');
      expect(v.leader.id).toBe(c.userIds.leader);
      expect(v.enterprises.map((e) => e.id)).toEqual([c.enterpriseId, enterpriseIds[0]]);
      expect(v.departments.map((d) => d.id)).toEqual([c.departments[LAND]]);
      expect(v.can).toMatchObject({ edit: true, record: false, gather: true, signOff: false, cancel: true });
      const listed = ok<{ items: VisitSummary[] }>(await c.coordinator({ url: `/api/visits?from=${DAY}&to=${DAY}` }));
      expect(listed.items.map((x) => x.id)).toContain(v.id);
      const audit = ok<{ items: { action: string; entityId: string }[] }>(await c.admin({ url: `/api/audit?entity=visit&pageSize=50` }));
      expect(audit.items.some((a) => a.action === 'visit.created' && a.entityId === v.id)).toBe(true);
      // The leader and the accompanying department are told, in Chinese; the planner is not.
      const told = await notificationsAbout(c.leader, v.id, 'visit.planned');
      expect(told.map((n) => n.title)).toEqual([`走访安排 ${v.number}：${DAY} 下午，王建华 走访 ${v.enterprises.map((e) => e.name).join('、')}`]);
      expect(await notificationsAbout(c.department, v.id, 'visit.planned')).toHaveLength(1);
      expect(await notificationsAbout(c.coordinator, v.id)).toEqual([]);
    });

    it('refuses bad plans with a field and a reason in Chinese, saving nothing', async () => {
      const before = await visitCount();
      const none = await plan(c.coordinator, base({ enterpriseIds: [] }));
      expect(none.statusCode).toBe(400);
      expect(fieldsOf(none).map((f) => f.field)).toContain('enterpriseIds');
      expect(fieldsOf(none)[0]!.message).toMatch(HAN);

      const old = await plan(c.coordinator, base({ visitOn: '2020-01-06' }));
      expect(old.statusCode).toBe(400);
      const back = fieldsOf(old).find((f) => f.field === 'visitOn')!;
      expect(back.reason).toBe('visit-too-far-back');
      expect(back.message).toContain('14');

      const notLeader = await plan(c.coordinator, base({ leaderId: c.userIds.department }));
      expect(notLeader.statusCode).toBe(400);
      expect(fieldsOf(notLeader).map((f) => f.reason)).toContain('leader-not-found');

      const twice = await plan(c.coordinator, base({ enterpriseIds: [c.enterpriseId, c.enterpriseId] }));
      expect(fieldsOf(twice).map((f) => f.reason)).toContain('visit-enterprise-duplicate');

      const unknown = await plan(c.coordinator, base({ enterpriseIds: [randomUUID()], themeId: randomUUID() }));
      expect(fieldsOf(unknown).map((f) => f.reason).sort()).toEqual(['enterprise-not-found', 'theme-not-found']);

      // A leader plans their own visits only; a department user plans none.
      const other = await plan(c.leader, base({ leaderId: c.userIds.leader2 }));
      expect(fieldsOf(other).map((f) => f.reason)).toContain('visit-leader-self-only');
      expect((await plan(c.department, base())).statusCode).toBe(403);
      expect(await visitCount()).toBe(before);
    });

    it('refuses a second visit of the same leader in the same half-day (409), and the check shows it first', async () => {
      const first = ok<VisitDetail>(await plan(c.leader2, base({ leaderId: c.userIds.leader2, visitOn: NEXT_DAY, enterpriseIds: [enterpriseIds[1]] })));
      const before = await visitCount();
      const check = ok<VisitCheckResult>(await c.coordinator({
        method: 'POST', url: '/api/visits/check', payload: { visitOn: NEXT_DAY, halfDay: 'am', leaderId: c.userIds.leader2, enterpriseIds: [enterpriseIds[1]] },
      }));
      expect(check.conflicts.map((x) => x.number)).toEqual([first.number]);
      // 无事不扰: the same enterprise on the same day warns (0 weeks since).
      expect(check.coverageWarnings).toEqual([expect.objectContaining({ enterpriseId: enterpriseIds[1], lastVisitOn: NEXT_DAY, weeksSince: 0 })]);

      const clash = await plan(c.coordinator, base({ leaderId: c.userIds.leader2, visitOn: NEXT_DAY, enterpriseIds: [enterpriseIds[2]] }));
      expect(clash.statusCode).toBe(409);
      expect(errorOf(clash).code).toBe('VISIT_SLOT_TAKEN');
      expect(fieldsOf(clash)[0]).toMatchObject({ field: 'halfDay', reason: 'visit-slot-taken' });
      expect(fieldsOf(clash)[0]!.message).toContain(first.number);
      expect(await visitCount()).toBe(before);

      // The other half-day is free; another leader in the same half-day is fine too.
      ok(await plan(c.coordinator, base({ leaderId: c.userIds.leader2, visitOn: NEXT_DAY, halfDay: 'pm', enterpriseIds: [enterpriseIds[2]] })));
      ok(await plan(c.coordinator, base({ visitOn: NEXT_DAY, enterpriseIds: [enterpriseIds[3]] })));
    });

    it('moves a visit by drag to a free slot, and refuses a taken one leaving it where it was', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(5), enterpriseIds: [enterpriseIds[4]] })));
      const blocker = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(6), enterpriseIds: [enterpriseIds[5]] })));
      const moved = ok<VisitDetail>(await c.leader({ method: 'POST', url: `/api/visits/${v.id}/move`, payload: { visitOn: d(5), halfDay: 'pm' } }));
      expect([moved.visitOn, moved.halfDay]).toEqual([d(5), 'pm']);
      const refused = await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/move`, payload: { visitOn: d(6), halfDay: 'am' } });
      expect(refused.statusCode).toBe(409);
      expect(fieldsOf(refused)[0]!.message).toContain(blocker.number);
      const still = ok<VisitDetail>(await c.coordinator({ url: `/api/visits/${v.id}` }));
      expect([still.visitOn, still.halfDay]).toEqual([d(5), 'pm']);
      // Someone else's leader cannot move it.
      expect((await c.leader2({ method: 'POST', url: `/api/visits/${v.id}/move`, payload: { visitOn: d(7), halfDay: 'am' } })).statusCode).toBe(403);
    });

    it('runs the on-site office: gathers demands, answers on the spot, creates demands already assigned, signs off', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(8), enterpriseIds: [c.enterpriseId], cadreIds: [c.userIds.cadre] })));
      expect(v.can).toMatchObject({ record: false, gather: true, signOff: false });
      // 问需于企 (before the day): an open demand of the enterprise is gathered into the visit; another enterprise's is refused.
      const open = await submit(c, { title: '园区道路照明不足' });
      const gathered = ok<VisitDetail>(await cadre({ method: 'POST', url: `/api/visits/${v.id}/gather`, payload: { demandIds: [open.id] } }));
      expect(gathered.demands.map((d) => d.id)).toEqual([open.id]);
      // Gathering is the administration's business: the enterprise does not see it in the timeline.
      expect(kinds(await read(c.coordinator, open.id))).toContain('gathered');
      expect(kinds(await read(c.enterprise, open.id))).not.toContain('gathered');
      const foreign = await c.coordinator({ method: 'POST', url: '/api/demands', payload: { enterpriseId: enterpriseIds[6], title: '用电增容', description: '需要增容两百千伏安。', categoryCode: 'supporting-services', channel: 'hotline' } });
      const refused = await cadre({ method: 'POST', url: `/api/visits/${v.id}/gather`, payload: { demandIds: [ok<{ id: string }>(foreign).id] } });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused)[0]!.reason).toBe('gather-demand-not-eligible');

      // Before the day there is no on-site office: its record, problems and photos are refused.
      const recordBody = {
        attendedDepartmentIds: [c.departments[LAND], c.departments[ECOLOGY]],
        enterprises: [{ enterpriseId: c.enterpriseId, raised: '企业反映厂房产证和环评批复进度慢。' }],
        decisions: '由自然资源和规划分局牵头，一周内完成产证资料审核。', followUps: '企业服务中心跟踪办理进度。', guideAnswers: [],
      };
      const tooEarly = await c.leader({ method: 'PUT', url: `/api/visits/${v.id}/record`, payload: recordBody });
      expect(tooEarly.statusCode).toBe(400);
      expect(fieldsOf(tooEarly)).toEqual([expect.objectContaining({ field: 'visitOn', reason: 'visit-record-not-yet' })]);
      expect(fieldsOf(tooEarly)[0]!.message).toMatch(HAN);
      const issueEarly = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '用工招聘难', categoryCode: 'talent-and-labour', resolution: 'answered', answer: '已答复' } });
      expect(fieldsOf(issueEarly).map((f) => f.reason)).toEqual(['visit-record-not-yet']);
      expect((await c.leader({ method: 'POST', url: `/api/visits/${v.id}/photos`, ...multipart(PNG, '现场.png') })).statusCode).toBe(400);
      const untouched = ok<VisitDetail>(await c.leader({ url: `/api/visits/${v.id}` }));
      expect(untouched).toMatchObject({ issues: [], photos: [] });
      expect(untouched.record.decisions).toBeNull();
      // Sign-off: not before the day either.
      const early = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/sign-off` });
      expect(early.statusCode).toBe(400);
      expect(fieldsOf(early)[0]!.reason).toBe('visit-not-yet');

      // On the day.
      t.clock.set(at(d(8), '09:00'));
      try {
        expect(ok<VisitDetail>(await c.leader({ url: `/api/visits/${v.id}` })).can).toMatchObject({ record: true, cancel: true });
        // The record.
        const recorded = ok<VisitDetail>(await c.leader({ method: 'PUT', url: `/api/visits/${v.id}/record`, payload: recordBody }));
        expect(recorded.record.attendedDepartmentIds.sort()).toEqual([c.departments[LAND], c.departments[ECOLOGY]].sort());
        expect(recorded.record.enterprises[0]!.raised).toContain('环评');

        // Bad problems change nothing.
        const demandsBefore = (await read(c.coordinator, open.id)).id && recorded.demands.length;
        const noAnswer = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '用工招聘难', categoryCode: 'talent-and-labour', resolution: 'answered' } });
        expect(fieldsOf(noAnswer).map((f) => f.reason)).toEqual(['issue-answer-required']);
        const noLead = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '产证办理慢', categoryCode: 'property-certificate', resolution: 'demand' } });
        expect(fieldsOf(noLead).map((f) => f.reason)).toEqual(['issue-lead-required']);
        const badLead = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '产证办理慢', categoryCode: 'property-certificate', resolution: 'demand', leadDepartmentId: randomUUID() } });
        expect(badLead.statusCode).toBe(400);
        const notInVisit = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: enterpriseIds[7], text: '产证办理慢', categoryCode: 'property-certificate', resolution: 'answered', answer: '已答复' } });
        expect(fieldsOf(notInVisit).map((f) => f.reason)).toEqual(['issue-enterprise-not-in-visit']);
        const unchanged = ok<VisitDetail>(await c.leader({ url: `/api/visits/${v.id}` }));
        expect(unchanged.issues).toEqual([]);
        expect(unchanged.demands.length).toBe(demandsBefore);

        // Answered on the spot.
        ok(await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '用工招聘难', categoryCode: 'talent-and-labour', resolution: 'answered', answer: '人社局下周组织专场招聘会。' } }));
        // Turned into a demand, assigned at once with its deadline, owned by the visit's leader.
        const after = ok<VisitDetail>(await c.leader({
          method: 'POST', url: `/api/visits/${v.id}/issues`,
          payload: { enterpriseId: c.enterpriseId, text: '新建厂房产证办理进度慢，影响贷款审批', categoryCode: 'property-certificate', resolution: 'demand', leadDepartmentId: c.departments[LAND], assistingDepartmentIds: [c.departments[ECOLOGY]] },
        }));
        expect(after.issues.map((i) => i.resolution)).toEqual(['answered', 'demand']);
        // With problems recorded the visit happened: it can no longer be cancelled.
        expect(after.can).toMatchObject({ edit: true, cancel: false });
        const demandId = after.issues[1]!.demandId!;
        const demand = await read(c.coordinator, demandId);
        expect(demand).toMatchObject({ status: 'assigned', channel: 'visit', ownerLeaderId: c.userIds.leader, leadDepartmentId: c.departments[LAND] });
        expect(demand.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(demand.timeline.map((e) => e.kind)).toEqual(['submitted', 'assigned']);
        expect(after.demands.map((d) => d.id)).toContain(demandId);
        // It is in the department's queue.
        expect(await lists(c.department, 'status=assigned', demand)).toBe(true);

        // Signed off: the record is frozen and the demands still followed.
        t.clock.set(at(d(8), '16:00'));
        const done = ok<VisitDetail>(await c.leader({ method: 'POST', url: `/api/visits/${v.id}/sign-off` }));
        expect(done.status).toBe('done');
        expect(done.signedOffByName).toBe('王建华');
        expect(done.can).toMatchObject({ edit: false, record: false, signOff: false });
        expect(done.openDemandCount).toBe(2);
        const frozen = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '又一个问题', categoryCode: 'talent-and-labour', resolution: 'answered', answer: '好' } });
        expect(frozen.statusCode).toBe(409);
        expect(errorOf(frozen).code).toBe('VISIT_STATE_CONFLICT');
        expect((await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/cancel`, payload: { reason: '重复' } })).statusCode).toBe(409);
      } finally {
        t.clock.set(null);
      }
    });

    it('cancels a visit with a reason, giving its gathered demands back; one with on-site problems cannot be cancelled', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(12), enterpriseIds: [c.enterpriseId] })));
      const open = await submit(c, { title: '食堂排污管道改造' });
      ok(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/gather`, payload: { demandIds: [open.id] } }));
      expect((await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/cancel`, payload: { reason: '' } })).statusCode).toBe(400);
      const cancelled = ok<VisitDetail>(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/cancel`, payload: { reason: '领导临时参加市里会议' } }));
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '领导临时参加市里会议', demands: [] });
      expect((await notificationsAbout(c.leader, v.id, 'visit.cancelled')).map((n) => n.title)[0]).toContain('领导临时参加市里会议');
      expect((await read(c.coordinator, open.id)).id).toBe(open.id);
      // The slot is free again.
      ok(await plan(c.coordinator, base({ visitOn: d(12), enterpriseIds: [enterpriseIds[8]] })));

      const w = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(13), enterpriseIds: [c.enterpriseId] })));
      await onDay(d(13), async () => ok(await c.coordinator({ method: 'POST', url: `/api/visits/${w.id}/issues`, payload: { enterpriseId: c.enterpriseId, text: '用工招聘难', categoryCode: 'talent-and-labour', resolution: 'answered', answer: '已对接人社局。' } })));
      const refused = await c.coordinator({ method: 'POST', url: `/api/visits/${w.id}/cancel`, payload: { reason: '改期' } });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused).code).toBe('VISIT_HAS_RECORD');
    });

    it('follows the zone\'s settings for back-dating and the 无事不扰 interval', async () => {
      const patchZone = (body: Record<string, unknown>) => c.admin({ method: 'PATCH', url: '/api/zone', payload: body });
      expect((await patchZone({ visitBackdateDays: 400 })).statusCode).toBe(400);
      t.clock.set(at(d(20)));
      const twentyDaysAgo = d(0);
      const body = base({ visitOn: twentyDaysAgo, halfDay: 'pm', leaderId: c.userIds.leader2, enterpriseIds: [enterpriseIds[11]] });
      expect(fieldsOf(await plan(c.coordinator, body)).map((f) => f.reason)).toEqual(['visit-too-far-back']);
      const zone = ok<{ visitBackdateDays: number; visitMinWeeks: number }>(await patchZone({ visitBackdateDays: 30, visitMinWeeks: 0 }));
      expect(zone).toMatchObject({ visitBackdateDays: 30, visitMinWeeks: 0 });
      try {
        const v = ok<VisitDetail>(await plan(c.coordinator, body));
        expect(v.visitOn).toBe(twentyDaysAgo);
        // With an interval of 0 weeks nothing is warned of, even the same enterprise the same day.
        const check = ok<VisitCheckResult>(await c.coordinator({
          method: 'POST', url: '/api/visits/check', payload: { visitOn: twentyDaysAgo, halfDay: 'am', leaderId: c.userIds.leader2, enterpriseIds: [enterpriseIds[11]] },
        }));
        expect(check).toMatchObject({ coverageWarnings: [], minWeeks: 0 });
      } finally {
        ok(await patchZone({ visitBackdateDays: 14, visitMinWeeks: 8 }));
        t.clock.set(null);
      }
    });

    it('asks the theme\'s guiding questions in the visit record', async () => {
      const theme = ok<{ id: string; guidingQuestions: string[] }>(await c.admin({
        method: 'POST', url: '/api/themes', payload: { name: '数字经济企业服务', guidingQuestions: [' 今年数字化改造投入多少？ ', '用网用电是否稳定？'] },
      }));
      expect(theme.guidingQuestions).toEqual(['今年数字化改造投入多少？', '用网用电是否稳定？']);
      // Each question once: the record keys its answers by question.
      const trimmedTwice = ok<{ guidingQuestions: string[] }>(await c.admin({
        method: 'POST', url: '/api/themes', payload: { name: '重复问题主题', guidingQuestions: ['产能是否饱和？', ' 产能是否饱和？ ', '用工缺口多大？'] },
      }));
      expect(trimmedTwice.guidingQuestions).toEqual(['产能是否饱和？', '用工缺口多大？']);
      const same = await c.admin({ method: 'POST', url: '/api/themes', payload: { name: '重复问题主题二', guidingQuestions: ['产能是否饱和？', '产能是否饱和？'] } });
      expect(same.statusCode).toBe(400);
      expect(fieldsOf(same).map((f) => f.field)).toContain('guidingQuestions');
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(16), themeId: theme.id, enterpriseIds: [enterpriseIds[12]] })));
      expect(v.theme?.name).toBe('数字经济企业服务');
      expect(v.guideAnswers).toEqual([{ question: '今年数字化改造投入多少？', answer: '' }, { question: '用网用电是否稳定？', answer: '' }]);
      const saved = await onDay(d(16), async () => ok<VisitDetail>(await c.coordinator({
        method: 'PUT', url: `/api/visits/${v.id}/record`,
        payload: { attendedDepartmentIds: [], enterprises: [], decisions: null, followUps: null, guideAnswers: [{ question: '用网用电是否稳定？', answer: '夏季偶有停电。' }] },
      })));
      expect(saved.guideAnswers).toEqual([{ question: '今年数字化改造投入多少？', answer: '' }, { question: '用网用电是否稳定？', answer: '夏季偶有停电。' }]);
    });

    it('exports the list of a period to Excel for those who oversee the programme', async () => {
      ok(await plan(c.coordinator, base({ visitOn: d(22), enterpriseIds: [enterpriseIds[13]] })));
      const res = await c.leader({ url: `/api/visits/export.xlsx?from=${DAY}&to=${d(22)}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('走访清单.xlsx'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('走访清单')!;
      const listed = ok<{ items: VisitSummary[]; total: number }>(await c.leader({ url: `/api/visits?from=${DAY}&to=${d(22)}&pageSize=200` }));
      expect(listed.total).toBeGreaterThan(0);
      expect(sheet.rowCount - 1).toBe(listed.total);
      expect(sheet.getRow(1).getCell(1).value).toBe('走访编号');
      const numbers = sheet.getColumn(1).values.slice(2);
      expect(numbers).toEqual(listed.items.map((v) => v.number));
      expect(sheet.getRow(2).getCell(3).value).toMatch(/^[上下]午$/);
      expect((await c.department({ url: `/api/visits/export.xlsx?from=${DAY}&to=${NEXT_DAY}` })).statusCode).toBe(403);
    });

    it('shows a visit to those who take part and to nobody else', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(14), enterpriseIds: [enterpriseIds[9]], departmentIds: [c.departments[LAND]] })));
      expect((await c.department({ url: `/api/visits/${v.id}` })).statusCode).toBe(200);
      expect((await c.department2({ url: `/api/visits/${v.id}` })).statusCode).toBe(404);
      expect((await c.enterprise({ url: '/api/visits' })).statusCode).toBe(403);
      const mine = ok<{ items: VisitSummary[] }>(await c.department2({ url: `/api/visits?from=${d(14)}&to=${d(14)}` }));
      expect(mine.items).toEqual([]);
      // The department sees it but may not change it.
      expect((await c.department({ method: 'POST', url: `/api/visits/${v.id}/sign-off` })).statusCode).toBe(403);
    });

    it('keeps photos of the on-site office: images only', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(15), enterpriseIds: [enterpriseIds[10]], departmentIds: [c.departments[LAND]] })));
      await onDay(d(15), async () => {
        const up = ok<VisitDetail>(await c.leader({ method: 'POST', url: `/api/visits/${v.id}/photos`, ...multipart(PNG, '现场.png') }));
        expect(up.photos.map((p) => [p.fileName, p.contentType])).toEqual([['现场.png', 'image/png']]);
        const got = await c.leader({ url: `/api/visits/${v.id}/photos/${up.photos[0]!.id}` });
        expect(got.statusCode).toBe(200);
        expect(got.rawPayload.equals(PNG)).toBe(true);
        const pdf = await c.leader({ method: 'POST', url: `/api/visits/${v.id}/photos`, ...multipart(PDF, '纪要.pdf') });
        expect(pdf.statusCode).toBe(415);
        expect(fieldsOf(pdf)[0]!.reason).toBe('visit-photo-type');
        // The accompanying department reads the visit but adds no photo: forbidden whatever the visit's state.
        expect((await c.department({ method: 'POST', url: `/api/visits/${v.id}/photos`, ...multipart(PNG, '部门.png') })).statusCode).toBe(403);
        ok(await c.leader({ method: 'POST', url: `/api/visits/${v.id}/sign-off` }));
        const refused = await c.department({ method: 'POST', url: `/api/visits/${v.id}/photos`, ...multipart(PNG, '部门.png') });
        expect(refused.statusCode).toBe(403);
        expect(errorOf(refused).code).toBe('FORBIDDEN');
        // The visit's leader, once it is signed off, is told it is too late (409).
        expect((await c.leader({ method: 'POST', url: `/api/visits/${v.id}/photos`, ...multipart(PNG, '晚了.png') })).statusCode).toBe(409);
      });
      expect(ok<VisitDetail>(await c.leader({ url: `/api/visits/${v.id}` })).photos).toHaveLength(1);
    });
    it('keeps an enterprise whose problems were recorded in its visit; another one leaves, taking its gathered demands', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(23), enterpriseIds: [c.enterpriseId, enterpriseIds[14]] })));
      const own = await submit(c, { title: '厂区围墙外排水不畅' });
      const other = ok<{ id: string }>(await c.coordinator({
        method: 'POST', url: '/api/demands',
        payload: { enterpriseId: enterpriseIds[14], title: '物流通道限高', description: '园区物流通道限高，货车无法通行。', categoryCode: 'supporting-services', channel: 'hotline' },
      }));
      ok(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/gather`, payload: { demandIds: [own.id, other.id] } }));
      const recorded = await onDay(d(23), async () => ok<VisitDetail>(await c.leader({
        method: 'POST', url: `/api/visits/${v.id}/issues`,
        payload: { enterpriseId: c.enterpriseId, text: '厂房产证办理慢', categoryCode: 'property-certificate', resolution: 'demand', leadDepartmentId: c.departments[LAND] },
      })));
      const onSite = recorded.issues[0]!.demandId!;

      const refused = await c.coordinator({ method: 'PATCH', url: `/api/visits/${v.id}`, payload: { enterpriseIds: [enterpriseIds[14]] } });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused)).toEqual([expect.objectContaining({ field: 'enterpriseIds', reason: 'visit-enterprise-has-issues' })]);
      expect(fieldsOf(refused)[0]!.message).toContain(recorded.enterprises[0]!.name);
      const still = ok<VisitDetail>(await c.coordinator({ url: `/api/visits/${v.id}` }));
      expect(still.enterprises.map((e) => e.id)).toEqual([c.enterpriseId, enterpriseIds[14]]);
      expect(new Set(still.demands.map((x) => x.id))).toEqual(new Set([own.id, other.id, onSite]));

      // The other enterprise may leave: its gathered demand goes with it, the on-site one stays.
      const kept = ok<VisitDetail>(await c.coordinator({ method: 'PATCH', url: `/api/visits/${v.id}`, payload: { enterpriseIds: [c.enterpriseId] } }));
      expect(new Set(kept.demands.map((x) => x.id))).toEqual(new Set([own.id, onSite]));
      expect((await read(c.coordinator, other.id)).visitId).toBeNull();
      expect((await read(c.coordinator, onSite)).visitId).toBe(v.id);
    });

    it('lets a visit keep a theme, department or leader deactivated since, but not choose one', async () => {
      const theme = ok<{ id: string }>(await c.admin({ method: 'POST', url: '/api/themes', payload: { name: '停用测试主题' } }));
      const dep = ok<{ id: string }>(await c.admin({ method: 'POST', url: '/api/departments', payload: { name: '停用测试局', kind: 'responsible' } }));
      const leaderId = ok<{ id: string }>(await c.admin({
        method: 'POST', url: '/api/users', payload: { username: 'leaving-leader', displayName: '调任领导', password: 'Leaving-pass-2026', roles: ['leader'] },
      })).id;
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(24), leaderId, themeId: theme.id, departmentIds: [dep.id], enterpriseIds: [enterpriseIds[15]] })));
      ok(await c.admin({ method: 'PATCH', url: `/api/themes/${theme.id}`, payload: { active: false } }));
      ok(await c.admin({ method: 'PATCH', url: `/api/departments/${dep.id}`, payload: { active: false } }));
      ok(await c.admin({ method: 'PATCH', url: `/api/users/${leaderId}`, payload: { active: false } }));

      const moved = ok<VisitDetail>(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/move`, payload: { visitOn: d(24), halfDay: 'pm' } }));
      expect(moved).toMatchObject({ visitOn: d(24), halfDay: 'pm', leader: { id: leaderId }, theme: { id: theme.id } });
      expect(moved.departments.map((x) => x.id)).toEqual([dep.id]);
      const edited = ok<VisitDetail>(await c.coordinator({ method: 'PATCH', url: `/api/visits/${v.id}`, payload: { purpose: '交接走访', departmentIds: [dep.id, c.departments[LAND]] } }));
      expect(edited.purpose).toBe('交接走访');

      // Chosen anew (another visit), they are refused.
      const fresh = await plan(c.coordinator, base({ visitOn: d(25), leaderId, themeId: theme.id, departmentIds: [dep.id], enterpriseIds: [enterpriseIds[16]] }));
      expect(fresh.statusCode).toBe(400);
      expect(fieldsOf(fresh).map((f) => f.reason).sort()).toEqual(['department-inactive', 'leader-not-found', 'theme-not-found']);
    });

    it('tells a new leader and newly added departments the visit is planned, and those already on it only when it moves', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(26), enterpriseIds: [enterpriseIds[17]], departmentIds: [c.departments[LAND]] })));
      expect(await notificationsAbout(c.department, v.id, 'visit.planned')).toHaveLength(1);
      // Another leader, one more department, the same half-day.
      ok(await c.coordinator({ method: 'PATCH', url: `/api/visits/${v.id}`, payload: { leaderId: c.userIds.leader2, departmentIds: [c.departments[LAND], c.departments[ECOLOGY]] } }));
      const toLeader2 = await notificationsAbout(c.leader2, v.id, 'visit.planned');
      expect(toLeader2.map((n) => n.title)).toEqual([expect.stringContaining('李志远')]);
      expect(await notificationsAbout(c.department2, v.id, 'visit.planned')).toHaveLength(1);
      expect(await notificationsAbout(c.department, v.id)).toHaveLength(1);
      // Moved: those on it are told it changed; nobody is told twice that it is planned.
      ok(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/move`, payload: { visitOn: d(26), halfDay: 'pm' } }));
      for (const api of [c.department, c.department2, c.leader2]) {
        expect(await notificationsAbout(api, v.id, 'visit.changed')).toHaveLength(1);
        expect(await notificationsAbout(api, v.id, 'visit.planned')).toHaveLength(1);
      }
      // The leader replaced is no longer on the visit.
      expect(await notificationsAbout(c.leader, v.id, 'visit.changed')).toEqual([]);
    });

    it('backs the half-day check with a unique index: no second visit in a leader\'s taken half-day, a cancelled one aside', async () => {
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(27), enterpriseIds: [enterpriseIds[18]] })));
      const { zoneId } = ok<{ zoneId: string }>(await c.coordinator({ url: '/api/auth/me' }));
      const row = (status: string) => {
        const id = randomUUID();
        return { zoneId, id, number: `ZF-T-${id.slice(0, 8)}`, visitOn: d(27), halfDay: 'am', leaderId: c.userIds.leader!, status };
      };
      let error: unknown = null;
      try {
        await t.ctx.db.insert(visits).values(row('planned'));
      } catch (e) {
        error = e;
      }
      expect(isSlotTaken(error)).toBe(true);
      await t.ctx.db.insert(visits).values(row('cancelled'));
      const check = ok<VisitCheckResult>(await c.coordinator({
        method: 'POST', url: '/api/visits/check', payload: { visitOn: d(27), halfDay: 'am', leaderId: c.userIds.leader, enterpriseIds: [] },
      }));
      expect(check.conflicts.map((x) => x.number)).toEqual([v.number]);
    });

    it('keeps a merged demand counting in its visit through the demand it was merged into', async () => {
      const theme = ok<{ id: string }>(await c.admin({ method: 'POST', url: '/api/themes', payload: { name: '合并测试主题' } }));
      const v = ok<VisitDetail>(await plan(c.coordinator, base({ visitOn: d(28), themeId: theme.id, enterpriseIds: [c.enterpriseId] })));
      const duplicate = await submit(c, { title: '新厂房产证迟迟未办（重复提交）' });
      const target = await submit(c, { title: '新厂房产证迟迟未办' });
      ok(await c.coordinator({ method: 'POST', url: `/api/visits/${v.id}/gather`, payload: { demandIds: [duplicate.id] } }));
      await onDay(d(28), async () => ok(await c.leader({ method: 'POST', url: `/api/visits/${v.id}/sign-off` })));
      const counts = async () => ok<VisitCountsResult>(await c.coordinator({ url: `/api/visits/counts?from=${d(28)}&to=${d(28)}&themeId=${theme.id}` }));
      expect(await counts()).toMatchObject({ visits: 1, demandsRaised: 1, byCategory: [{ name: '产证办理', raised: 1, settled: 0 }] });

      ok(await act(c.coordinator, duplicate.id, 'merge', { intoId: target.id }));
      expect((await read(c.coordinator, target.id)).visitId).toBe(v.id);
      expect(await counts()).toMatchObject({ visits: 1, demandsRaised: 1, byCategory: [{ name: '产证办理', raised: 1, settled: 0 }] });
      const after = ok<VisitDetail>(await c.coordinator({ url: `/api/visits/${v.id}` }));
      expect(after.demands.map((x) => x.id)).toContain(target.id);
    });

    it('refuses days out of range with a field error', async () => {
      const list = await c.coordinator({ url: '/api/visits?from=0999-12-31&to=9999-12-31' });
      expect(list.statusCode).toBe(400);
      expect(fieldsOf(list).map((f) => f.field)).toEqual(['querystring.from', 'querystring.to']);
      const check = await c.coordinator({ method: 'POST', url: '/api/visits/check', payload: { visitOn: '9999-12-31', halfDay: 'am', leaderId: c.userIds.leader, enterpriseIds: [] } });
      expect(check.statusCode).toBe(400);
      expect(fieldsOf(check)).toEqual([expect.objectContaining({ field: 'visitOn', reason: 'date-invalid' })]);
      const planned = await plan(c.coordinator, base({ visitOn: '9999-01-04' }));
      expect(fieldsOf(planned).map((f) => f.reason)).toContain('date-invalid');
    });
  });
}
