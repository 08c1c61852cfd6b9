import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../src/db/client.js';
import { loadConfig } from '../src/server/platform/config.js';
import { systemClock, type AppContext } from '../src/server/platform/context.js';
import { buildApp } from '../src/server/app.js';
import { loadDemo } from '../src/server/demo/demo.service.js';

/**
 * Browser flows run against the built web app served by a real server on
 * loopback, in Debian's Chromium driven by playwright-core (never a downloaded
 * browser). Without Chromium they are skipped, unless YIQI_REQUIRE_BROWSER=1.
 */
export const CHROMIUM = process.env.YIQI_CHROMIUM || '/usr/bin/chromium';
export const HAS_BROWSER = fs.existsSync(CHROMIUM);
if (!HAS_BROWSER && process.env.YIQI_REQUIRE_BROWSER === '1') throw new Error(`YIQI_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}`);
if (!HAS_BROWSER) process.stderr.write(`\n[yiqi tests] browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)\n\n`);

const root = fileURLToPath(new URL('..', import.meta.url));
export const ARTIFACTS = path.join(root, '.test-artifacts');
export const PASSWORD = 'demo-pass-2026';

/** Builds the web app once per run (skipped when dist/web is newer than every source file). */
export function ensureWebBuild(): void {
  const index = path.join(root, 'dist/web/index.html');
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const sources = Math.max(newest(path.join(root, 'src/web')), newest(path.join(root, 'src/contracts')), newest(path.join(root, 'src/domain')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

export type Running = { url: string; ctx: AppContext; browser: Browser; close(): Promise<void> };

export async function startPlatform(): Promise<Running> {
  ensureWebBuild();
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await database.migrate();
  const ctx: AppContext = { database, db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: systemClock };
  await loadDemo(ctx, { password: PASSWORD });
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives each launch a fresh, empty profile; the flags keep Chromium off the (closed) network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url, ctx, browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Runs a step; on failure keeps a screenshot under .test-artifacts/ and rethrows. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, '_')}.png`), fullPage: true }).catch(() => undefined);
    throw e;
  }
}

export async function login(page: Page, url: string, username: string, password = PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Picks an option of the antd Select in the form item labelled `label`. */
export async function pick(page: Page, label: string, option: string) {
  const item = page.locator('.ant-form-item:visible', { has: page.locator('label', { hasText: label }) });
  const select = item.locator('.ant-select').first();
  // A list still closing from an earlier click (its animation) takes no choice: open it again and retry.
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await choice.waitFor();
    await choice.click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain(option);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  // Picking the value already chosen (a category's default department) can leave the list open over the
  // modal's buttons: moving the focus on closes it.
  await page.keyboard.press('Tab');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** A full-page screenshot kept under .test-artifacts/ to look at. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The OK button of the open modal (an action form or a confirmation). */
export const modalOk = (page: Page) => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary, .ant-modal:visible .ant-modal-confirm-btns .ant-btn-primary').last();
