import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { findDefaultZone } from '../src/server/zone/zone.repository.js';
import { countEnterprises } from '../src/server/enterprises/enterprises.repository.js';
import { HAS_BROWSER, startPlatform, step, login, ARTIFACTS, type Running } from './browser.js';

describe.skipIf(!HAS_BROWSER)('foundation in the browser', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startPlatform();
  });
  afterAll(() => run?.close());

  it('signs in in Chinese and lists the zone’s enterprises when the credentials are right', async () => {
    const page = await run.browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    await step(page, 'login-wrong-password', async () => {
      await login(page, run.url, 'admin', 'wrong-password-1');
      await expect.poll(() => page.locator('body').innerText()).toContain('用户名或密码错误');
    });
    await step(page, 'login', async () => {
      await login(page, run.url, 'admin');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await expect.poll(() => page.locator('body').innerText()).toContain('系统管理员');
    });
    await step(page, 'enterprise-list', async () => {
      await page.goto(`${run.url}/enterprises`);
      const table = page.getByTestId('enterprise-table');
      await table.waitFor();
      await expect.poll(() => table.innerText()).toContain('崧原半导体');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'enterprise-list.png') });
    });
    await page.close();
  });

  it('shows the per-row errors and imports nothing when the Excel file has bad rows', async () => {
    const page = await run.browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('企业名录');
    sheet.addRow(['企业名称', '统一社会信用代码', '成立日期']);
    sheet.addRow(['景德镇测试导入一有限公司', '914403001922038217', '2020-01-01']);
    sheet.addRow(['景德镇测试导入二有限公司', '91110000600037341L', '2020-02-30']);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-import-')), 'bad.xlsx');
    await wb.xlsx.writeFile(file);

    await step(page, 'import-bad-file', async () => {
      await login(page, run.url, 'admin');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${run.url}/enterprises`);
      await page.getByTestId('enterprise-table').waitFor();
      await page.getByTestId('enterprise-import').click();
      await page.getByTestId('enterprise-import-file').setInputFiles(file);
      const errors = page.getByTestId('import-errors');
      await errors.waitFor({ timeout: 30_000 });
      const text = await errors.innerText();
      expect(text).toContain('统一社会信用代码');
      expect(text).toContain('成立日期');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'import-errors.png') });
    });
    const zone = await findDefaultZone(run.ctx.db);
    expect(await countEnterprises(run.ctx.db, zone!.id)).toBe(200);
    await page.close();
  });
});
