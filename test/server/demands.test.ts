import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { computeUsccCheckChar } from '../../src/domain/enterprises/index.js';
import { auditEntries, backends, errorFields, errorOf, signIn, startTestApp, type TestApp } from './harness.js';
import {
  ECOLOGY, LAND, PROPERTY_DEMAND, act, assigned, at, caller, castOf, inProgress, kinds, listed, lists, notificationsAbout, ok, read, submit,
  type Api, type Cast, type DemandDetail, type DemandSummary,
} from './demand-fixtures.js';

type FieldDetail = { field: string; reason: string; message: string };
const HAN = /[\u4e00-\u9fff]/;

type Attachment = DemandDetail['attachments'][number];

/** A tiny but real PNG: the 8-byte signature, then an IHDR chunk of a 1×1 image and some more bytes. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** A multipart/form-data body: the text fields first, then one file in field `file`. */
function multipart(file: Buffer, filename: string, fields: Record<string, string> = {}, contentType = 'application/octet-stream') {
  const boundary = `----yiqi-test-${randomUUID()}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([...parts, head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const backend of backends()) {
  describe(`demands [${backend.name}]`, () => {
    let t: TestApp;
    let c: Cast;

    beforeAll(async () => {
      t = await startTestApp(backend);
      c = await castOf(t);
    });
    afterAll(() => t.close());

    /** What a refusal must leave as it was. */
    const snapshot = async (id: string) => {
      const d = await read(c.coordinator, id);
      return { status: d.status, events: d.timeline.length, dueOn: d.dueOn, lead: d.leadDepartmentId, title: d.title, categoryCode: d.categoryCode };
    };

    describe('POST /api/demands → accept → assign → acknowledge → progress → settle → confirm', () => {
      it('walks a demand from the enterprise to closed, with its timeline, notifications and audit trail', async () => {
        t.clock.set(at('2026-09-24'));
        const created = await submit(c);
        expect(created).toMatchObject({
          status: 'submitted', channel: 'portal', enterpriseId: c.enterpriseId, enterpriseName: '崧原半导体（景德镇）有限公司',
          categoryName: '产证办理', dueOn: null, confidentiality: 'public',
        });
        expect(created.number).toMatch(/^SQ2026-\d{5}$/);
        const id = created.id;
        expect(await notificationsAbout(c.coordinator, id, 'demand.submitted')).toHaveLength(1);

        expect(ok<DemandDetail>(await act(c.coordinator, id, 'accept')).status).toBe('accepted');
        expect(await notificationsAbout(c.enterprise, id, 'demand.accepted')).toHaveLength(1);

        // 5 working days from Thursday 2026-09-24: 中秋 09-25..27 and 国庆 10-01..07 are off.
        const assignedNow = ok<DemandDetail>(await act(c.coordinator, id, 'assign', { leadDepartmentId: c.departments[LAND], assistingDepartmentIds: [c.departments[ECOLOGY]] }));
        expect(assignedNow).toMatchObject({
          status: 'assigned', dueOn: '2026-10-09', provisional: false, leadDepartmentName: LAND,
          assistingDepartments: [{ id: c.departments[ECOLOGY], name: ECOLOGY }],
          countdown: { workingDaysLeft: 5, overdue: false, tone: 'green' },
        });
        const [assignedNote] = await notificationsAbout(c.department, id, 'demand.assigned');
        expect(assignedNote!.title).toContain('2026-10-09');
        expect(await notificationsAbout(c.department2, id, 'demand.assisting')).toHaveLength(1);
        // The assisting department reads the demand but does not acknowledge it.
        expect((await read(c.department2, id)).actions).not.toContain('acknowledge');
        expect((await read(c.department, id)).actions).toContain('acknowledge');

        t.clock.set(at('2026-09-28'));
        expect(ok<DemandDetail>(await act(c.department, id, 'acknowledge')).status).toBe('in_progress');
        ok(await act(c.department, id, 'progress', { note: '内部：已与不动产登记中心电话沟通，材料缺测绘报告', internal: true }));
        ok(await act(c.department, id, 'progress', { note: '已受理，正在协调不动产登记中心办理', internal: false }));

        t.clock.set(at('2026-09-30'));
        const settled = ok<DemandDetail>(await act(c.department, id, 'settle', { answer: '已协调不动产登记中心，产证已于今日办出。' }));
        expect(settled).toMatchObject({ status: 'settled', settledOnTime: true, answer: '已协调不动产登记中心，产证已于今日办出。' });
        expect(await notificationsAbout(c.enterprise, id, 'demand.settled')).toHaveLength(1);
        expect((await read(c.enterprise, id)).actions).toContain('confirm');

        const closed = ok<DemandDetail>(await act(c.enterprise, id, 'confirm', { resolved: true, satisfaction: 'satisfied', comment: '感谢' }));
        expect(closed).toMatchObject({ status: 'closed', resolved: true, satisfaction: 'satisfied', confirmComment: '感谢', confirmedByDefault: false });
        expect(closed.closedAt).toBe(at('2026-09-30').toISOString());

        const staff = await read(c.coordinator, id);
        expect(kinds(staff)).toEqual(['submitted', 'accepted', 'assigned', 'acknowledged', 'progress', 'progress', 'settled', 'confirmed']);
        expect(staff.timeline.find((e) => e.internal)?.note).toContain('测绘报告');
        expect(staff.anonymisedDescription).not.toBeNull();
        expect(staff.anonymisedDescription).not.toContain('崧原');
        expect(staff.anonymisedDescription).toContain('产证');

        const own = await c.enterprise({ url: `/api/demands/${id}` });
        const mine = ok<DemandDetail>(own);
        expect(kinds(mine)).toEqual(['submitted', 'accepted', 'assigned', 'acknowledged', 'progress', 'settled', 'confirmed']);
        expect(mine.timeline.every((e) => !e.internal)).toBe(true);
        expect(own.body).not.toContain('测绘报告');
        expect(mine).toMatchObject({ anonymisedTitle: null, anonymisedDescription: null });

        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'demand', entityId: id });
        expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining([
          'demand.created', 'demand.accepted', 'demand.assigned', 'demand.acknowledged', 'demand.progress', 'demand.settled', 'demand.confirmed',
        ]));
        expect(audit.find((a) => a.action === 'demand.assigned')).toMatchObject({ actorName: '陈晓敏', after: expect.objectContaining({ dueOn: '2026-10-09' }) });
      });
    });

    describe('refusals', () => {
      it('changes nothing when someone without a say acts or a state does not allow the action', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await submit(c);
        const before = await snapshot(d.id);

        const byEnterprise = await act(c.enterprise, d.id, 'assign', { leadDepartmentId: c.departments[LAND] });
        expect(byEnterprise.statusCode).toBe(403);
        expect(errorOf(byEnterprise).code).toBe('FORBIDDEN');
        // A department has no part in a demand not yet assigned to it: the demand is "not found".
        const byDepartment = await act(c.department, d.id, 'acknowledge');
        expect(byDepartment.statusCode).toBe(404);
        expect((await c.department({ url: `/api/demands/${d.id}` })).statusCode).toBe(404);
        // The coordinator settles nothing: that is the lead department's.
        expect(errorOf(await act(c.coordinator, d.id, 'settle', { answer: '代为办结的答复' })).code).toBe('FORBIDDEN');
        expect(await snapshot(d.id)).toEqual(before);

        ok(await act(c.coordinator, d.id, 'accept'));
        const twice = await act(c.coordinator, d.id, 'accept');
        expect(twice.statusCode).toBe(409);
        expect(errorOf(twice).code).toBe('DEMAND_STATE_CONFLICT');

        ok(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[LAND] }));
        ok(await act(c.department, d.id, 'acknowledge'));
        const afterAck = await snapshot(d.id);
        const again = await act(c.department, d.id, 'acknowledge');
        expect(again.statusCode).toBe(409);
        expect(errorOf(again)).toMatchObject({ code: 'DEMAND_STATE_CONFLICT', details: { status: 'in_progress', action: 'acknowledge' } });
        // Another department, neither lead nor assisting, cannot even see it.
        expect((await c.department2({ url: `/api/demands/${d.id}` })).statusCode).toBe(404);
        expect((await act(c.department2, d.id, 'settle', { answer: '不是我们办的答复' })).statusCode).toBe(404);
        expect(await snapshot(d.id)).toEqual(afterAck);
      });

      it("answers 404 to an enterprise user reading another enterprise's demand and leaves it out of the list", async () => {
        t.clock.set(at('2026-11-02'));
        const other = ok<DemandDetail>(await c.coordinator({
          method: 'POST', url: '/api/demands',
          payload: { enterpriseId: c.otherEnterpriseId, channel: 'hotline', title: '用电增容申请', description: '生产线扩产需要增加变压器容量。', categoryCode: 'utilities' },
        }));
        expect(other).toMatchObject({ channel: 'hotline', enterpriseId: c.otherEnterpriseId, status: 'submitted' });
        const res = await c.enterprise({ url: `/api/demands/${other.id}` });
        expect(res.statusCode).toBe(404);
        expect(errorOf(res).code).toBe('NOT_FOUND');
        expect((await act(c.enterprise, other.id, 'confirm', { resolved: true, satisfaction: 'satisfied' })).statusCode).toBe(404);
        expect(await lists(c.enterprise, 'pageSize=20', other)).toBe(false);
        expect(await lists(c.coordinator, 'pageSize=20', other)).toBe(true);
        // An enterprise user cannot file for another enterprise.
        const forOther = await c.enterprise({ method: 'POST', url: '/api/demands', payload: { ...PROPERTY_DEMAND, enterpriseId: c.otherEnterpriseId } });
        expect(forOther.statusCode).toBe(400);
        expect(errorFields(forOther)).toContain('enterpriseId');
      });

      it('answers 400 with field errors in Chinese, or in English when asked, and changes nothing', async () => {
        t.clock.set(at('2026-11-02'));
        const countBefore = (await listed(c.enterprise, 'pageSize=1')).total;
        const short = await c.enterprise({ method: 'POST', url: '/api/demands', payload: { ...PROPERTY_DEMAND, title: '证' } });
        expect(short.statusCode).toBe(400);
        expect(errorOf(short).code).toBe('VALIDATION_FAILED');
        const titleError = (errorOf(short).details as FieldDetail[]).find((e) => e.field === 'title')!;
        expect(titleError.message).toMatch(HAN);
        const shortEn = await c.enterprise({ method: 'POST', url: '/api/demands', payload: { ...PROPERTY_DEMAND, title: '证' }, headers: { 'x-yiqi-lang': 'en' } });
        const titleEn = (errorOf(shortEn).details as FieldDetail[]).find((e) => e.field === 'title')!;
        expect(titleEn.message).not.toMatch(HAN);
        expect(errorOf(shortEn).message).toBe('Some fields are invalid');

        const unknown = await c.enterprise({ method: 'POST', url: '/api/demands', payload: { ...PROPERTY_DEMAND, categoryCode: 'no-such-category' } });
        expect(unknown.statusCode).toBe(400);
        expect(errorFields(unknown)).toEqual(['categoryCode']);
        expect((errorOf(unknown).details as FieldDetail[])[0]!.message).toMatch(HAN);
        const unknownEn = await c.enterprise({ method: 'POST', url: '/api/demands', payload: { ...PROPERTY_DEMAND, categoryCode: 'no-such-category' }, headers: { 'x-yiqi-lang': 'en' } });
        expect((errorOf(unknownEn).details as FieldDetail[])[0]!.message).not.toMatch(HAN);
        expect((await listed(c.enterprise, 'pageSize=1')).total).toBe(countBefore);

        const d = await submit(c);
        const before = await snapshot(d.id);
        const noSuchDepartment = await act(c.coordinator, d.id, 'assign', { leadDepartmentId: '00000000-0000-4000-8000-000000000000' });
        expect(noSuchDepartment.statusCode).toBe(400);
        expect(errorFields(noSuchDepartment)).toEqual(['leadDepartmentId']);
        expect((errorOf(noSuchDepartment).details as FieldDetail[])[0]!.message).toMatch(HAN);
        const sameTwice = await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[LAND], assistingDepartmentIds: [c.departments[LAND]] });
        expect(errorFields(sameTwice)).toEqual(['assistingDepartmentIds.0']);
        const badPatch = await c.coordinator({ method: 'PATCH', url: `/api/demands/${d.id}`, payload: { title: '证', categoryCode: 'no-such-category' } });
        expect(badPatch.statusCode).toBe(400);
        expect(errorFields(badPatch)).toContain('title');
        const badCategory = await c.coordinator({ method: 'PATCH', url: `/api/demands/${d.id}`, payload: { categoryCode: 'no-such-category' } });
        expect(errorFields(badCategory)).toEqual(['categoryCode']);
        const shortAnswer = await act(c.coordinator, d.id, 'decline', { reason: '' });
        expect(shortAnswer.statusCode).toBe(400);
        expect(await snapshot(d.id)).toEqual(before);
        expect(await notificationsAbout(c.department, d.id)).toEqual([]);
      });
    });

    describe('POST /api/demands/:id/return', () => {
      it('sends the demand back to the coordinator, counts each return, flags the third and reassigns with a new deadline', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await assigned(c);
        expect(d.dueOn).toBe('2026-11-09');
        const once = ok<DemandDetail>(await act(c.department, d.id, 'return', { reason: '属于住建部门职责' }));
        expect(once).toMatchObject({ status: 'accepted', bounceCount: 1, flagged: false, leadDepartmentId: null, dueOn: null });
        expect(await notificationsAbout(c.coordinator, d.id, 'demand.returned')).toHaveLength(1);
        // The department no longer has a part in it.
        expect((await c.department({ url: `/api/demands/${d.id}` })).statusCode).toBe(404);

        t.clock.set(at('2026-11-03'));
        const second = ok<DemandDetail>(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[LAND] }));
        expect(second).toMatchObject({ status: 'assigned', dueOn: '2026-11-10' });
        ok(await act(c.department, d.id, 'acknowledge'));
        expect(ok<DemandDetail>(await act(c.department, d.id, 'return', { reason: '仍非本单位职责' })).bounceCount).toBe(2);
        expect(await notificationsAbout(c.coordinator, d.id, 'demand.flagged')).toEqual([]);

        t.clock.set(at('2026-11-04'));
        ok(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[LAND] }));
        const third = ok<DemandDetail>(await act(c.department, d.id, 'return', { reason: '第三次退回' }));
        expect(third).toMatchObject({ status: 'accepted', bounceCount: 3, flagged: true });
        const flags = await notificationsAbout(c.coordinator, d.id, 'demand.flagged');
        expect(flags).toHaveLength(1);
        expect(flags[0]!.title).toContain('3');
        expect(await lists(c.coordinator, 'flagged=true', d)).toBe(true);
        expect(kinds(await read(c.coordinator, d.id)).filter((k) => k === 'returned' || k === 'flagged')).toEqual(['returned', 'returned', 'returned', 'flagged']);
        expect(kinds(await read(c.enterprise, d.id))).not.toContain('returned');

        t.clock.set(at('2026-11-05'));
        const fourth = ok<DemandDetail>(await act(c.coordinator, d.id, 'assign', { leadDepartmentId: c.departments[ECOLOGY] }));
        expect(fourth).toMatchObject({ status: 'assigned', leadDepartmentName: ECOLOGY, dueOn: '2026-11-12', bounceCount: 3 });
        expect(await notificationsAbout(c.department2, d.id, 'demand.assigned')).toHaveLength(1);
      });
    });

    describe('POST /api/demands/:id/extensions', () => {
      it('asks for a later working day, one request at a time; the coordinator approves and the enterprise sees the new deadline', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        expect(d.dueOn).toBe('2026-11-09');
        const before = await snapshot(d.id);

        const notLater = await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-09', reason: '需补测绘' });
        expect(notLater.statusCode).toBe(400);
        expect(errorFields(notLater)).toEqual(['newDueOn']);
        const saturday = await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-14', reason: '需补测绘' });
        expect(saturday.statusCode).toBe(400);
        expect(errorFields(saturday)).toEqual(['newDueOn']);
        expect((errorOf(saturday).details as FieldDetail[])[0]!.message).toContain('2026-11-14');
        expect(errorOf(await act(c.enterprise, d.id, 'extensions', { newDueOn: '2026-11-16', reason: '企业想延期' })).code).toBe('FORBIDDEN');
        expect(await snapshot(d.id)).toEqual(before);

        const requested = ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-16', reason: '需补测绘报告' }));
        expect(requested).toMatchObject({ hasPendingExtension: true, dueOn: '2026-11-09', extended: false });
        expect(requested.extensions).toMatchObject([{ status: 'pending', requestedDueOn: '2026-11-16', previousDueOn: '2026-11-09', reason: '需补测绘报告' }]);
        expect(await notificationsAbout(c.coordinator, d.id, 'demand.extension_requested')).toHaveLength(1);
        expect(await lists(c.coordinator, 'pendingExtension=true', d)).toBe(true);

        const second = await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-17', reason: '再延一天' });
        expect(second.statusCode).toBe(409);
        expect(errorOf(second).code).toBe('DEMAND_EXTENSION_PENDING');

        const eid = requested.extensions[0]!.id;
        const byDepartment = await c.department({ method: 'POST', url: `/api/demands/${d.id}/extensions/${eid}/decision`, payload: { approve: true } });
        expect(byDepartment.statusCode).toBe(403);

        const approved = ok<DemandDetail>(await c.coordinator({ method: 'POST', url: `/api/demands/${d.id}/extensions/${eid}/decision`, payload: { approve: true, note: '同意' } }));
        expect(approved).toMatchObject({ dueOn: '2026-11-16', extended: true, hasPendingExtension: false, provisional: false });
        expect(approved.extensions[0]).toMatchObject({ status: 'approved', decisionNote: '同意' });
        const mine = await read(c.enterprise, d.id);
        expect(mine.dueOn).toBe('2026-11-16');
        expect(kinds(mine)).toContain('extension_approved');
        expect(kinds(mine)).not.toContain('extension_requested');
        expect(mine.timeline.find((e) => e.kind === 'extension_approved')).toMatchObject({ note: '需补测绘报告', data: { previousDueOn: '2026-11-09', newDueOn: '2026-11-16' } });
        expect(await notificationsAbout(c.enterprise, d.id, 'demand.extension_approved')).toHaveLength(1);

        const decidedAgain = await c.coordinator({ method: 'POST', url: `/api/demands/${d.id}/extensions/${eid}/decision`, payload: { approve: false } });
        expect(decidedAgain.statusCode).toBe(409);
        expect(errorOf(decidedAgain).code).toBe('DEMAND_NO_PENDING_EXTENSION');
      });

      it('keeps the deadline when the coordinator refuses, and tells the lead department', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        const requested = ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-20', reason: '等待上级批复' }));
        const eid = requested.extensions[0]!.id;
        const refused = ok<DemandDetail>(await c.coordinator({ method: 'POST', url: `/api/demands/${d.id}/extensions/${eid}/decision`, payload: { approve: false, note: '请按期办结' } }));
        expect(refused).toMatchObject({ dueOn: '2026-11-09', extended: false, hasPendingExtension: false });
        expect(refused.extensions[0]).toMatchObject({ status: 'refused', decisionNote: '请按期办结' });
        expect(await notificationsAbout(c.department, d.id, 'demand.extension_refused')).toHaveLength(1);
        expect(kinds(await read(c.enterprise, d.id))).not.toContain('extension_refused');
        // A refused request does not block the next one.
        expect(ok<DemandDetail>(await act(c.department, d.id, 'extensions', { newDueOn: '2026-11-12', reason: '只需三天' })).hasPendingExtension).toBe(true);
      });
    });

    describe('POST /api/demands/:id/wait and /resume', () => {
      it('stops the clock while waiting for the enterprise and adds the working days paused to the deadline', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        expect(d.dueOn).toBe('2026-11-09');

        t.clock.set(at('2026-11-03'));
        const waiting = ok<DemandDetail>(await act(c.department, d.id, 'wait', { reason: '请补充测绘报告原件' }));
        expect(waiting).toMatchObject({ status: 'waiting', waitingSince: '2026-11-03', countdown: null, dueOn: '2026-11-09' });
        expect(await notificationsAbout(c.enterprise, d.id, 'demand.waiting')).toHaveLength(1);
        expect((await read(c.enterprise, d.id)).timeline.find((e) => e.kind === 'waiting')?.note).toBe('请补充测绘报告原件');
        expect(errorOf(await act(c.department, d.id, 'settle', { answer: '等待期间不能办结' })).code).toBe('DEMAND_STATE_CONFLICT');

        // Resumed three working days later (11-04, 11-05, 11-06): the deadline moves three working days.
        t.clock.set(at('2026-11-06', '15:00'));
        const resumed = ok<DemandDetail>(await act(c.department, d.id, 'resume', { note: '企业已补充' }));
        expect(resumed).toMatchObject({ status: 'in_progress', pausedDays: 3, dueOn: '2026-11-12', waitingSince: null });
        expect(resumed.timeline.at(-1)).toMatchObject({ kind: 'resumed', data: { pausedDays: 3, dueOn: '2026-11-12' } });
      });
    });

    describe('POST /api/demands/:id/confirm (not resolved)', () => {
      it('reopens to the same department with a new deadline, escalating to the coordinator and then to the enterprise’s liaison leader', async () => {
        t.clock.set(at('2026-11-02'));
        const d = await inProgress(c);
        t.clock.set(at('2026-11-04'));
        ok(await act(c.department, d.id, 'settle', { answer: '已答复企业办理流程。' }));

        t.clock.set(at('2026-11-05'));
        const reopened = ok<DemandDetail>(await act(c.enterprise, d.id, 'confirm', { resolved: false, satisfaction: 'dissatisfied', comment: '证还没拿到' }));
        expect(reopened).toMatchObject({
          status: 'assigned', reopenCount: 1, escalationLevel: 1, dueOn: '2026-11-12', leadDepartmentName: LAND, settledOnTime: null, resolved: false,
        });
        expect(kinds(reopened).slice(-2)).toEqual(['confirmed', 'reopened']);
        expect(await notificationsAbout(c.coordinator, d.id, 'demand.reopened')).toHaveLength(1);
        expect(await notificationsAbout(c.department, d.id, 'demand.reopened')).toHaveLength(1);
        expect(await notificationsAbout(c.leader, d.id, 'demand.reopened')).toEqual([]);
        expect(await lists(c.coordinator, 'escalated=true', d)).toBe(true);

        t.clock.set(at('2026-11-06'));
        ok(await act(c.department, d.id, 'acknowledge'));
        ok(await act(c.department, d.id, 'settle', { answer: '再次答复：已督促登记中心。' }));
        t.clock.set(at('2026-11-09'));
        const again = ok<DemandDetail>(await act(c.enterprise, d.id, 'confirm', { resolved: false, satisfaction: 'dissatisfied' }));
        expect(again).toMatchObject({ status: 'assigned', reopenCount: 2, escalationLevel: 2, dueOn: '2026-11-16' });
        // The demo enterprise's liaison leader (包联领导) is `leader`: it owns the demand, so `leader2` is not told.
        expect(again.ownerLeaderId).toBe(c.userIds.leader);
        expect(await notificationsAbout(c.leader, d.id, 'demand.reopened')).toHaveLength(1);
        expect(await notificationsAbout(c.leader2, d.id, 'demand.reopened')).toEqual([]);
      });
    });

    describe('POST /api/demands/:id/merge', () => {
      it('merges a duplicate into another open demand of the same enterprise, linking both ways', async () => {
        t.clock.set(at('2026-11-02'));
        const a = await submit(c, { title: '产证办理进度咨询' });
        const b = await submit(c);
        const merged = ok<DemandDetail>(await act(c.coordinator, a.id, 'merge', { intoId: b.id }));
        expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: b.id, number: b.number, status: 'submitted' } });
        expect(merged.closedAt).not.toBeNull();
        const target = await read(c.coordinator, b.id);
        expect(target.mergedFrom).toEqual([{ id: a.id, number: a.number, title: '产证办理进度咨询', status: 'merged' }]);
        expect(merged.timeline.at(-1)).toMatchObject({ kind: 'merged_into', data: { id: b.id, number: b.number } });
        expect(target.timeline.at(-1)).toMatchObject({ kind: 'merged_from', data: { id: a.id, number: a.number } });
        expect(kinds(await read(c.enterprise, a.id))).toContain('merged_into');
        expect(await notificationsAbout(c.enterprise, a.id, 'demand.merged')).toHaveLength(1);
      });

      it("answers 409 DEMAND_MERGE_INVALID when merging into another enterprise's demand or into itself", async () => {
        t.clock.set(at('2026-11-02'));
        const mine = await submit(c);
        const theirs = ok<DemandDetail>(await c.coordinator({
          method: 'POST', url: '/api/demands',
          payload: { enterpriseId: c.otherEnterpriseId, channel: 'hotline', title: '厂房产证办理', description: '厂房产证一直办不下来。', categoryCode: 'property-certificate' },
        }));
        const before = await snapshot(mine.id);
        const other = await act(c.coordinator, mine.id, 'merge', { intoId: theirs.id });
        expect(other.statusCode).toBe(409);
        expect(errorOf(other).code).toBe('DEMAND_MERGE_INVALID');
        expect(errorFields(other)).toEqual(['intoId']);
        expect(errorOf(await act(c.coordinator, mine.id, 'merge', { intoId: mine.id })).code).toBe('DEMAND_MERGE_INVALID');
        expect(await snapshot(mine.id)).toEqual(before);
        expect((await read(c.coordinator, theirs.id)).mergedFrom).toEqual([]);
      });

      it('merges one way only when A→B and B→A arrive at the same moment: one succeeds, the other is a 409, never a 500', async () => {
        t.clock.set(at('2026-11-02'));
        for (let round = 0; round < 5; round++) {
          const a = await submit(c, { title: `重复诉求甲${round}` });
          const b = await submit(c, { title: `重复诉求乙${round}` });
          const answers = await Promise.all([act(c.coordinator, a.id, 'merge', { intoId: b.id }), act(c.coordinator, b.id, 'merge', { intoId: a.id })]);
          expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
          const statuses = [(await read(c.coordinator, a.id)).status, (await read(c.coordinator, b.id)).status].sort();
          expect(statuses).toEqual(['merged', 'submitted']);
        }
      });
    });

    describe('POST /api/demands/bulk-assign', () => {
      it('assigns all or none: one closed demand in the batch leaves the others unassigned', async () => {
        t.clock.set(at('2026-11-02'));
        const a = await submit(c);
        const b = await submit(c);
        ok(await act(c.coordinator, a.id, 'accept'));
        ok(await act(c.coordinator, b.id, 'accept'));
        const done = await inProgress(c);
        ok(await act(c.department, done.id, 'settle', { answer: '已办结答复内容。' }));
        ok(await act(c.enterprise, done.id, 'confirm', { resolved: true, satisfaction: 'satisfied' }));
        const before = [await snapshot(a.id), await snapshot(b.id)];

        const lead = c.departments[ECOLOGY]!;
        const refused = await c.coordinator({ method: 'POST', url: '/api/demands/bulk-assign', payload: { ids: [a.id, b.id, done.id], leadDepartmentId: lead } });
        expect(refused.statusCode).toBe(409);
        expect(errorOf(refused)).toMatchObject({ code: 'DEMAND_STATE_CONFLICT', details: { number: done.number, id: done.id } });
        expect([await snapshot(a.id), await snapshot(b.id)]).toEqual(before);
        expect(await notificationsAbout(c.department2, a.id)).toEqual([]);
        const byEnterprise = await c.enterprise({ method: 'POST', url: '/api/demands/bulk-assign', payload: { ids: [a.id], leadDepartmentId: lead } });
        expect(byEnterprise.statusCode).toBe(403);

        const res = ok<{ updated: number; items: DemandSummary[] }>(await c.coordinator({ method: 'POST', url: '/api/demands/bulk-assign', payload: { ids: [a.id, b.id], leadDepartmentId: lead } }));
        expect(res.updated).toBe(2);
        expect(res.items.map((d) => [d.id, d.status, d.leadDepartmentName, d.dueOn])).toEqual([
          [a.id, 'assigned', ECOLOGY, '2026-11-09'],
          [b.id, 'assigned', ECOLOGY, '2026-11-09'],
        ]);
        expect(await notificationsAbout(c.department2, a.id, 'demand.assigned')).toHaveLength(1);
      });
    });

    describe('/api/demand-categories', () => {
      it('lists the ten default categories at the zone deadline and lets the coordinator shorten one', async () => {
        const list = ok<{ items: { code: string; deadlineWorkingDays: number | null; effectiveDeadlineDays: number; active: boolean }[] }>(await c.enterprise({ url: '/api/demand-categories' }));
        expect(list.items).toHaveLength(10);
        expect(list.items.map((x) => x.code)).toEqual(expect.arrayContaining(['property-certificate', 'utilities', 'other']));
        expect(list.items.every((x) => x.effectiveDeadlineDays === 5 && x.deadlineWorkingDays === null && x.active)).toBe(true);

        const patched = ok<typeof list>(await c.coordinator({ method: 'PATCH', url: '/api/demand-categories/utilities', payload: { deadlineWorkingDays: 3 } }));
        expect(patched.items.find((x) => x.code === 'utilities')).toMatchObject({ deadlineWorkingDays: 3, effectiveDeadlineDays: 3 });
        t.clock.set(at('2026-11-02'));
        const d = await assigned(c, { body: { categoryCode: 'utilities', title: '用电增容申请', description: '生产线扩产需要增加变压器容量。' } });
        expect(d.dueOn).toBe('2026-11-05');
        expect(d.timeline.find((e) => e.kind === 'assigned')?.data).toMatchObject({ days: 3, dueOn: '2026-11-05' });
        const restored = ok<typeof list>(await c.coordinator({ method: 'PATCH', url: '/api/demand-categories/utilities', payload: { deadlineWorkingDays: null } }));
        expect(restored.items.find((x) => x.code === 'utilities')).toMatchObject({ deadlineWorkingDays: null, effectiveDeadlineDays: 5 });
      });

      it('refuses a category from the enterprise (403) and a code already taken (400)', async () => {
        const mine = await c.enterprise({ method: 'POST', url: '/api/demand-categories', payload: { code: 'export-licences', name: '出口许可' } });
        expect(mine.statusCode).toBe(403);
        const taken = await c.coordinator({ method: 'POST', url: '/api/demand-categories', payload: { code: 'utilities', name: '水电' } });
        expect(taken.statusCode).toBe(400);
        expect(errorFields(taken)).toEqual(['code']);
        const created = ok<{ items: { code: string; effectiveDeadlineDays: number }[] }>(await c.coordinator({
          method: 'POST', url: '/api/demand-categories', payload: { code: 'export-licences', name: '出口许可', parentCode: 'other' },
        }));
        expect(created.items.find((x) => x.code === 'export-licences')).toMatchObject({ effectiveDeadlineDays: 5 });
      });
    });

    describe('lists, search, export and counts', () => {
      // The demo zone holds a year of demands: these tests use an enterprise, a second enterprise
      // and two departments of their own, so that every list can be checked exactly.
      const sorted = (ids: string[]) => [...ids].sort();
      let own: { id: string; name: string; user: Api }; // files E1 (settled on time) and E2 (declined) through the portal
      let other: { id: string; name: string }; // O1 by hotline, overdue
      let lead: { id: string; user: Api };
      let late: { id: string; user: Api };
      let e1: DemandDetail;
      let e2: DemandDetail;
      let o1: DemandDetail;
      type Stats = Record<string, number | null> & { byCategory: Record<string, unknown>[]; byDepartment: Record<string, unknown>[]; byChannel: Record<string, unknown>[] };
      let baseline: Stats;
      const stats = async () => ok<Stats>(await c.coordinator({ url: '/api/demands/stats?from=2026-11-01&to=2026-11-30' }));
      const category = (s: Stats, code: string) => (s.byCategory.find((r) => r.key === code) ?? { received: 0, settled: 0, settledOnTime: 0, overdue: 0 }) as Record<string, number>;

      async function enterprise(name: string, serial: number): Promise<{ id: string; name: string }> {
        const first17 = `91360200MAL${String(serial).padStart(6, '0')}`;
        return ok<{ id: string; name: string }>(await c.admin({ method: 'POST', url: '/api/enterprises', payload: { name, uscc: first17 + computeUsccCheckChar(first17) } }));
      }
      async function user(username: string, roles: string[], link: Record<string, string>): Promise<Api> {
        ok(await c.admin({ method: 'POST', url: '/api/users', payload: { username, displayName: username, password: 'list-test-2026', roles, ...link } }));
        return caller(t, username, 'list-test-2026');
      }
      async function department(name: string, username: string) {
        const { id } = ok<{ id: string }>(await c.admin({ method: 'POST', url: '/api/departments', payload: { name, kind: 'responsible' } }));
        return { id, user: await user(username, ['department'], { departmentId: id }) };
      }

      beforeAll(async () => {
        const mine = await enterprise('景德镇列表测试陶瓷有限公司', 1);
        own = { ...mine, user: await user('list-enterprise', ['enterprise'], { enterpriseId: mine.id }) };
        other = await enterprise('景德镇列表测试航电有限公司', 2);
        lead = await department('列表测试规划科', 'list-lead');
        late = await department('列表测试供电所', 'list-late');
        t.clock.set(at('2026-11-16'));
        baseline = await stats();

        t.clock.set(at('2026-11-02'));
        const file = (body: Record<string, string>) => own.user({ method: 'POST', url: '/api/demands', payload: body });
        e1 = ok<DemandDetail>(await file({ title: '厂房办证难题', description: '我司新建厂房竣工已半年，产证一直办不下来，影响银行贷款审批。', categoryCode: 'property-certificate' }));
        e2 = ok<DemandDetail>(await file({ title: '环评批复进度咨询', description: '扩建项目环评报告已提交一个月，想了解批复进度。', categoryCode: 'environmental-approval' }));
        o1 = ok<DemandDetail>(await c.coordinator({
          method: 'POST', url: '/api/demands',
          payload: { enterpriseId: other.id, channel: 'hotline', title: '用电增容申请', description: '生产线扩产需要增加变压器容量，申请用电增容。', categoryCode: 'utilities' },
        }));
        ok(await act(c.coordinator, e1.id, 'assign', { leadDepartmentId: lead.id }));
        ok(await act(c.coordinator, o1.id, 'assign', { leadDepartmentId: late.id }));
        ok(await act(c.coordinator, e2.id, 'decline', { reason: '请直接向生态环境分局窗口咨询' }));
        t.clock.set(at('2026-11-05'));
        ok(await act(lead.user, e1.id, 'acknowledge'));
        ok(await act(lead.user, e1.id, 'settle', { answer: '已协调办理，产证已办出。' }));
        t.clock.set(at('2026-11-16'));
      });

      describe('GET /api/demands', () => {
        it('finds a demand by a Chinese word inside its text, and nothing for a word it lacks', async () => {
          const scoped = (q: string, enterpriseId: string) => listed(c.coordinator, `q=${encodeURIComponent(q)}&enterpriseId=${enterpriseId}`);
          expect(await scoped('产证', own.id)).toEqual({ ids: [e1.id], total: 1 });
          expect(await scoped('变压器', other.id)).toEqual({ ids: [o1.id], total: 1 });
          expect(await scoped('产证', other.id)).toEqual({ ids: [], total: 0 });
          expect(await listed(c.coordinator, `q=${encodeURIComponent(e2.number)}`)).toEqual({ ids: [e2.id], total: 1 });
          // The whole zone: the demo's demands about 产证 are found with ours; a word nobody wrote finds nothing.
          expect((await listed(c.coordinator, `q=${encodeURIComponent('产证')}&pageSize=200`)).total).toBeGreaterThanOrEqual(1);
          expect(await listed(c.coordinator, `q=${encodeURIComponent('火星基地')}`)).toEqual({ ids: [], total: 0 });
          expect(await listed(c.coordinator, `q=${encodeURIComponent('！！')}`)).toEqual({ ids: [], total: 0 });
        });

        it('filters by status, category, department, channel and overdue', async () => {
          expect((await listed(c.coordinator, `status=open&enterpriseId=${own.id}`)).ids).toEqual([e1.id]);
          expect((await listed(c.coordinator, `status=declined&enterpriseId=${own.id}`)).ids).toEqual([e2.id]);
          expect((await listed(c.coordinator, `status=settled,declined&enterpriseId=${own.id}`)).total).toBe(2);
          expect((await listed(c.coordinator, `categoryCode=utilities&enterpriseId=${other.id}`)).ids).toEqual([o1.id]);
          expect((await listed(c.coordinator, `categoryCode=utilities&enterpriseId=${own.id}`)).total).toBe(0);
          expect((await listed(c.coordinator, `departmentId=${lead.id}`)).ids).toEqual([e1.id]);
          expect((await listed(c.coordinator, `channel=hotline&enterpriseId=${other.id}`)).ids).toEqual([o1.id]);
          expect((await listed(c.coordinator, `channel=hotline&enterpriseId=${own.id}`)).total).toBe(0);
          expect(sorted((await listed(c.coordinator, `channel=portal&enterpriseId=${own.id}`)).ids)).toEqual(sorted([e1.id, e2.id]));
          expect((await listed(c.coordinator, `overdue=true&departmentId=${late.id}`)).ids).toEqual([o1.id]);
          expect((await listed(c.coordinator, `overdue=true&departmentId=${lead.id}`)).total).toBe(0);
          const bad = await c.coordinator({ url: '/api/demands?status=lost' });
          expect(bad.statusCode).toBe(400);
          expect(errorFields(bad)).toEqual(['querystring.status']);
        });

        it('gives a department its own demands, the enterprise its own, and pages with the total', async () => {
          expect(await listed(lead.user, '')).toEqual({ ids: [e1.id], total: 1 });
          expect(await listed(late.user, '')).toEqual({ ids: [o1.id], total: 1 });
          const mine = await listed(own.user, '');
          expect(sorted(mine.ids)).toEqual(sorted([e1.id, e2.id]));
          expect(mine.total).toBe(2);
          // A filter does not widen a scope.
          expect((await listed(own.user, `enterpriseId=${other.id}`)).total).toBe(0);
          expect((await listed(lead.user, `departmentId=${late.id}`)).total).toBe(0);
          const page = (n: number) => listed(c.coordinator, `enterpriseId=${own.id}&pageSize=1&page=${n}&sort=number&order=asc`);
          expect(await page(1)).toEqual({ ids: [e1.id], total: 2 });
          expect(await page(2)).toEqual({ ids: [e2.id], total: 2 });
          expect(await page(3)).toEqual({ ids: [], total: 2 });
        });

        it('gives a person with two roles the demands of both, as a single read would', async () => {
          // A handler of the late department who is also the liaison cadre of our own enterprise.
          const both = await user('list-both', ['department', 'cadre'], { departmentId: late.id });
          const { id: bothId } = ok<{ items: { id: string; username: string }[] }>(await c.admin({ url: '/api/users?q=list-both' })).items[0]!;
          ok(await c.admin({ method: 'PATCH', url: `/api/enterprises/${own.id}`, payload: { cadreId: bothId } }));
          const seen = await listed(both, 'pageSize=200');
          expect(sorted(seen.ids)).toEqual(sorted([o1.id, e1.id, e2.id]));
          for (const id of seen.ids) expect((await both({ url: `/api/demands/${id}` })).statusCode).toBe(200);
        });
      });

      describe('GET /api/demands/export.xlsx', () => {
        it('exports the current filter as a workbook with a header row and one row per demand', async () => {
          const res = await c.coordinator({ url: `/api/demands/export.xlsx?enterpriseId=${other.id}` });
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
          const sheet = wb.worksheets[0]!;
          const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
          expect(row(1).slice(0, 9)).toEqual(['编号', '标题', '企业', '分类', '渠道', '状态', '牵头单位', '提交时间', '办结时限']);
          expect(sheet.actualRowCount).toBe(2);
          expect(row(2).slice(0, 7)).toEqual([o1.number, '用电增容申请', other.name, '水电气网', '服务热线', '待签收', '列表测试供电所']);
          expect(row(2)[8]).toBe('2026-11-09');
          expect((await own.user({ url: '/api/demands/export.xlsx' })).statusCode).toBe(403);
        });
      });

      describe('GET /api/demands/similar', () => {
        it("offers the enterprise's open demand that a reworded text repeats, with its score", async () => {
          const text = encodeURIComponent('我们新建的厂房竣工半年了，产证一直办不下来，影响贷款');
          const res = ok<{ items: { id: string; number: string; score: number }[] }>(await c.coordinator({ url: `/api/demands/similar?enterpriseId=${own.id}&text=${text}` }));
          expect(res.items.map((x) => x.id)).toEqual([e1.id]);
          expect(res.items[0]).toMatchObject({ number: e1.number, title: '厂房办证难题' });
          expect(res.items[0]!.score).toBeGreaterThanOrEqual(0.3);
          expect(res.items[0]!.score).toBeLessThanOrEqual(1);
          // The enterprise user is asked about its own demands whatever enterpriseId says; declined ones are not offered.
          const mine = ok<typeof res>(await own.user({ url: `/api/demands/similar?enterpriseId=${other.id}&text=${text}` }));
          expect(mine.items.map((x) => x.id)).toEqual([e1.id]);
          const unrelated = ok<typeof res>(await c.coordinator({ url: `/api/demands/similar?enterpriseId=${own.id}&text=${encodeURIComponent('环评批复进度咨询')}` }));
          expect(unrelated.items).toEqual([]);
        });
      });

      describe('GET /api/demands/stats', () => {
        it('counts received, settled, on time and overdue for the period, by category and by department', async () => {
          const s = await stats();
          const delta = (key: string) => (s[key] as number) - (baseline[key] as number);
          expect(['received', 'accepted', 'declined', 'settled', 'settledOnTime', 'overdue'].map((k) => [k, delta(k)])).toEqual([
            ['received', 3], ['accepted', 2], ['declined', 1], ['settled', 1], ['settledOnTime', 1], ['overdue', 1],
          ]);
          expect(s).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
          expect(s.onTimeRate).toBe(s.settled === 0 ? null : Math.round(((s.settledOnTime as number) / (s.settled as number)) * 10_000) / 10_000);
          const d = (code: string, key: string) => category(s, code)[key]! - category(baseline, code)[key]!;
          expect([d('property-certificate', 'received'), d('property-certificate', 'settled'), d('property-certificate', 'settledOnTime')]).toEqual([1, 1, 1]);
          expect([d('utilities', 'received'), d('utilities', 'settled'), d('utilities', 'overdue')]).toEqual([1, 0, 1]);
          expect(category(s, 'property-certificate')).toMatchObject({ name: '产证办理' });
          expect(s.byDepartment.find((r) => r.key === lead.id)).toMatchObject({ name: '列表测试规划科', received: 1, settled: 1, settledOnTime: 1, overdue: 0, onTimeRate: 1 });
          expect(s.byDepartment.find((r) => r.key === late.id)).toMatchObject({ name: '列表测试供电所', received: 1, settled: 0, overdue: 1, onTimeRate: null });
          expect(s.byChannel.find((r) => r.key === 'hotline')).toMatchObject({ name: '服务热线' });

          expect((await own.user({ url: '/api/demands/stats?from=2026-11-01&to=2026-11-30' })).statusCode).toBe(403);
          const backwards = await c.coordinator({ url: '/api/demands/stats?from=2026-11-30&to=2026-11-01' });
          expect(backwards.statusCode).toBe(400);
        });
      });
    });

    describe('attachments', () => {
      let stranger: Api; // an enterprise user of another enterprise
      let d: DemandDetail;

      const upload = (api: Api, demandId: string, file: Buffer, filename: string, fields?: Record<string, string>) => {
        const body = multipart(file, filename, fields);
        return api({ method: 'POST', url: `/api/demands/${demandId}/attachments`, payload: body.payload, headers: body.headers });
      };
      const download = (api: Api, demandId: string, attachmentId: string) => api({ url: `/api/demands/${demandId}/attachments/${attachmentId}` });

      beforeAll(async () => {
        const created = await c.admin({
          method: 'POST', url: '/api/users',
          payload: { username: 'enterprise-b', displayName: '林某', password: 'another-pass-2026', roles: ['enterprise'], enterpriseId: c.otherEnterpriseId },
        });
        expect(created.statusCode, created.body).toBe(200);
        t.clock.set(at('2026-11-02'));
        stranger = await caller(t, 'enterprise-b', 'another-pass-2026');
        d = await inProgress(c);
      });

      describe('GET /api/demands/attachment-rules', () => {
        it('tells a signed-in user the allowed types and the configured size limit', async () => {
          const rules = ok<{ extensions: string[]; maxBytes: number }>(await c.enterprise({ url: '/api/demands/attachment-rules' }));
          expect(rules.maxBytes).toBe(t.ctx.config.uploadMaxBytes);
          expect(rules.extensions).toEqual(expect.arrayContaining(['jpg', 'png', 'pdf', 'docx', 'xlsx']));
          expect(rules.extensions).not.toContain('exe');
          expect((await t.app.inject({ url: '/api/demands/attachment-rules' })).statusCode).toBe(401);
        });
      });

      describe('POST /api/demands/:id/attachments and GET …/attachments/:aid', () => {
        it('stores a PNG from the enterprise and gives back the same bytes', async () => {
          const res = await upload(c.enterprise, d.id, PNG, '现场照片.png');
          const attachment = ok<Attachment>(res);
          expect(attachment).toMatchObject({ fileName: '现场照片.png', contentType: 'image/png', size: PNG.length, internal: false, uploadedByName: '陈远达' });

          const got = await download(c.enterprise, d.id, attachment.id);
          expect(got.statusCode).toBe(200);
          expect(got.headers['content-type']).toBe('image/png');
          expect(got.headers['x-content-type-options']).toBe('nosniff');
          expect(String(got.headers['content-disposition'])).toContain(encodeURIComponent('现场照片.png'));
          expect(got.rawPayload.equals(PNG)).toBe(true);
          // The lead department reads it too, and the timeline says it arrived.
          expect((await download(c.department, d.id, attachment.id)).rawPayload.equals(PNG)).toBe(true);
          const mine = await read(c.enterprise, d.id);
          expect(mine.attachments.map((a) => a.id)).toContain(attachment.id);
          expect(mine.timeline.at(-1)).toMatchObject({ kind: 'attachment_added', data: { attachmentId: attachment.id, fileName: '现场照片.png' } });

          ok<Attachment>(await upload(c.department, d.id, PDF, '答复意见.pdf'));
          expect((await read(c.enterprise, d.id)).attachments.map((a) => a.contentType)).toEqual(['image/png', 'application/pdf']);
        });

        it('refuses an executable and a file whose bytes do not match its extension (415), keeping nothing', async () => {
          const before = await read(c.coordinator, d.id);
          const exe = await upload(c.enterprise, d.id, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'setup.exe');
          expect(exe.statusCode).toBe(415);
          expect(errorOf(exe).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
          expect(errorFields(exe)).toEqual(['file']);
          const fakePdf = await upload(c.enterprise, d.id, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), '说明.pdf');
          expect(fakePdf.statusCode).toBe(415);
          expect(errorOf(fakePdf).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
          const pngAsPdf = await upload(c.enterprise, d.id, PNG, '扫描件.pdf');
          expect(pngAsPdf.statusCode).toBe(415);
          const after = await read(c.coordinator, d.id);
          expect(after.attachments).toEqual(before.attachments);
          expect(after.timeline).toHaveLength(before.timeline.length);
        });

        it("answers 404 to another enterprise's user, for the demand and for its files", async () => {
          const attachment = ok<Attachment>(await upload(c.enterprise, d.id, PNG, 'photo.png'));
          const res = await download(stranger, d.id, attachment.id);
          expect(res.statusCode).toBe(404);
          expect(errorOf(res).code).toBe('NOT_FOUND');
          expect((await stranger({ url: `/api/demands/${d.id}` })).statusCode).toBe(404);
          expect((await upload(stranger, d.id, PNG, 'mine.png')).statusCode).toBe(404);
          // An attachment id under the wrong demand is not found either.
          const other = await submit(c, { title: '另一条诉求' });
          expect((await download(c.enterprise, other.id, attachment.id)).statusCode).toBe(404);
        });

        it('hides an internal attachment from the enterprise; the enterprise cannot mark its own internal', async () => {
          const internal = ok<Attachment>(await upload(c.coordinator, d.id, PDF, '内部会商纪要.pdf', { internal: 'true' }));
          expect(internal.internal).toBe(true);
          expect((await read(c.coordinator, d.id)).attachments.find((a) => a.id === internal.id)).toBeDefined();
          expect((await download(c.department, d.id, internal.id)).statusCode).toBe(200);

          const mine = await c.enterprise({ url: `/api/demands/${d.id}` });
          expect((mine.json() as DemandDetail).attachments.map((a) => a.id)).not.toContain(internal.id);
          expect(mine.body).not.toContain('内部会商纪要');
          expect(kinds(mine.json() as DemandDetail).filter((k) => k === 'attachment_added').length)
            .toBe((await read(c.coordinator, d.id)).timeline.filter((e) => e.kind === 'attachment_added' && !e.internal).length);
          expect((await download(c.enterprise, d.id, internal.id)).statusCode).toBe(404);

          const fromEnterprise = ok<Attachment>(await upload(c.enterprise, d.id, PNG, 'also.png', { internal: 'true' }));
          expect(fromEnterprise.internal).toBe(false);
        });

        it('refuses an upload to a closed demand (409) and a request that is not multipart (400)', async () => {
          const done = await inProgress(c);
          ok(await c.department({ method: 'POST', url: `/api/demands/${done.id}/settle`, payload: { answer: '已办结答复内容。' } }));
          ok(await c.enterprise({ method: 'POST', url: `/api/demands/${done.id}/confirm`, payload: { resolved: true, satisfaction: 'satisfied' } }));
          const closed = await upload(c.enterprise, done.id, PNG, 'late.png');
          expect(closed.statusCode).toBe(409);
          expect(errorOf(closed).code).toBe('DEMAND_STATE_CONFLICT');
          const json = await c.enterprise({ method: 'POST', url: `/api/demands/${d.id}/attachments`, payload: { file: 'x' } });
          expect(json.statusCode).toBe(400);
          expect(errorFields(json)).toEqual(['file']);
        });
      });
    });
  });
}
