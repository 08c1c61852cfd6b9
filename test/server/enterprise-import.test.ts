import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { computeUsccCheckChar, USCC_ALPHABET } from '../../src/domain/enterprises/index.js';
import { ENTERPRISE_COLUMNS } from '../../src/server/enterprises/enterprises.excel.js';
import { demoEnterprises } from '../../src/server/demo/demo-data.js';
import type { EnterpriseDetail, EnterpriseSummary, ImportJob } from '../../src/contracts/enterprises.js';
import { as, auditEntries, backends, errorOf, signIn, startTestApp, type Session, type TestApp } from './harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const demo = demoEnterprises();

/** A valid USCC distinct from the demo's: '91360200MA' + 'U' + six digits + check. */
function testUscc(n: number): string {
  const first17 = `91360200MAU${String(n).padStart(6, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

type Cell = string | number | null;

/** A one-sheet workbook: a header row, then the rows. */
async function workbook(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number): string[] => {
  const values = sheet.getRow(n).values as unknown[];
  return values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
};

/** A multipart/form-data body with one file in field `file`, built by hand. */
function multipart(file: Buffer, filename: string, contentType = XLSX) {
  const boundary = `----yiqi-test-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends()) {
  describe(`enterprise import and export [${backend.name}]`, () => {
    let t: TestApp;
    let admin: Session;
    let themes: { id: string; name: string }[] = [];
    let serial = 1;
    const api = (s: Session) => as(t.app, s);
    const total = async () => ((await api(admin)({ url: '/api/enterprises?pageSize=1' })).json() as { total: number }).total;
    const findByUscc = async (uscc: string) =>
      ((await api(admin)({ url: `/api/enterprises?q=${encodeURIComponent(uscc)}` })).json() as { items: EnterpriseSummary[] }).items;

    const upload = (s: Session, file: Buffer, filename = 'x.xlsx', contentType = XLSX) => {
      const body = multipart(file, filename, contentType);
      return api(s)({ method: 'POST', url: '/api/enterprises/imports', payload: body.payload, headers: body.headers });
    };

    async function waitForJob(res: LightMyRequestResponse): Promise<ImportJob> {
      expect(res.statusCode, res.body).toBe(202);
      const { id } = res.json() as ImportJob;
      for (let i = 0; i < 1200; i++) {
        const job = (await api(admin)({ url: `/api/enterprises/imports/${id}` })).json() as ImportJob;
        if (job.status === 'succeeded' || job.status === 'failed') return job;
        await sleep(25);
      }
      throw new Error(`import ${id} did not finish`);
    }

    beforeAll(async () => {
      t = await startTestApp(backend);
      admin = await signIn(t.app, 'admin');
      themes = ((await api(admin)({ url: '/api/themes' })).json() as { items: { id: string; name: string }[] }).items;
    });
    afterAll(() => t.close());

    it('serves an import template whose header row lists the template columns and no data', async () => {
      const res = await api(admin)({ url: '/api/enterprises/import-template.xlsx' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(String(res.headers['content-disposition'])).toMatch(/attachment/);
      const sheet = await readSheet(res.rawPayload);
      expect(rowValues(sheet, 1)).toEqual(ENTERPRISE_COLUMNS.map((c) => c.header));
      expect(sheet.actualRowCount).toBe(1);
    });

    it('creates every row and reports the counts when a clean 3-row file is imported', async () => {
      const before = await total();
      expect(before).toBe(200);
      const theme = themes[0]!;
      const codes = [testUscc(serial++), testUscc(serial++), testUscc(serial++)];
      const file = await workbook(
        ['企业名称', '统一社会信用代码', '成立日期', '规上企业', '走访主题', '挂点干部', '联系人', '联系电话', '数据年度', '营业收入（元）', '从业人员（人）'],
        [
          ['景德镇导入一号有限公司', codes[0]!, '2019-03-15', '是', theme.name, '张国栋', '王一', '13800000001', 2025, 12_000_000, 80],
          ['景德镇导入二号有限公司', codes[1]!.toLowerCase(), '2020/07/01', '否', '', 'cadre2', '', '', null, null, null],
          ['景德镇导入三号有限公司', codes[2]!, null, null, null, null, null, null, null, null, null],
        ],
      );
      const job = await waitForJob(await upload(admin, file, '导入三家.xlsx'));
      expect(job).toMatchObject({ status: 'succeeded', created: 3, updated: 0, errorCount: 0, errors: [], fileName: '导入三家.xlsx' });
      expect(await total()).toBe(before + 3);

      const [first] = await findByUscc(codes[0]!);
      expect(first).toBeDefined();
      const detail = (await api(admin)({ url: `/api/enterprises/${first!.id}` })).json() as EnterpriseDetail;
      expect(detail).toMatchObject({
        name: '景德镇导入一号有限公司', foundedOn: '2019-03-15', aboveScale: true, cadreName: '张国栋', latestYear: 2025, latestRevenue: 12_000_000, latestEmployees: 80,
      });
      expect(detail.themes.map((x) => x.id)).toEqual([theme.id]);
      expect(detail.contacts).toMatchObject([{ name: '王一', phone: '13800000001', isPrimary: true }]);
      const [second] = await findByUscc(codes[1]!);
      expect(second).toMatchObject({ name: '景德镇导入二号有限公司', uscc: codes[1], cadreName: '黄文静' });

      const audit = await auditEntries(t.app, admin, { entity: 'enterprise_import', entityId: job.id });
      expect(audit.map((a) => a.action).sort()).toEqual(['enterprise_import.started', 'enterprise_import.succeeded']);
      expect((await auditEntries(t.app, admin, { entity: 'enterprise', entityId: first!.id }))[0]?.action).toBe('enterprise.created');
    });

    it('updates the existing enterprise instead of creating one when a row carries a known USCC', async () => {
      const before = await total();
      const known = demo[5]!;
      const fresh = testUscc(serial++);
      const file = await workbook(
        ['企业名称', '统一社会信用代码', '法定代表人', '行业大类代码', '成立日期', '规上企业', '注册地址', '联系人', '联系电话', '数据年度', '营业收入（元）'],
        [
          [`${known.name}（更名）`, known.uscc, '新法人', '39', '2011-11-11', '是', '高新区新厂路 1 号', '新联系人', '13900000009', 2026, 33_000_000],
          ['景德镇导入四号有限公司', fresh, null, null, null, null, null, null, null, null, null],
        ],
      );
      const job = await waitForJob(await upload(admin, file));
      expect(job).toMatchObject({ status: 'succeeded', created: 1, updated: 1 });
      expect(await total()).toBe(before + 1);
      const [row] = await findByUscc(known.uscc);
      const detail = (await api(admin)({ url: `/api/enterprises/${row!.id}` })).json() as EnterpriseDetail;
      expect(detail).toMatchObject({
        name: `${known.name}（更名）`, legalRepresentative: '新法人', industryDivision: '39', foundedOn: '2011-11-11', aboveScale: true,
        address: '高新区新厂路 1 号', latestYear: 2026, latestRevenue: 33_000_000,
      });
      // The year in the file is set; earlier years are kept.
      expect(detail.figures.map((f) => f.year)).toEqual([2026, 2025, 2024, 2023]);
      expect(detail.contacts.map((c) => c.name)).toEqual(['新联系人']);
      const audit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: row!.id, action: 'enterprise.updated' });
      expect(audit).toHaveLength(1);
    });

    it('keeps the fields of an existing enterprise whose columns are absent from the file when updating by USCC', async () => {
      const known = demo[6]!;
      const [row] = await findByUscc(known.uscc);
      const before = (await api(admin)({ url: `/api/enterprises/${row!.id}` })).json() as EnterpriseDetail;
      expect(before.legalRepresentative).not.toBeNull();
      const file = await workbook(['企业名称', '统一社会信用代码'], [[`${known.name}（只改名）`, known.uscc]]);
      const job = await waitForJob(await upload(admin, file));
      expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 1 });
      const after = (await api(admin)({ url: `/api/enterprises/${row!.id}` })).json() as EnterpriseDetail;
      expect(after.name).toBe(`${known.name}（只改名）`);
      expect(after).toMatchObject({
        legalRepresentative: before.legalRepresentative, industryDivision: before.industryDivision, industrySection: before.industrySection,
        sizeSector: before.sizeSector, address: before.address, foundedOn: before.foundedOn, aboveScale: before.aboveScale,
      });
    });

    it('imports nothing and lists every bad cell by row and column header when one file mixes good and bad rows', async () => {
      const before = await total();
      const good = testUscc(serial++);
      const other = testUscc(serial++);
      const badCheck = testUscc(serial++);
      const wrong = badCheck.slice(0, 17) + USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(badCheck.charAt(17)) + 1) % USCC_ALPHABET.length);
      const file = await workbook(
        ['企业名称', '统一社会信用代码', '成立日期', '走访主题'],
        [
          ['景德镇好行有限公司', good, '2018-01-01', themes[1]!.name],
          ['景德镇坏码有限公司', wrong, '2018-01-01', null],
          ['景德镇坏日期有限公司', other, '2026-02-30', null],
          ['景德镇坏主题有限公司', testUscc(serial++), null, '不存在的主题'],
          ['景德镇重复有限公司', good.toLowerCase(), null, null],
        ],
      );
      const job = await waitForJob(await upload(admin, file));
      expect(job.status).toBe('failed');
      expect(job.message).toBe('IMPORT_ROWS_INVALID');
      expect(job.created).toBe(0);
      expect(job.updated).toBe(0);
      const at = (row: number) => job.errors.filter((e) => e.row === row).map((e) => e.column);
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual(['统一社会信用代码']);
      expect(at(4)).toEqual(['成立日期']);
      expect(at(5)).toEqual(['走访主题']);
      expect(at(6)).toEqual(['统一社会信用代码']);
      expect(job.errors.find((e) => e.row === 6)!.message).toContain('2');
      expect(job.errors.every((e) => e.message.length > 0)).toBe(true);
      expect(job.errorCount).toBe(job.errors.length);
      expect(await total()).toBe(before);
      expect(await findByUscc(good)).toEqual([]);

      const res = await api(admin)({ url: `/api/enterprises/imports/${job.id}/errors.xlsx` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const sheet = await readSheet(res.rawPayload);
      expect(rowValues(sheet, 1)).toEqual(['行号', '列', '问题']);
      expect(sheet.actualRowCount).toBe(1 + job.errors.length);
      const listed = Array.from({ length: job.errors.length }, (_, i) => rowValues(sheet, i + 2).slice(0, 2).join(' '));
      expect(listed).toEqual(job.errors.map((e) => `${e.row} ${e.column}`));
    });

    it('sets the liaison leader (包联领导) by name or username, and lists an unknown or non-leader name as a cell error', async () => {
      const codes = [testUscc(serial++), testUscc(serial++)];
      const headers = ['企业名称', '统一社会信用代码', '包联领导'];
      const bad = await waitForJob(await upload(admin, await workbook(headers, [
        ['景德镇包联一号有限公司', codes[0]!, '王建华'],
        ['景德镇包联二号有限公司', codes[1]!, '不存在的领导'],
        ['景德镇包联三号有限公司', testUscc(serial++), '张国栋'],
      ])));
      expect(bad.status).toBe('failed');
      expect(bad.errors.map((e) => [e.row, e.column, e.reason])).toEqual([[3, '包联领导', 'leader-name-unknown'], [4, '包联领导', 'leader-name-unknown']]);
      expect(bad.errors[0]!.message).toContain('不存在的领导');

      const ok = await waitForJob(await upload(admin, await workbook(headers, [
        ['景德镇包联一号有限公司', codes[0]!, '王建华'],
        ['景德镇包联二号有限公司', codes[1]!, 'leader2'],
      ])));
      expect(ok).toMatchObject({ status: 'succeeded', created: 2 });
      expect((await findByUscc(codes[0]!))[0]).toMatchObject({ leaderName: '王建华' });
      expect((await findByUscc(codes[1]!))[0]).toMatchObject({ leaderName: '李志远' });
      // An update without the column keeps the leader.
      await waitForJob(await upload(admin, await workbook(['企业名称', '统一社会信用代码'], [['景德镇包联二号有限公司', codes[1]!]])));
      expect((await findByUscc(codes[1]!))[0]).toMatchObject({ leaderName: '李志远' });

      const exported = await api(admin)({ url: `/api/enterprises/export.xlsx?q=${encodeURIComponent('景德镇包联')}` });
      const sheet = await readSheet(exported.rawPayload);
      const leaderColumn = ENTERPRISE_COLUMNS.findIndex((c) => c.key === 'leader') + 1;
      expect(rowValues(sheet, 1)[leaderColumn - 1]).toBe('包联领导');
      expect([2, 3].map((r) => String(sheet.getRow(r).getCell(leaderColumn).value)).sort()).toEqual(['李志远', '王建华'].sort());
    });

    it('fails the job naming the missing column when a required header is absent', async () => {
      const before = await total();
      const file = await workbook(['企业名称', '成立日期'], [['景德镇无代码有限公司', '2018-01-01']]);
      const job = await waitForJob(await upload(admin, file));
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([expect.objectContaining({ row: 1, column: '统一社会信用代码' })]);
      expect(await total()).toBe(before);
    });

    it('answers 400 IMPORT_INVALID_FILE and starts no job when a text file is uploaded', async () => {
      const before = await total();
      const res = await upload(admin, Buffer.from('企业名称,统一社会信用代码\n'), 'x.txt', 'text/plain');
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('IMPORT_INVALID_FILE');
      expect(await total()).toBe(before);
    });

    it('fails the job with IMPORT_INVALID_FILE and changes nothing when x.xlsx holds random bytes', async () => {
      const before = await total();
      const job = await waitForJob(await upload(admin, randomBytes(4096)));
      expect(job.status).toBe('failed');
      expect(job.message).toBe('IMPORT_INVALID_FILE');
      expect(job.created + job.updated).toBe(0);
      expect(await total()).toBe(before);
    });

    it('answers 400 when the import request is not multipart', async () => {
      const res = await api(admin)({ method: 'POST', url: '/api/enterprises/imports', payload: { file: 'x' } });
      expect(res.statusCode).toBe(400);
    });

    it('answers 413 PAYLOAD_TOO_LARGE and starts no job when the upload is larger than the limit', async () => {
      // A second HTTP app on the same database, with a 64 KiB upload limit (the limit is fixed when the app is built).
      const small = await buildApp({ ...t.ctx, config: { ...t.ctx.config, uploadMaxBytes: 64 * 1024 } }, { logger: false, serveWeb: false });
      await small.ready();
      try {
        const before = await total();
        const jobsBefore = (await auditEntries(t.app, admin, { action: 'enterprise_import.started' })).length;
        const big = multipart(randomBytes(200 * 1024), 'big.xlsx');
        const res = await as(small, admin)({ method: 'POST', url: '/api/enterprises/imports', payload: big.payload, headers: big.headers });
        expect(res.statusCode).toBe(413);
        expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
        expect(await total()).toBe(before);
        expect((await auditEntries(t.app, admin, { action: 'enterprise_import.started' })).length).toBe(jobsBefore);
        // A file under the limit still goes through on that app.
        const ok = multipart(await workbook(['企业名称', '统一社会信用代码'], [['景德镇小文件有限公司', testUscc(serial++)]]), 'small.xlsx');
        const accepted = await as(small, admin)({ method: 'POST', url: '/api/enterprises/imports', payload: ok.payload, headers: ok.headers });
        expect((await waitForJob(accepted)).status).toBe('succeeded');
      } finally {
        await small.close();
      }
    });

    it('answers 403 when a department user uploads an import, and 404 when it reads a job', async () => {
      const department = await signIn(t.app, 'department');
      const before = await total();
      const file = await workbook(['企业名称', '统一社会信用代码'], [['景德镇越权导入有限公司', testUscc(serial++)]]);
      const res = await upload(department, file);
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect(await total()).toBe(before);
      const jobs = await auditEntries(t.app, admin, { action: 'enterprise_import.started' });
      const job = await api(department)({ url: `/api/enterprises/imports/${jobs[0]!.entityId}` });
      expect(job.statusCode).toBe(404);
    });

    it('exports one row per enterprise of the theme when export.xlsx is filtered by themeId', async () => {
      for (const theme of themes.slice(0, 2)) {
        const listed = (await api(admin)({ url: `/api/enterprises?themeId=${theme.id}&pageSize=200` })).json() as { items: EnterpriseSummary[]; total: number };
        expect(listed.total).toBeGreaterThan(0);
        const res = await api(admin)({ url: `/api/enterprises/export.xlsx?themeId=${theme.id}` });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(XLSX);
        const sheet = await readSheet(res.rawPayload);
        expect(rowValues(sheet, 1)).toEqual(ENTERPRISE_COLUMNS.map((c) => c.header));
        expect(sheet.actualRowCount - 1).toBe(listed.total);
        const usccColumn = ENTERPRISE_COLUMNS.findIndex((c) => c.key === 'uscc') + 1;
        const exported = Array.from({ length: listed.total }, (_, i) => String(sheet.getRow(i + 2).getCell(usccColumn).value)).sort();
        expect(exported).toEqual(listed.items.map((e) => e.uscc).sort());
        const themeColumn = ENTERPRISE_COLUMNS.findIndex((c) => c.key === 'themes') + 1;
        for (let r = 2; r <= listed.total + 1; r++) expect(String(sheet.getRow(r).getCell(themeColumn).value)).toContain(theme.name);
      }
    });

    it('imports an exported file back as updates only when nothing was edited', async () => {
      const theme = themes[themes.length - 1]!;
      const before = await total();
      const exported = await api(admin)({ url: `/api/enterprises/export.xlsx?themeId=${theme.id}` });
      const count = (await readSheet(exported.rawPayload)).actualRowCount - 1;
      const job = await waitForJob(await upload(admin, exported.rawPayload, 'export.xlsx'));
      expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: count, errorCount: 0 });
      expect(await total()).toBe(before);
    });

    it('answers 403 when a department user or an enterprise user exports', async () => {
      for (const username of ['department', 'enterprise']) {
        const s = await signIn(t.app, username);
        const res = await api(s)({ url: '/api/enterprises/export.xlsx' });
        expect(res.statusCode, username).toBe(403);
      }
      const leader = await signIn(t.app, 'leader');
      expect((await api(leader)({ url: `/api/enterprises/export.xlsx?themeId=${themes[0]!.id}` })).statusCode).toBe(200);
    });
  });
}
