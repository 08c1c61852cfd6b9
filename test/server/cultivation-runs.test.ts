import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { PageOf } from '../../src/contracts/common.js';
import type { ResultDetail, ResultItem, RunSummary } from '../../src/contracts/cultivation.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import type { CultivationScheme } from '../../src/domain/cultivation/cultivation-evaluation.js';
import { evaluateCultivation, rulesFor } from '../../src/domain/cultivation/evaluate-cultivation.js';
import { placeInPipeline } from '../../src/domain/cultivation/place-in-pipeline.js';
import { cultivationConfigOf } from '../../src/domain/cultivation/resolve-cultivation-settings.js';
import { runDueJobs, scheduleJob } from '../../src/server/platform/jobs.js';
import { JOB_HANDLERS } from '../../src/server/platform/job-handlers.js';
import { listJobs } from '../../src/server/platform/jobs.repository.js';
import { inTransaction } from '../../src/server/platform/transaction.js';
import { findZoneByCode } from '../../src/server/zone/zone.repository.js';
import { findUserByUsername } from '../../src/server/identity/identity.repository.js';
import { zoneCultivationSettings } from '../../src/server/cultivation/cultivation-settings.service.js';
import { countZoneEnterprises, loadProfileSources, profileFromSources, profileSourceOptions } from '../../src/server/cultivation/cultivation-profile-source.repository.js';
import { createRun } from '../../src/server/cultivation/cultivation-runs.service.js';
import { RUN_PAGE_KIND } from '../../src/server/cultivation/cultivation-run-job.js';
import { listBandRowsAfter, type ResultCursor } from '../../src/server/cultivation/cultivation-runs.repository.js';
import { auditEntries, backends, errorOf, signIn, startTestApp, type TestApp } from './harness.js';
import { caller, ok, type Api } from './demand-fixtures.js';

type FieldDetail = { field: string; reason: string; message: string };
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).details as FieldDetail[] | undefined) ?? [];

/** 2号 专精特新 on this date: the demo zone has qualified, close and far enterprises. */
const SCHEME: CultivationScheme = 'specialised-sme';
const ON = '2026-11-01';

for (const backend of backends()) {
  describe(`cultivation runs [${backend.name}]`, () => {
    let t: TestApp;
    let zoneId: string;
    let industry: Api;
    let admin: Api;
    let leader: Api;
    let coordinator: Api;
    let enterprise: Api;
    let department: Api;
    let cadre: Api;
    let officer: Actor;
    let run: RunSummary;

    /** Runs every due job until none is left (the run's pages chain one after another). */
    async function drain(): Promise<void> {
      for (let i = 0; i < 100; i++) if ((await runDueJobs(t.ctx, JOB_HANDLERS)).ran === 0) return;
      throw new Error('jobs never drained');
    }
    const getRun = async (id: string) => ok<RunSummary>(await industry({ url: `/api/cultivation/runs/${id}` }));
    const results = async (id: string, query = '') => ok<PageOf<ResultItem>>(await industry({ url: `/api/cultivation/runs/${id}/results?${query}` }));
    async function allResults(id: string): Promise<ResultItem[]> {
      const out: ResultItem[] = [];
      for (let page = 1; ; page++) {
        const p = await results(id, `pageSize=200&page=${page}`);
        out.push(...p.items);
        if (out.length >= p.total || p.items.length === 0) return out;
      }
    }

    beforeAll(async () => {
      t = await startTestApp(backend);
      industry = await caller(t, 'industry');
      admin = await caller(t, 'admin');
      leader = await caller(t, 'leader');
      coordinator = await caller(t, 'coordinator');
      enterprise = await caller(t, 'enterprise');
      department = await caller(t, 'department');
      cadre = await caller(t, 'cadre');
      zoneId = (await findZoneByCode(t.ctx.db, 'demo'))!.id;
      const user = (await findUserByUsername(t.ctx.db, zoneId, 'industry'))!;
      officer = { zoneId, userId: user.id, username: 'industry', displayName: user.displayName, roles: ['industry'], departmentId: user.departmentId, enterpriseId: null };
      run = ok<RunSummary>(await industry({ method: 'POST', url: '/api/cultivation/runs', payload: { scheme: SCHEME, on: ON } }));
      await drain();
    });
    afterAll(async () => t?.close());

    describe('POST /api/cultivation/runs and the job', () => {
      it('queues the run with the rules of the date and the zone\'s margin, for every enterprise of the zone', async () => {
        const fresh = ok<RunSummary>(await industry({ method: 'POST', url: '/api/cultivation/runs', payload: { scheme: 'innovative-sme', on: '2025-09-01', purpose: 'review' } }));
        const settings = await zoneCultivationSettings(t.ctx.db, zoneId);
        expect(fresh).toMatchObject({
          status: 'queued', scheme: 'innovative-sme', purpose: 'review', evaluationOn: '2025-09-01', processed: 0,
          total: await countZoneEnterprises(t.ctx.db, zoneId), closeWithin: settings.closeWithinPoints, startedByName: '郑思远',
          rulesVersion: rulesFor('innovative-sme', '2025-09-01').definition.rulesVersion,
        });
        expect(run.closeWithin).toBe(settings.closeWithinConditions); // 2号 专精特新: conditions only
        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'cultivation_run', entityId: fresh.id });
        expect(audit.map((a) => a.action)).toEqual(['cultivation_run.created']);
        await drain();
      });

      it('ends done, every enterprise processed, the bands adding up to the total', async () => {
        const done = await getRun(run.id);
        const total = await countZoneEnterprises(t.ctx.db, zoneId);
        expect(done).toMatchObject({ status: 'done', total, processed: total, error: null });
        expect(done.qualifiedCount + done.closeCount + done.farCount + done.incompleteCount).toBe(total);
        expect(done.finishedAt).not.toBeNull();
        // the demo zone has enterprises in several bands for this run (what the other tests rely on)
        expect(done.closeCount).toBeGreaterThan(3);
        expect(done.farCount).toBeGreaterThan(0);
      });

      it('gives each enterprise what evaluateCultivation gives on the profile built for it', async () => {
        const items = await allResults(run.id);
        const ids = items.map((i) => i.enterpriseId);
        expect(new Set(ids).size).toBe(await countZoneEnterprises(t.ctx.db, zoneId));
        const settings = await zoneCultivationSettings(t.ctx.db, zoneId);
        const config = cultivationConfigOf(settings);
        const sources = await loadProfileSources(t.ctx.db, zoneId, ids, profileSourceOptions(ON));
        const byId = new Map(items.map((i) => [i.enterpriseId, i]));
        const { passMark } = rulesFor(SCHEME, ON, 'new', config).definition;
        for (const s of sources) {
          const expected = evaluateCultivation(SCHEME, profileFromSources(s, ON), { on: ON, config });
          const place = placeInPipeline(expected, { passMark }, settings);
          expect(byId.get(s.enterprise.id), s.enterprise.name).toMatchObject({
            pipeline: place.pipeline, qualified: expected.qualified, outcome: expected.outcome, route: expected.route, total: expected.total, shortBy: place.shortBy,
          });
        }
        // the stored evaluation itself, for a few of them
        for (const s of sources.slice(0, 5)) {
          const detail = ok<ResultDetail>(await leader({ url: `/api/cultivation/runs/${run.id}/results/${s.enterprise.id}` }));
          const expected = evaluateCultivation(SCHEME, profileFromSources(s, ON), { on: ON, config });
          expect(detail.evaluation).toMatchObject(JSON.parse(JSON.stringify(expected)) as object);
          expect(detail.enterpriseName).toBe(s.enterprise.name);
        }
      });

      it('shows progress page by page, and resumes after a crash without writing anything twice', async () => {
        const paged = await createRun(t.ctx, officer, { scheme: 'innovative-sme', on: ON }, { pageSize: 40 });
        const total = paged.total;
        expect(total).toBeGreaterThan(120);
        await runDueJobs(t.ctx, JOB_HANDLERS, 1);
        expect(await getRun(paged.id)).toMatchObject({ status: 'running', processed: 40 });
        expect((await results(paged.id)).total).toBe(40);
        await runDueJobs(t.ctx, JOB_HANDLERS, 1);
        expect((await getRun(paged.id)).processed).toBe(80);

        // The process dies in the middle of the third page: its transaction never commits.
        const pending = (await listJobs(t.ctx.db, zoneId, RUN_PAGE_KIND)).find((j) => j.state === 'pending' && (j.payload as { runId: string }).runId === paged.id)!;
        await expect(inTransaction(t.ctx.db, async (tx) => {
          await JOB_HANDLERS[RUN_PAGE_KIND]!(t.ctx, tx, pending);
          throw new Error('crash');
        })).rejects.toThrow('crash');
        expect(await getRun(paged.id)).toMatchObject({ status: 'running', processed: 80 });

        await drain();
        const done = await getRun(paged.id);
        expect(done).toMatchObject({ status: 'done', processed: total, total });
        const items = await allResults(paged.id);
        expect(items).toHaveLength(total);
        expect(new Set(items.map((i) => i.enterpriseId)).size).toBe(total);

        // A page job that turns up again after the run is done changes nothing.
        await inTransaction(t.ctx.db, (tx) => scheduleJob(tx, { zoneId, kind: RUN_PAGE_KIND, key: `${paged.id}:again`, runAt: new Date(0), payload: pending.payload as Record<string, unknown> }));
        await drain();
        expect(await getRun(paged.id)).toEqual(done);
        expect((await results(paged.id)).total).toBe(total);
      });

      it('ends failed, with the error and no result, when a page cannot be evaluated', async () => {
        const broken = await createRun(t.ctx, officer, { scheme: 'innovative-sme', on: ON });
        const job = (await listJobs(t.ctx.db, zoneId, RUN_PAGE_KIND)).find((j) => j.state === 'pending' && (j.payload as { runId: string }).runId === broken.id)!;
        // settings that cannot be read: the page throws inside its savepoint
        await inTransaction(t.ctx.db, (tx) => JOB_HANDLERS[RUN_PAGE_KIND]!(t.ctx, tx, { ...job, payload: { ...(job.payload as Record<string, unknown>), settings: null } }));
        const failed = await getRun(broken.id);
        expect(failed).toMatchObject({ status: 'failed', processed: 0 });
        expect(failed.error).toBeTruthy();
        expect(failed.finishedAt).not.toBeNull();
        expect((await results(broken.id)).total).toBe(0);
        // the job itself, when the worker gets to it, finds the run ended and leaves it so
        await drain();
        expect(await getRun(broken.id)).toEqual(failed);
      });

      it('refuses a date before the 2022 rules, naming the field', async () => {
        const res = await industry({ method: 'POST', url: '/api/cultivation/runs', payload: { scheme: SCHEME, on: '2022-05-31' } });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res).map((f) => f.field)).toEqual(['on']);
      });

      it('lists the runs newest first, filtered by tier', async () => {
        const all = ok<PageOf<RunSummary>>(await coordinator({ url: '/api/cultivation/runs' }));
        expect(all.total).toBeGreaterThanOrEqual(3);
        const created = all.items.map((r) => r.createdAt);
        expect([...created].sort().reverse()).toEqual(created);
        const only = ok<PageOf<RunSummary>>(await leader({ url: `/api/cultivation/runs?scheme=${SCHEME}` }));
        expect(only.items.map((r) => r.id)).toEqual([run.id]);
      });
    });

    describe('GET /api/cultivation/runs/:id/results', () => {
      it('filters by band and pages, the nearest to qualifying first', async () => {
        const done = await getRun(run.id);
        const first = await results(run.id, 'pipeline=close&pageSize=3&page=1');
        const second = await results(run.id, 'pipeline=close&pageSize=3&page=2');
        expect(first.total).toBe(done.closeCount);
        expect(first.items).toHaveLength(3);
        expect([...first.items, ...second.items].every((i) => i.pipeline === 'close')).toBe(true);
        expect(new Set([...first.items, ...second.items].map((i) => i.enterpriseId)).size).toBe(first.items.length + second.items.length);
        const all = await results(run.id, 'pipeline=close&pageSize=200');
        const shortBys = all.items.map((i) => i.shortBy ?? Infinity);
        expect([...shortBys].sort((a, b) => a - b)).toEqual(shortBys);
        expect((await results(run.id, 'pipeline=far')).total).toBe(done.farCount);
        expect((await results(run.id, 'pipeline=qualified')).total).toBe(done.qualifiedCount);
      });

      it('puts the gaps in words, in the reader\'s language', async () => {
        const close = (await results(run.id, 'pipeline=close&pageSize=1')).items[0]!;
        expect(close.gaps.length).toBeGreaterThan(0);
        expect(close.gaps.join('')).toMatch(/[\u4e00-\u9fff]/);
        const en = ok<PageOf<ResultItem>>(await industry({ url: `/api/cultivation/runs/${run.id}/results?pipeline=close&pageSize=1`, headers: { 'x-yiqi-lang': 'en' } })).items[0]!;
        expect(en.enterpriseId).toBe(close.enterpriseId);
        expect(en.gaps).toHaveLength(close.gaps.length);
        expect(en.gaps).not.toEqual(close.gaps);
      });

      it('searches by enterprise name or code', async () => {
        const some = (await results(run.id, 'pageSize=1')).items[0]!;
        const byName = await results(run.id, `q=${encodeURIComponent(some.enterpriseName)}`);
        expect(byName.items.map((i) => i.enterpriseId)).toContain(some.enterpriseId);
        expect(byName.items.every((i) => i.enterpriseName.includes(some.enterpriseName))).toBe(true);
        const byCode = await results(run.id, `q=${some.uscc}`);
        expect(byCode.items.map((i) => i.enterpriseId)).toEqual([some.enterpriseId]);
      });

      it('answers not found for an enterprise not in the run, or a run that does not exist', async () => {
        const other = '00000000-0000-4000-8000-000000000000';
        expect((await industry({ url: `/api/cultivation/runs/${run.id}/results/${other}` })).statusCode).toBe(404);
        expect((await industry({ url: `/api/cultivation/runs/${other}` })).statusCode).toBe(404);
        expect((await industry({ url: `/api/cultivation/runs/${other}/results` })).statusCode).toBe(404);
      });
    });

    describe('GET /api/cultivation/runs/:id/export.xlsx', () => {
      async function workbookOf(res: LightMyRequestResponse) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toContain('spreadsheetml');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        return wb;
      }

      it('writes one row per enterprise under Chinese headers, the list\'s order and words', async () => {
        const done = await getRun(run.id);
        const wb = await workbookOf(await coordinator({ url: `/api/cultivation/runs/${run.id}/export.xlsx` }));
        const sheet = wb.getWorksheet('批量评价结果')!;
        const headers = (sheet.getRow(1).values as unknown[]).slice(1);
        expect(headers).toEqual(expect.arrayContaining(['企业名称', '统一社会信用代码', '梯队', '评价结论', '差距与改进方向', '缺少的信息']));
        expect(sheet.rowCount - 1).toBe(done.total);
        const column = (name: string) => headers.indexOf(name) + 1;
        const names = new Set<string>();
        sheet.eachRow((row, n) => {
          if (n > 1) names.add(String(row.getCell(column('企业名称')).value));
        });
        expect(names.size).toBe(done.total);
        const list = (await results(run.id, 'pageSize=5')).items;
        list.forEach((item, k) => {
          const row = sheet.getRow(k + 2);
          expect(row.getCell(column('企业名称')).value).toBe(item.enterpriseName);
          expect(row.getCell(column('差距与改进方向')).value ?? '').toBe(item.gaps.join('\n'));
        });
        expect(wb.getWorksheet('说明')).toBeDefined();
      });

      it('pages through a band after a cursor in the list\'s order (how the export reads 100,000 rows)', async () => {
        for (const band of ['close', 'far'] as const) {
          const listed = (await results(run.id, `pipeline=${band}&pageSize=200`)).items.map((i) => i.enterpriseId);
          const paged: string[] = [];
          let after: ResultCursor | null = null;
          for (;;) {
            const rows = await listBandRowsAfter(t.ctx.db, zoneId, run.id, band, { after, limit: 7 });
            paged.push(...rows.map((r) => r.enterpriseId));
            if (rows.length < 7) break;
            const last = rows.at(-1)!;
            after = { shortBy: last.shortBy, name: last.enterpriseName, enterpriseId: last.enterpriseId };
          }
          expect(paged).toEqual(listed);
        }
      });

      it('exports the current filter only', async () => {
        const done = await getRun(run.id);
        const wb = await workbookOf(await industry({ url: `/api/cultivation/runs/${run.id}/export.xlsx?pipeline=close` }));
        const sheet = wb.getWorksheet('批量评价结果')!;
        expect(sheet.rowCount - 1).toBe(done.closeCount);
        const band = (sheet.getRow(1).values as unknown[]).indexOf('梯队');
        for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(band).value).toBe('临近');
      });
    });

    describe('POST /api/cultivation/runs/:id/notify', () => {
      let closeIds: string[];
      let farId: string;
      let closeUser: Api;
      let farUser: Api;

      beforeAll(async () => {
        closeIds = (await results(run.id, 'pipeline=close&pageSize=200')).items.map((i) => i.enterpriseId);
        farId = (await results(run.id, 'pipeline=far&pageSize=1')).items[0]!.enterpriseId;
        for (const [username, enterpriseId] of [['close-user', closeIds[0]!], ['far-user', farId]] as const) {
          ok(await admin({ method: 'POST', url: '/api/users', payload: { username, displayName: username, password: 'secret-pass-1', roles: ['enterprise'], enterpriseId } }));
        }
        closeUser = await caller(t, 'close-user', 'secret-pass-1');
        farUser = await caller(t, 'far-user', 'secret-pass-1');
      });
      const closeNotices = async (api: Api) =>
        ok<{ items: { kind: string; entityId: string }[] }>(await api({ url: '/api/notifications?pageSize=100' })).items.filter((n) => n.kind === 'cultivation.close');

      it('is refused to those who may only read (403), and while the run is not done (409)', async () => {
        expect((await leader({ method: 'POST', url: `/api/cultivation/runs/${run.id}/notify`, payload: {} })).statusCode).toBe(403);
        const queued = ok<RunSummary>(await industry({ method: 'POST', url: '/api/cultivation/runs', payload: { scheme: SCHEME, on: ON } }));
        expect((await industry({ method: 'POST', url: `/api/cultivation/runs/${queued.id}/notify`, payload: {} })).statusCode).toBe(409);
        await drain();
      });

      it('notifies the close enterprises only, once', async () => {
        const res = ok<{ notified: number; enterprises: number }>(await industry({ method: 'POST', url: `/api/cultivation/runs/${run.id}/notify`, payload: {} }));
        expect(res.enterprises).toBe(closeIds.length);
        expect(res.notified).toBeGreaterThanOrEqual(1);
        const notices = await closeNotices(closeUser);
        expect(notices).toHaveLength(1);
        expect(notices[0]!.entityId).toBe(run.id);
        expect(await closeNotices(farUser)).toHaveLength(0);
        const listed = await results(run.id, 'pageSize=200');
        for (const item of listed.items) expect(item.notifiedAt !== null, item.enterpriseName).toBe(item.pipeline === 'close');
        // pressed again: nothing more
        expect(ok(await industry({ method: 'POST', url: `/api/cultivation/runs/${run.id}/notify`, payload: {} }))).toEqual({ notified: 0, enterprises: 0 });
        expect(await closeNotices(closeUser)).toHaveLength(1);
        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'cultivation_run', entityId: run.id, action: 'cultivation_run.notified' });
        expect(audit).toHaveLength(1);
      });

      it('notifies named close enterprises again when asked explicitly', async () => {
        const res = ok<{ notified: number; enterprises: number }>(await industry({ method: 'POST', url: `/api/cultivation/runs/${run.id}/notify`, payload: { enterpriseIds: [closeIds[0]] } }));
        expect(res).toEqual({ notified: 1, enterprises: 1 });
        expect(await closeNotices(closeUser)).toHaveLength(2);
      });

      it('refuses an enterprise that is not close, naming it, and sends nothing', async () => {
        const res = await industry({ method: 'POST', url: `/api/cultivation/runs/${run.id}/notify`, payload: { enterpriseIds: [closeIds[0], farId] } });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)[0]).toMatchObject({ field: 'enterpriseIds' });
        expect(fieldsOf(res)[0]!.message).toContain(farId);
        expect(await closeNotices(closeUser)).toHaveLength(2);
        expect(await closeNotices(farUser)).toHaveLength(0);
      });
    });

    describe('who may', () => {
      it.each([['enterprise'], ['department'], ['cadre']])('refuses %s users everything (403)', async (who) => {
        const api = { enterprise, department, cadre }[who as 'enterprise' | 'department' | 'cadre'];
        for (const call of [
          { url: '/api/cultivation/runs' },
          { url: `/api/cultivation/runs/${run.id}` },
          { url: `/api/cultivation/runs/${run.id}/results` },
          { url: `/api/cultivation/runs/${run.id}/export.xlsx` },
          { method: 'POST' as const, url: '/api/cultivation/runs', payload: { scheme: SCHEME, on: ON } },
          { method: 'POST' as const, url: `/api/cultivation/runs/${run.id}/notify`, payload: {} },
        ]) {
          expect((await api(call)).statusCode, `${who} ${call.url}`).toBe(403);
        }
      });

      it('lets leaders and the coordinator read but not start a run (403)', async () => {
        for (const api of [leader, coordinator]) {
          expect((await api({ url: `/api/cultivation/runs/${run.id}/results` })).statusCode).toBe(200);
          expect((await api({ method: 'POST', url: '/api/cultivation/runs', payload: { scheme: SCHEME, on: ON } })).statusCode).toBe(403);
        }
      });

      it('lets the administrator start one', async () => {
        ok(await admin({ method: 'POST', url: '/api/cultivation/runs', payload: { scheme: 'little-giant', on: ON } }));
        await drain();
      });
    });
  });
}
