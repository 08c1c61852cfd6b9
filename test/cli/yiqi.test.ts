import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { computeUsccCheckChar } from '../../src/domain/enterprises/index.js';
import { DEMO_USERS, demoEnterprises } from '../../src/server/demo/demo-data.js';

/**
 * The `yiqi` command line, run for real: `node bin/yiqi.mjs …` as a child
 * process, on a fresh embedded database (DATA_DIR) per describe. Each run
 * costs a few seconds (tsx + PGlite), so the runs are few and each test
 * checks several things about one.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_PASSWORD = 'demo-pass-2026';
const TIMEOUT = 60_000;
// An ANSI escape sequence (ESC, then "["): what a progress bar would print.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

type Run = { code: number; stdout: string; stderr: string };

function yiqi(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/yiqi.mjs', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_PASSWORD, DATABASE_URL: '' },
        timeout: 55_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`yiqi ${args.join(' ')} did not run: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Shown when an expectation on a run fails. */
const show = (r: Run) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `yiqi-cli-${prefix}-`));
}

/** A valid USCC in the demo's format (登记管理部门 9, 类别 1, 区划 360200, 'MA' …) that the demo does not use. */
function testUscc(n: number): string {
  const first17 = `91360200MAU${String(n).padStart(6, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

type Cell = string | number | null;

async function writeWorkbook(file: string, headers: string[], rows: Cell[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  await wb.xlsx.writeFile(file);
}

async function readFirstSheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('yiqi: commands without a database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = tmpDir('pure');
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uscc check: exit 0 for a valid code, 1 with the reason for a bad check digit', { timeout: TIMEOUT }, async () => {
    const [ok, bad] = await Promise.all([
      yiqi(dataDir, 'uscc', 'check', '914403001922038216'),
      yiqi(dataDir, 'uscc', 'check', '914403001922038217', '--json'),
    ]);
    expect(ok.code, show(ok)).toBe(0);
    expect(ok.stdout).toMatch(/有效|valid/);
    expect(ok.stdout).not.toMatch(/无效|invalid/);

    expect(bad.code, show(bad)).toBe(1);
    const json = JSON.parse(bad.stdout) as { valid: boolean; reason: string; code: string };
    expect(json).toMatchObject({ valid: false, reason: 'check-digit', code: '914403001922038217' });
  });

  it('calendar add-working-days / is-working-day: JSON answers, a bad date, --help', { timeout: TIMEOUT }, async () => {
    const [national, provisional, adjusted, invalid, help] = await Promise.all([
      yiqi(dataDir, 'calendar', 'add-working-days', '2026-09-30', '5', '--json'),
      yiqi(dataDir, 'calendar', 'add-working-days', '2026-12-28', '5', '--json'),
      yiqi(dataDir, 'calendar', 'is-working-day', '2026-10-10', '--json'),
      yiqi(dataDir, 'calendar', 'add-working-days', '2026-02-30', '5'),
      yiqi(dataDir, 'calendar', 'add-working-days', '--help'),
    ]);

    // 国庆/中秋 2026: 10-01…10-07 off, Saturday 10-10 worked; the 5th working day after 09-30 is 10-13.
    expect(national.code, show(national)).toBe(0);
    expect(national.stdout.trim()).toBe('{"due":"2026-10-13","provisional":false}');

    // 2027 has no official arrangement yet: the answer is provisional.
    expect(provisional.code, show(provisional)).toBe(0);
    expect(JSON.parse(provisional.stdout)).toMatchObject({ provisional: true });

    expect(adjusted.code, show(adjusted)).toBe(0);
    expect(JSON.parse(adjusted.stdout)).toEqual({ date: '2026-10-10', workingDay: true, reason: '调休上班', provisional: false });

    expect(invalid.code, show(invalid)).not.toBe(0);
    expect(invalid.stderr).toContain('2026-02-30');
    expect(invalid.stdout).toBe('');

    expect(help.code, show(help)).toBe(0);
    expect(help.stdout).toMatch(/^Usage: yiqi calendar add-working-days/m);
    expect(help.stdout).toContain('<date> <n>');
    expect(help.stdout).toContain('--json');
  });
});

describe('yiqi: commands on an embedded database', () => {
  let dataDir: string;
  let workDir: string;
  let goodImport: Run | null = null;
  beforeAll(() => {
    dataDir = tmpDir('data');
    workDir = tmpDir('files');
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('demo load creates the demo zone and its accounts, and a second load adds nothing', { timeout: 2 * TIMEOUT }, async () => {
    const first = await yiqi(dataDir, 'demo', 'load');
    expect(first.code, show(first)).toBe(0);
    expect(first.stdout).toMatch(/created \{/);
    const created = JSON.parse(/created (\{.*\})/.exec(first.stdout)![1]!) as Record<string, number>;
    expect(created).toMatchObject({ enterprises: demoEnterprises().length, users: DEMO_USERS.length });
    for (const u of DEMO_USERS) expect(first.stdout).toContain(u.username);
    // DEMO_PASSWORD is set: the password comes from the environment and is never printed.
    expect(first.stdout).not.toContain(DEMO_PASSWORD);
    expect(first.stdout).toContain('DEMO_PASSWORD');

    const again = await yiqi(dataDir, 'demo', 'load');
    expect(again.code, show(again)).toBe(0);
    const createdAgain = JSON.parse(/created (\{.*\})/.exec(again.stdout)![1]!) as Record<string, number>;
    expect(Object.keys(createdAgain).sort()).toEqual(Object.keys(created).sort());
    for (const [k, v] of Object.entries(createdAgain)) expect(v, k).toBe(0);
  });

  it('users add: creates a user, refuses a taken username and an unknown role', { timeout: 2 * TIMEOUT }, async () => {
    const args = ['users', 'add', '--username', 'tester1', '--display-name', '测试', '--roles', 'coordinator', '--password', 'Abcdefg123'];
    const ok = await yiqi(dataDir, ...args);
    expect(ok.code, show(ok)).toBe(0);
    expect(ok.stdout).toContain('tester1');
    // The password was given: it is not echoed back.
    expect(ok.stdout).not.toContain('Abcdefg123');

    // Runs that open the database go one after another: PGlite's data directory belongs to one process.
    const taken = await yiqi(dataDir, ...args);
    expect(taken.code, show(taken)).toBe(1);
    expect(taken.stderr).toContain('taken');

    const unknown = await yiqi(dataDir, 'users', 'add', '--username', 'tester2', '--display-name', '测试二', '--roles', 'coordinator,wizard', '--password', 'Abcdefg123');
    expect(unknown.code, show(unknown)).not.toBe(0);
    expect(unknown.stderr).toContain('wizard');
    for (const role of ['admin', 'leader', 'coordinator', 'department', 'cadre', 'enterprise', 'approval', 'industry']) {
      expect(unknown.stderr).toContain(role);
    }
  });

  it('enterprises import: a good file imports with plain progress lines; a bad row imports nothing', { timeout: 3 * TIMEOUT }, async () => {
    const headers = ['企业名称', '统一社会信用代码', '成立日期'];
    const good = path.join(workDir, 'good.xlsx');
    await writeWorkbook(good, headers, [
      ['命令行测试甲科技有限公司', testUscc(1), '2019-05-06'],
      ['命令行测试乙陶瓷有限公司', testUscc(2), '2021-11-30'],
    ]);
    const imported = await yiqi(dataDir, 'enterprises', 'import', good);
    goodImport = imported;
    expect(imported.code, show(imported)).toBe(0);
    expect(imported.stdout).toMatch(/\b2 created\b/);
    expect(imported.stdout).toMatch(/\b0 updated\b/);
    // stderr is a pipe, not a terminal: plain "label done/total" lines, no bar, no escape codes.
    expect(imported.stderr).not.toMatch(ANSI);
    expect(imported.stderr).not.toContain('\r');
    const progress = imported.stderr.split('\n').filter(Boolean);
    expect(progress.length, show(imported)).toBeGreaterThan(0);
    for (const line of progress) expect(line).toMatch(/^\S.* \d+\/\d+$/);
    expect(progress.at(-1)).toMatch(/ 2\/2$/);
    expect(imported.stderr).toMatch(/校验 checking \d+\/\d+/);

    const bad = path.join(workDir, 'bad.xlsx');
    const wrongCheck = testUscc(4).slice(0, 17) + (testUscc(4).endsWith('0') ? '1' : '0');
    await writeWorkbook(bad, headers, [
      ['命令行测试丙贸易有限公司', testUscc(3), '2020-01-02'],
      ['命令行测试丁软件有限公司', wrongCheck, '2020-02-03'],
      ['命令行测试戊有限公司', testUscc(5), '2020-02-30'],
    ]);
    const rejected = await yiqi(dataDir, 'enterprises', 'import', bad);
    expect(rejected.code, show(rejected)).toBe(1);
    expect(rejected.stderr).toMatch(/^第 3 行 \[统一社会信用代码\] \S.*$/m);
    expect(rejected.stderr).toMatch(/^第 4 行 \[成立日期\] .*2020-02-30.*$/m);
    expect(rejected.stderr).not.toMatch(/^第 2 行/m);
    expect(rejected.stderr).toContain('未导入任何数据');
    expect(rejected.stderr).not.toMatch(ANSI);
    expect(rejected.stdout).not.toContain('imported');

    const out = path.join(workDir, 'export.xlsx');
    const exported = await yiqi(dataDir, 'enterprises', 'export', out);
    expect(exported.code, show(exported)).toBe(0);
    const expected = demoEnterprises().length + 2;
    expect(exported.stdout).toContain(`exported ${expected} enterprises`);
    const sheet = await readFirstSheet(out);
    expect(sheet.actualRowCount).toBe(expected + 1);
    const usccColumn = (sheet.getRow(1).values as unknown[]).indexOf('统一社会信用代码');
    expect(usccColumn).toBeGreaterThan(0);
    const codes = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) codes.add(String(row.getCell(usccColumn).value));
    });
    expect(codes.has(testUscc(1))).toBe(true);
    expect(codes.has(testUscc(2))).toBe(true);
    expect(codes.has(testUscc(3))).toBe(false);
  });

  // KNOWN BUG (src/cli/main.ts, the runImport progress callback): every status
  // but 'writing' is labelled '校验 checking', so the final 'succeeded' report
  // prints "校验 checking 2/2" after "写入 writing 2/2" (on a terminal the bar's
  // label flips back to checking at 100%). Reuses the run above: no extra process.
  it('import progress: once writing has started, no later line says checking', () => {
    expect(goodImport, 'the import test above did not run').not.toBeNull();
    const labels = goodImport!.stderr.split('\n').filter(Boolean).map((l) => l.replace(/ \d+\/\d+$/, ''));
    const firstWriting = labels.findIndex((l) => l.includes('writing'));
    expect(firstWriting, goodImport!.stderr).toBeGreaterThanOrEqual(0);
    expect(labels.slice(firstWriting).filter((l) => l.includes('checking')), goodImport!.stderr).toEqual([]);
  });

  it('calendar import: an invalid arrangement exits 2 naming the field', { timeout: TIMEOUT }, async () => {
    const file = path.join(workDir, 'arrangement.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        notice: '国办发明电〔2026〕1号',
        issuedOn: '2026-11-01',
        source: 'https://www.gov.cn/',
        offRanges: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
        adjustedWorkdays: ['2027-01-06'], // a Wednesday: not a weekend day
      }),
    );
    const r = await yiqi(dataDir, 'calendar', 'import', file);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/^adjustedWorkdays\[0\]: .*2027-01-06/m);
    expect(r.stdout).not.toContain('loaded');
  });
});

describe('yiqi: calendar import before any zone exists', () => {
  let dataDir: string;
  let workDir: string;
  beforeAll(() => {
    dataDir = tmpDir('empty');
    workDir = tmpDir('empty-files');
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  // KNOWN BUG (src/cli/calendar.ts, importArrangementFile): the file is only
  // validated inside the per-zone loop, so with no zone an invalid file is
  // never checked and the command reports success ("official arrangement for
  // 0 loaded into 0 zone(s)", exit 0). It should validate the file first
  // (exit 2 with the field) and refuse to "load" into no zone.
  it('rejects an invalid arrangement even when there is no zone yet', { timeout: TIMEOUT }, async () => {
    const file = path.join(workDir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ year: 2027 }));
    const r = await yiqi(dataDir, 'calendar', 'import', file);
    expect(r.stdout).not.toMatch(/loaded into 0 zone/);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/^notice: /m);
  });
});
