import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BulletinDetail, BulletinSummary, PublicBulletin } from '../src/contracts/bulletins.js';
import { formatRate } from '../src/web/demands/stats-format.js';
import { HAS_BROWSER, PASSWORD, startPlatform, step, login, shot, modalOk, type Running } from './browser.js';

type Session = { cookie: string; csrf: string };

/** The zone's month `back` months before this one (Asia/Shanghai, the demo zone), `YYYY-MM`. */
function monthsAgo(back: number): string {
  const [y, m] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe.skipIf(!HAS_BROWSER)('the monthly bulletin in the browser', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startPlatform();
  });
  afterAll(() => run?.close());

  const signIn = async (username: string): Promise<Session> => {
    const res = await fetch(`${run.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  const call = async <T>(s: Session, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${run.url}${path}`, {
      method,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };

  it('is published through the API and read on the public page without logging in, in Chinese', async () => {
    const coordinator = await signIn('coordinator');
    const leader = await signIn('leader');
    const month = monthsAgo(1);
    // The month's draft: created here, or the one the monthly job made first (on a month's first working day).
    const existing = await call<{ items: BulletinSummary[] }>(coordinator, 'GET', `/api/bulletins?year=${month.slice(0, 4)}&pageSize=100`);
    const made = existing.items.find((x) => x.month === month && x.status === 'draft');
    let b = made
      ? await call<BulletinDetail>(coordinator, 'GET', `/api/bulletins/${made.id}`)
      : await call<BulletinDetail>(coordinator, 'POST', '/api/bulletins', { month });
    b = await call<BulletinDetail>(coordinator, 'POST', `/api/bulletins/${b.id}/submit`);
    b = await call<BulletinDetail>(leader, 'POST', `/api/bulletins/${b.id}/approve`);
    b = await call<BulletinDetail>(coordinator, 'POST', `/api/bulletins/${b.id}/publish`);
    expect(b.status).toBe('published');
    // What the public page must show, as the public API serves it (no cookie).
    const res = await fetch(`${run.url}/api/public/bulletins/${b.id}`);
    expect(res.status).toBe(200);
    const { content } = (await res.json()) as PublicBulletin;
    const { totals } = content.stats;

    const context = await run.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    expect(await context.cookies()).toEqual([]);
    await step(page, 'bulletin-public-list', async () => {
      await page.goto(`${run.url}/public/bulletins`);
      const item = page.getByTestId('public-bulletin-item').filter({ hasText: content.title });
      await item.waitFor();
      expect(new URL(page.url()).pathname).toBe('/public/bulletins');
      await expect.poll(() => page.getByTestId('public-zone').innerText()).toBe(content.zoneName);
      await shot(page, 'bulletin-1-public-list');
      await item.locator('a').first().click();
      await page.waitForURL(`${run.url}/public/bulletins/${b.id}`);
    });

    await step(page, 'bulletin-public-page', async () => {
      await page.getByTestId('bulletin-content').waitFor();
      expect(await page.getByTestId('bulletin-title').innerText()).toBe(content.title);
      const overview = await page.getByTestId('bulletin-overview').innerText();
      expect(overview).toContain('一、总体情况');
      expect(overview).toContain(`共收到企业诉求 ${totals.received} 件`);
      expect(await page.getByTestId('bulletin-figure-received').innerText()).toContain(String(totals.received));
      expect(await page.getByTestId('bulletin-figure-settled').innerText()).toContain(String(totals.settled));
      expect(await page.getByTestId('bulletin-figure-onTimeRate').innerText()).toContain(formatRate(totals.onTimeRate));
      expect(await page.getByTestId('bulletin-figure-onTimeRate').innerText()).toContain('本年累计');
      const departments = page.getByTestId('bulletin-departments');
      expect(await departments.innerText()).toContain('二、各责任单位办理情况');
      const unranked = content.stats.byDepartment.filter((d) => d.rank === null).length;
      expect(await page.getByTestId('bulletin-not-ranked').count()).toBe(unranked);
      if (unranked < content.stats.byDepartment.length) await page.getByTestId('bulletin-ontime-chart').locator('svg').first().waitFor();
      for (const d of content.stats.byDepartment) expect(await departments.innerText()).toContain(d.departmentName);
      expect(await page.getByTestId('bulletin-overdue').innerText()).toContain('四、超期诉求');
      expect(new URL(page.url()).pathname).toBe(`/public/bulletins/${b.id}`);
      await shot(page, 'bulletin-2-public-page');
    });

    await step(page, 'bulletin-public-english', async () => {
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('bulletin-overview').innerText()).toContain('1. Overview');
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('bulletin-overview').innerText()).toContain('一、总体情况');
    });

    await step(page, 'bulletin-public-mobile', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('bulletin-figures').waitFor();
      await shot(page, 'bulletin-3-public-mobile');
    });
    await context.close();
  });

  it('is drafted, returned, approved, published and corrected on its page', async () => {
    const as = async (username: string) => {
      const context = await run.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 960 } });
      const page = await context.newPage();
      await login(page, run.url, username);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      return { page, close: () => context.close() };
    };
    const month = monthsAgo(2);
    const [year, mm] = month.split('-');
    const monthLabel = `${year}年${Number(mm)}月`;
    let bulletinUrl = '';
    let caseTitle = '';
    let correctionId = '';

    const coordinator = await as('coordinator');
    await step(coordinator.page, 'bulletin-create', async () => {
      const { page } = coordinator;
      await page.goto(`${run.url}/bulletins`);
      await page.getByTestId('bulletin-create').click();
      const input = page.locator('.ant-modal:visible .ant-picker input');
      await input.click();
      await input.fill(month);
      await page.locator('.ant-modal:visible .ant-modal-title').click(); // closes the picker, keeping the typed month
      await expect.poll(() => input.inputValue()).toBe(month);
      await page.getByTestId('bulletin-create-ok').click();
      await page.waitForURL(/\/bulletins\/[0-9a-f-]{36}$/);
      bulletinUrl = page.url();
      await expect.poll(() => page.getByTestId('bulletin-heading').innerText()).toContain(monthLabel);
      expect(await page.getByTestId('bulletin-status').innerText()).toBe('草稿');
    });

    await step(coordinator.page, 'bulletin-edit', async () => {
      const { page } = coordinator;
      await page.getByTestId('bulletin-intro-input').fill('本月园区持续开展“每周益企”走访，现将企业诉求办理情况通报如下。');
      await page.getByTestId('bulletin-case-picker').click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await option.waitFor();
      caseTitle = (await option.innerText()).split('\n')[0]!.replace(/^\S+\s+/, '');
      await option.click();
      await expect.poll(() => page.getByTestId('bulletin-picked-case').count()).toBe(1);
      await expect.poll(() => page.getByTestId('bulletin-submit').isDisabled()).toBe(true); // unsaved changes first
      await page.getByTestId('bulletin-save').click();
      await expect.poll(() => page.getByTestId('bulletin-cases').innerText()).toContain(caseTitle);
      expect(await page.getByTestId('bulletin-content').innerText()).toContain('本月园区持续开展');
      await expect.poll(() => page.getByTestId('bulletin-submit').isEnabled()).toBe(true);
      await page.getByTestId('bulletin-submit').click();
      await modalOk(page).click();
      await expect.poll(() => page.getByTestId('bulletin-status').innerText()).toBe('审核中');
      await shot(page, 'bulletin-4-submitted');
    });

    const leader = await as('leader');
    await step(leader.page, 'bulletin-return', async () => {
      const { page } = leader;
      await page.goto(bulletinUrl);
      await page.getByTestId('bulletin-return').click();
      await page.getByTestId('bulletin-reason').fill('请核对超期件数后再提交');
      await page.getByTestId('bulletin-reason-ok').click();
      await expect.poll(() => page.getByTestId('bulletin-status').innerText()).toBe('草稿');
    });

    await step(coordinator.page, 'bulletin-resubmit', async () => {
      const { page } = coordinator;
      await page.reload();
      await expect.poll(() => page.getByTestId('bulletin-returned').innerText()).toContain('请核对超期件数后再提交');
      await page.getByTestId('bulletin-submit').click();
      await modalOk(page).click();
      await expect.poll(() => page.getByTestId('bulletin-status').innerText()).toBe('审核中');
    });

    await step(leader.page, 'bulletin-approve', async () => {
      const { page } = leader;
      await page.reload();
      await page.getByTestId('bulletin-approve').click();
      await modalOk(page).click();
      await expect.poll(() => page.getByTestId('bulletin-status').innerText()).toBe('已审核');
      expect(await page.getByTestId('bulletin-process').innerText()).toContain('王建华');
    });
    await leader.close();

    await step(coordinator.page, 'bulletin-publish', async () => {
      const { page } = coordinator;
      await page.reload();
      await page.getByTestId('bulletin-publish').click();
      await expect.poll(() => page.locator('.ant-modal:visible').innerText()).toContain('发布后内容将冻结，之后的数据变化不会改变已发布的通报');
      await modalOk(page).click();
      await expect.poll(() => page.getByTestId('bulletin-status').innerText()).toBe('已发布');
      expect(await page.getByTestId('bulletin-process').innerText()).toContain('内容已冻结');
      // The public page is found by the zone's code, which the link carries.
      const zone = await call<{ code: string }>(await signIn('coordinator'), 'GET', '/api/zone');
      const href = await page.getByTestId('bulletin-public-page').getAttribute('href');
      expect(href).toBe(`/public/bulletins/${bulletinUrl.split('/').pop()}?zone=${encodeURIComponent(zone.code)}`);
      await shot(page, 'bulletin-5-published');
    });

    await step(coordinator.page, 'bulletin-correct', async () => {
      const { page } = coordinator;
      await page.getByTestId('bulletin-correct').click();
      await page.getByTestId('bulletin-reason').fill('典型案例的办理结果表述有误');
      await page.getByTestId('bulletin-reason-ok').click();
      await page.waitForURL((u) => u.href !== bulletinUrl && /\/bulletins\/[0-9a-f-]{36}$/.test(u.pathname));
      await expect.poll(() => page.getByTestId('bulletin-heading').innerText()).toContain('第2版');
      expect(await page.getByTestId('bulletin-status').innerText()).toBe('草稿');
      expect(await page.getByTestId('bulletin-correction-reason').innerText()).toContain('典型案例的办理结果表述有误');
      correctionId = new URL(page.url()).pathname.split('/').pop()!;
      await page.goto(bulletinUrl);
      await expect.poll(() => page.getByTestId('bulletin-status').innerText()).toBe('已发布');
      await shot(page, 'bulletin-6-corrected-draft');
    });
    await coordinator.close();

    // The correction is published (through the API); the public page of either version lists both, marking the one shown.
    const coordinatorApi = await signIn('coordinator');
    await call(coordinatorApi, 'POST', `/api/bulletins/${correctionId}/submit`);
    await call(await signIn('leader'), 'POST', `/api/bulletins/${correctionId}/approve`);
    await call(coordinatorApi, 'POST', `/api/bulletins/${correctionId}/publish`);
    const firstId = bulletinUrl.split('/').pop()!;
    const context = await run.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await step(page, 'bulletin-public-versions', async () => {
      await page.goto(`${run.url}/public/bulletins/${firstId}`);
      await page.getByTestId('public-superseded').waitFor();
      const versions = page.getByTestId('public-versions');
      await expect.poll(() => versions.innerText()).toContain('第2版');
      expect(await page.getByTestId('public-version-current').innerText()).toContain('第1版');
      expect(await page.getByTestId('public-version-current').innerText()).toContain('当前');
      await page.getByTestId('public-latest-link').click();
      await page.waitForURL((u) => u.pathname === `/public/bulletins/${correctionId}`);
      await expect.poll(() => page.getByTestId('public-version-current').innerText()).toContain('第2版');
      expect(await page.getByTestId('public-versions').innerText()).toContain('第1版');
      expect(await page.getByTestId('public-superseded').count()).toBe(0);
    });
    await context.close();
  });
});
