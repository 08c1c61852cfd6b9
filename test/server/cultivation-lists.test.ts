import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { PageOf } from '../../src/contracts/common.js';
import type { Counts, ListDetail, ListSummary } from '../../src/contracts/cultivation.js';
import { addDays } from '../../src/domain/calendar/index.js';
import { runDueJobs } from '../../src/server/platform/jobs.js';
import { JOB_HANDLERS } from '../../src/server/platform/job-handlers.js';
import { inTransaction } from '../../src/server/platform/transaction.js';
import { findZoneByCode } from '../../src/server/zone/zone.repository.js';
import { sendCultivationReminders } from '../../src/server/cultivation/cultivation-reminders.job.js';
import { auditEntries, backends, errorOf, signIn, startTestApp, type TestApp } from './harness.js';
import { at, caller, ok, type Api } from './demand-fixtures.js';

type FieldDetail = { field: string; reason: string; message: string };
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).details as FieldDetail[] | undefined) ?? [];
type Qualification = { id: string; kind: string; name: string | null; certificateNo: string | null; validFrom: string; validUntil: string | null };
type EnterpriseDetail = { id: string; name: string; qualifications: Qualification[] };

const TIERS = ['innovative-sme', 'specialised-sme', 'little-giant'];
const TODAY = '2026-11-27';

for (const backend of backends()) {
  describe(`cultivation lists and counts [${backend.name}]`, () => {
    let t: TestApp;
    let zoneId: string;
    let industry: Api;
    let admin: Api;
    let leader: Api;
    let coordinator: Api;
    let enterprise: Api;
    let department: Api;
    /** Enterprises of the demo zone holding no title of the three tiers, for the tests to give them some. */
    let free: { id: string; name: string }[];
    let next = 0;
    const take = () => free[next++]!;

    const enterpriseOf = async (id: string) => ok<EnterpriseDetail>(await admin({ url: `/api/enterprises/${id}` }));
    const tierTitles = async (id: string) => (await enterpriseOf(id)).qualifications.filter((q) => TIERS.includes(q.kind));
    const create = (body: Record<string, unknown>) => industry({ method: 'POST', url: '/api/cultivation/lists', payload: body });
    const listsNamed = async (name: string) => ok<PageOf<ListSummary>>(await industry({ url: `/api/cultivation/lists?q=${encodeURIComponent(name)}` }));
    async function drain(): Promise<void> {
      for (let i = 0; i < 50; i++) if ((await runDueJobs(t.ctx, JOB_HANDLERS)).ran === 0) return;
    }

    beforeAll(async () => {
      t = await startTestApp(backend);
      t.clock.set(at(TODAY));
      industry = await caller(t, 'industry');
      admin = await caller(t, 'admin');
      leader = await caller(t, 'leader');
      coordinator = await caller(t, 'coordinator');
      enterprise = await caller(t, 'enterprise');
      department = await caller(t, 'department');
      zoneId = (await findZoneByCode(t.ctx.db, 'demo'))!.id;
      const page = ok<{ items: { id: string; name: string }[] }>(await admin({ url: '/api/enterprises?pageSize=120&sort=name' }));
      free = [];
      for (const e of page.items) {
        if (free.length >= 15) break;
        if ((await tierTitles(e.id)).length === 0) free.push(e);
      }
      expect(free).toHaveLength(15);
    });
    afterAll(async () => t?.close());

    describe('PATCH /api/enterprises/:id with qualifications, for an enterprise on a list', () => {
      it('keeps the title the list gave (once) and saves the form\'s other titles', async () => {
        const e = take();
        const list = ok<ListDetail>(await create({ scheme: 'innovative-sme', name: '名单与企业档案编辑测试名单', publishedOn: '2025-06-30', enterpriseIds: [e.id] }));
        const before = (await enterpriseOf(e.id)).qualifications;
        // The enterprise form sends every title back, the list's included, plus a new one.
        const form = [
          ...before.map(({ kind, name, certificateNo, validFrom, validUntil }) => ({ kind, name, certificateNo, validFrom, validUntil })),
          { kind: 'high-tech', name: null, certificateNo: 'GR202536009999', validFrom: '2025-12-01', validUntil: '2028-11-30' },
        ];
        const res = await admin({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { qualifications: form } });
        expect(res.statusCode, res.body).toBe(200);
        const after = (await enterpriseOf(e.id)).qualifications;
        expect(after.filter((q) => q.kind === 'innovative-sme')).toEqual([expect.objectContaining({ id: list.entries[0]!.qualificationId })]);
        expect(after.filter((q) => q.kind === 'high-tech').map((q) => q.certificateNo)).toContain('GR202536009999');
        // Leaving the list's title out of the form does not remove it: the list does.
        const without = form.filter((q) => q.kind !== 'innovative-sme');
        expect((await admin({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { qualifications: without } })).statusCode).toBe(200);
        expect((await tierTitles(e.id)).map((q) => q.id)).toEqual([list.entries[0]!.qualificationId]);
      });
    });

    describe('POST /api/cultivation/lists', () => {
      it('records the list and gives each enterprise the tier\'s title for three years, audited', async () => {
        const [a, b] = [take(), take()];
        const list = ok<ListDetail>(await create({
          scheme: 'innovative-sme', name: '2025年第二批创新型中小企业评价名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2025〕150号',
          publishedOn: '2025-10-31', enterpriseIds: [a.id, b.id],
        }));
        expect(list).toMatchObject({ scheme: 'innovative-sme', publishedOn: '2025-10-31', validUntil: '2028-10-30', entryCount: 2 });
        expect(list.entries.map((e) => e.enterpriseId).sort()).toEqual([a.id, b.id].sort());
        for (const e of [a, b]) {
          const [title] = await tierTitles(e.id);
          expect(title).toMatchObject({ kind: 'innovative-sme', name: list.name, certificateNo: '赣工信企业字〔2025〕150号', validFrom: '2025-10-31', validUntil: '2028-10-30' });
          expect(list.entries.find((x) => x.enterpriseId === e.id)).toMatchObject({ qualificationId: title!.id, validFrom: '2025-10-31', validUntil: '2028-10-30', enterpriseName: e.name });
        }
        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'cultivation_list', entityId: list.id });
        expect(audit.map((x) => x.action)).toEqual(['cultivation_list.created']);
        expect(ok<ListDetail>(await leader({ url: `/api/cultivation/lists/${list.id}` })).entries).toHaveLength(2);
      });

      it('refuses unknown enterprises, naming them, and writes nothing', async () => {
        const a = take();
        const unknown = '00000000-0000-4000-8000-00000000abcd';
        const res = await create({ scheme: 'specialised-sme', name: '未知企业名单', publishedOn: '2025-12-01', enterpriseIds: [a.id, unknown] });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual([expect.objectContaining({ field: 'enterpriseIds', reason: 'cultivation-list-enterprise-unknown' })]);
        expect(fieldsOf(res)[0]!.message).toContain(unknown);
        expect((await listsNamed('未知企业名单')).total).toBe(0);
        expect(await tierTitles(a.id)).toEqual([]);
        next--; // `a` is still free
      });

      it('refuses an enterprise named twice, and a name the zone has already', async () => {
        const a = take();
        const twice = await create({ scheme: 'specialised-sme', name: '重复企业名单', publishedOn: '2025-12-01', enterpriseIds: [a.id, a.id] });
        expect(twice.statusCode).toBe(400);
        expect(fieldsOf(twice)[0]).toMatchObject({ field: 'enterpriseIds', reason: 'cultivation-list-enterprise-twice' });
        expect(fieldsOf(twice)[0]!.message).toContain(a.name);
        expect(await tierTitles(a.id)).toEqual([]);
        ok(await create({ scheme: 'specialised-sme', name: '同名名单', publishedOn: '2025-12-01' }));
        const same = await create({ scheme: 'little-giant', name: '同名名单', publishedOn: '2025-12-02' });
        expect(same.statusCode).toBe(400);
        expect(fieldsOf(same).map((f) => f.field)).toEqual(['name']);
        next--;
      });
    });

    describe('entries, changes and deletion', () => {
      let list: ListDetail;
      let a: { id: string; name: string };
      let b: { id: string; name: string };
      let c: { id: string; name: string };
      beforeAll(async () => {
        [a, b, c] = [take(), take(), take()];
        list = ok<ListDetail>(await create({ scheme: 'specialised-sme', name: '2024年专精特新中小企业名单（第二批）', documentNo: '赣工信企业字〔2024〕300号', publishedOn: '2024-12-20', enterpriseIds: [a.id] }));
      });

      it('adds enterprises, each with its title', async () => {
        const after = ok<ListDetail>(await industry({ method: 'POST', url: `/api/cultivation/lists/${list.id}/entries`, payload: { enterpriseIds: [b.id] } }));
        expect(after.entryCount).toBe(2);
        expect(await tierTitles(b.id)).toEqual([expect.objectContaining({ kind: 'specialised-sme', validFrom: '2024-12-20', validUntil: '2027-12-19' })]);
      });

      it('refuses an enterprise already on the list, naming it, and adds none of the others', async () => {
        const res = await industry({ method: 'POST', url: `/api/cultivation/lists/${list.id}/entries`, payload: { enterpriseIds: [c.id, a.id] } });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)[0]).toMatchObject({ field: 'enterpriseIds', reason: 'cultivation-list-enterprise-listed' });
        expect(fieldsOf(res)[0]!.message).toContain(a.name);
        expect(ok<ListDetail>(await industry({ url: `/api/cultivation/lists/${list.id}` })).entryCount).toBe(2);
        expect(await tierTitles(c.id)).toEqual([]);
        expect(await tierTitles(a.id)).toHaveLength(1);
      });

      it('renames the list, and its titles follow', async () => {
        const renamed = ok<ListDetail>(await industry({ method: 'PATCH', url: `/api/cultivation/lists/${list.id}`, payload: { name: '2024年专精特新中小企业名单（第二批·更正）', documentNo: '赣工信企业字〔2024〕301号' } }));
        expect(renamed).toMatchObject({ name: '2024年专精特新中小企业名单（第二批·更正）', documentNo: '赣工信企业字〔2024〕301号' });
        for (const e of [a, b]) expect((await tierTitles(e.id))[0]).toMatchObject({ name: renamed.name, certificateNo: '赣工信企业字〔2024〕301号' });
        const taken = await industry({ method: 'PATCH', url: `/api/cultivation/lists/${list.id}`, payload: { name: '同名名单' } });
        expect(taken.statusCode).toBe(400);
      });

      it('takes an enterprise off the list with its title', async () => {
        const after = ok<ListDetail>(await industry({ method: 'DELETE', url: `/api/cultivation/lists/${list.id}/entries/${b.id}` }));
        expect(after.entries.map((e) => e.enterpriseId)).toEqual([a.id]);
        expect(await tierTitles(b.id)).toEqual([]);
        expect((await industry({ method: 'DELETE', url: `/api/cultivation/lists/${list.id}/entries/${b.id}` })).statusCode).toBe(404);
      });

      it('deletes the list with its entries\' titles, audited', async () => {
        ok(await industry({ method: 'DELETE', url: `/api/cultivation/lists/${list.id}` }));
        expect(await tierTitles(a.id)).toEqual([]);
        expect((await industry({ url: `/api/cultivation/lists/${list.id}` })).statusCode).toBe(404);
        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'cultivation_list', entityId: list.id });
        expect(audit.map((x) => x.action)).toContain('cultivation_list.deleted');
      });

      it('lists and searches the lists, by tier and words', async () => {
        const all = ok<PageOf<ListSummary>>(await coordinator({ url: '/api/cultivation/lists?pageSize=200' }));
        expect(all.total).toBeGreaterThanOrEqual(7); // the demo's lists at least
        const dates = all.items.map((l) => l.publishedOn);
        expect([...dates].sort().reverse()).toEqual(dates);
        const giants = ok<PageOf<ListSummary>>(await coordinator({ url: '/api/cultivation/lists?scheme=little-giant&pageSize=200' }));
        expect(giants.items.every((l) => l.scheme === 'little-giant')).toBe(true);
        expect((await listsNamed('赣工信企业字〔2025〕150号')).items.map((l) => l.name)).toEqual(['2025年第二批创新型中小企业评价名单']);
      });
    });

    describe('GET /api/cultivation/counts', () => {
      it('counts by month the enterprises ever recognised and those valid at the month\'s end, renewals once', async () => {
        const q = '/api/cultivation/counts?from=2021-01-01&to=2026-12-31';
        const before = ok<Counts>(await leader({ url: q }));
        const [e1, e2] = [take(), take()];
        ok(await create({ scheme: 'little-giant', name: '2021年小巨人（测试）', publishedOn: '2021-03-15', enterpriseIds: [e1.id, e2.id] }));
        // e1 is renewed before its first title lapses (2024-03-14); the renewal ends 2027-01-19, within 90 days of today
        ok(await create({ scheme: 'little-giant', name: '2024年小巨人复核（测试）', publishedOn: '2024-01-20', enterpriseIds: [e1.id] }));
        const after = ok<Counts>(await leader({ url: q }));
        const delta = (month: string, key: 'cumulative' | 'valid') => {
          const pick = (c: Counts) => c.points.find((p) => p.month === month && p.scheme === 'little-giant')![key];
          return pick(after) - pick(before);
        };
        expect([delta('2021-02', 'cumulative'), delta('2021-02', 'valid')]).toEqual([0, 0]);
        expect([delta('2021-03', 'cumulative'), delta('2021-03', 'valid')]).toEqual([2, 2]);
        expect([delta('2024-02', 'cumulative'), delta('2024-02', 'valid')]).toEqual([2, 2]);
        expect([delta('2024-03', 'cumulative'), delta('2024-03', 'valid')]).toEqual([2, 1]);
        expect([delta('2026-11', 'cumulative'), delta('2026-11', 'valid')]).toEqual([2, 1]);
        const now = (c: Counts) => c.current.find((x) => x.scheme === 'little-giant')!;
        expect(now(after).cumulative - now(before).cumulative).toBe(2);
        expect(now(after).valid - now(before).valid).toBe(1);
        expect(now(after).expiringIn90Days - now(before).expiringIn90Days).toBe(1);
        expect(after.points.filter((p) => p.scheme === 'innovative-sme').map((p) => p.month)).toHaveLength(72);
      });

      it('has a history in the demo zone: the innovative SMEs counted since 2023', async () => {
        const counts = ok<Counts>(await industry({ url: '/api/cultivation/counts' }));
        const innovative = counts.points.filter((p) => p.scheme === 'innovative-sme');
        expect(innovative[0]!.month).toBe('2023-01');
        expect(innovative.at(-1)!.month).toBe('2026-11');
        expect(innovative.at(-1)!.cumulative).toBeGreaterThan(innovative.find((p) => p.month === '2023-06')!.cumulative);
        expect(innovative.find((p) => p.month === '2023-06')!.cumulative).toBeGreaterThan(0);
      });

      it('refuses a period that ends before it starts', async () => {
        const res = await industry({ url: '/api/cultivation/counts?from=2026-01-01&to=2025-01-01' });
        expect(res.statusCode).toBe(400);
      });
    });

    describe('reminders (daily job)', () => {
      const notices = async (api: Api, kind: string, entityId: string) =>
        ok<{ items: { kind: string; entityId: string; title: string }[] }>(await api({ url: '/api/notifications?pageSize=200' })).items.filter((n) => n.kind === kind && n.entityId === entityId);

      it('reminds of a title lapsing at 90 and at 30 days, once each, the enterprise and the officers', async () => {
        t.clock.set(at(TODAY));
        const x = take();
        ok(await admin({ method: 'POST', url: '/api/users', payload: { username: 'expiring-user', displayName: '到期企业用户', password: 'secret-pass-1', roles: ['enterprise'], enterpriseId: x.id } }));
        const user = await caller(t, 'expiring-user', 'secret-pass-1');
        // valid until 2027-01-26: 60 days after today
        ok(await create({ scheme: 'innovative-sme', name: '2024年第一批创新型中小企业评价名单（到期测试）', publishedOn: '2024-01-27', enterpriseIds: [x.id] }));
        await drain();
        expect(await notices(user, 'cultivation.expiring', x.id)).toHaveLength(1);
        expect(await notices(industry, 'cultivation.expiring_officer', x.id)).toHaveLength(1);
        // the job again, and the same day's reminders again: nothing more
        await drain();
        await inTransaction(t.ctx.db, (tx) => sendCultivationReminders(t.ctx, tx, zoneId, TODAY));
        expect(await notices(user, 'cultivation.expiring', x.id)).toHaveLength(1);

        // 27 days left: the 30-day reminder, once
        const later = addDays(TODAY, 33);
        t.clock.set(at(later));
        await drain();
        await drain();
        await inTransaction(t.ctx.db, (tx) => sendCultivationReminders(t.ctx, tx, zoneId, later));
        const both = await notices(user, 'cultivation.expiring', x.id);
        expect(both).toHaveLength(2);
        expect(both.every((n) => n.title.includes('2027-01-26'))).toBe(true);
        expect(await notices(industry, 'cultivation.expiring_officer', x.id)).toHaveLength(2);
      });

      it('does not remind of a title renewed without a break', async () => {
        t.clock.set(at(TODAY));
        const y = take();
        ok(await admin({ method: 'POST', url: '/api/users', payload: { username: 'renewed-user', displayName: '复核企业用户', password: 'secret-pass-1', roles: ['enterprise'], enterpriseId: y.id } }));
        const user = await caller(t, 'renewed-user', 'secret-pass-1');
        ok(await create({ scheme: 'specialised-sme', name: '2024年专精特新（复核测试）', publishedOn: '2024-01-27', enterpriseIds: [y.id] }));
        ok(await create({ scheme: 'specialised-sme', name: '2026年专精特新（复核测试）', publishedOn: '2026-10-15', enterpriseIds: [y.id] }));
        await inTransaction(t.ctx.db, (tx) => sendCultivationReminders(t.ctx, tx, zoneId, TODAY));
        expect(await notices(user, 'cultivation.expiring', y.id)).toHaveLength(0);
      });

      it('reminds the holders of the yearly information update 30 days before it is due, once a year', async () => {
        const z = take();
        ok(await admin({ method: 'POST', url: '/api/users', payload: { username: 'update-user', displayName: '年度更新企业用户', password: 'secret-pass-1', roles: ['enterprise'], enterpriseId: z.id } }));
        const user = await caller(t, 'update-user', 'secret-pass-1');
        ok(await create({ scheme: 'specialised-sme', name: '2026年专精特新（年度更新测试）', publishedOn: '2026-06-30', enterpriseIds: [z.id] }));
        // 2号: by 31 May; 30 April is 31 days before — nothing yet
        await inTransaction(t.ctx.db, (tx) => sendCultivationReminders(t.ctx, tx, zoneId, '2027-04-30'));
        expect(await notices(user, 'cultivation.update_due', z.id)).toHaveLength(0);
        for (const day of ['2027-05-01', '2027-05-02', '2027-05-31']) {
          await inTransaction(t.ctx.db, (tx) => sendCultivationReminders(t.ctx, tx, zoneId, day));
        }
        const sent = await notices(user, 'cultivation.update_due', z.id);
        expect(sent).toHaveLength(1);
        expect(sent[0]!.title).toContain('2027-05-31');
        await inTransaction(t.ctx.db, (tx) => sendCultivationReminders(t.ctx, tx, zoneId, '2028-05-05'));
        expect(await notices(user, 'cultivation.update_due', z.id)).toHaveLength(2);
      });
    });

    describe('who may', () => {
      it.each([['enterprise'], ['department']])('refuses %s users the lists and the counts (403)', async (who) => {
        const api = who === 'enterprise' ? enterprise : department;
        for (const call of [
          { url: '/api/cultivation/lists' },
          { url: '/api/cultivation/counts' },
          { method: 'POST' as const, url: '/api/cultivation/lists', payload: { scheme: 'innovative-sme', name: '越权名单', publishedOn: '2025-01-01' } },
        ]) {
          expect((await api(call)).statusCode, `${who} ${call.url}`).toBe(403);
        }
      });

      it('lets leaders and the coordinator read but not change (403)', async () => {
        const some = ok<PageOf<ListSummary>>(await leader({ url: '/api/cultivation/lists' })).items[0]!;
        for (const api of [leader, coordinator]) {
          expect((await api({ url: '/api/cultivation/counts' })).statusCode).toBe(200);
          expect((await api({ method: 'POST', url: '/api/cultivation/lists', payload: { scheme: 'innovative-sme', name: '越权名单', publishedOn: '2025-01-01' } })).statusCode).toBe(403);
          expect((await api({ method: 'PATCH', url: `/api/cultivation/lists/${some.id}`, payload: { note: 'x' } })).statusCode).toBe(403);
          expect((await api({ method: 'DELETE', url: `/api/cultivation/lists/${some.id}` })).statusCode).toBe(403);
        }
      });
    });
  });
}
