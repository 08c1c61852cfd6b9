import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { HAS_BROWSER, startPlatform, step, login, pick, shot, modalOk, type Running } from './browser.js';

describe.skipIf(!HAS_BROWSER)('a demand in the browser, from submission to confirmation', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startPlatform();
  });
  afterAll(() => run?.close());

  it('is submitted by the enterprise, assigned, settled by the department and confirmed, in Chinese', async () => {
    const as = async (username: string) => {
      const context = await run.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await login(page, run.url, username);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      return { page, close: () => context.close() };
    };
    const title = '二期厂房不动产权证迟迟办不下来';
    let demandUrl = '';

    const enterprise = await as('enterprise');
    await step(enterprise.page, 'demand-submit', async () => {
      const { page } = enterprise;
      await page.goto(`${run.url}/demands/new`);
      await page.getByTestId('demand-title').fill(title);
      await page.getByTestId('demand-description').fill('二期厂房竣工验收已三个月，不动产权证一直办不下来，影响向银行办理抵押贷款，请园区协调。');
      await pick(page, '诉求分类', '产证办理');
      await page.getByTestId('demand-submit').click();
      await page.waitForURL(/\/demands\/[0-9a-f-]{36}$/);
      demandUrl = page.url();
      await expect.poll(() => page.locator('body').innerText()).toContain('待受理');
      await shot(page, 'demand-1-submitted');
    });
    await enterprise.close();

    const coordinator = await as('coordinator');
    await step(coordinator.page, 'demand-assign', async () => {
      const { page } = coordinator;
      await page.goto(demandUrl);
      await page.getByTestId('action-assign').click();
      await pick(page, '牵头单位', '自然资源和规划分局');
      await modalOk(page).click();
      await expect.poll(() => page.locator('body').innerText()).toContain('待签收');
      expect(await page.locator('body').innerText()).toContain('自然资源和规划分局');
      await shot(page, 'demand-2-assigned');
    });
    await coordinator.close();

    const department = await as('department');
    await step(department.page, 'demand-settle', async () => {
      const { page } = department;
      await page.goto(demandUrl);
      await page.getByTestId('action-acknowledge').click();
      await modalOk(page).click();
      await expect.poll(() => page.locator('body').innerText()).toContain('办理中');
      await page.getByTestId('action-settle').click();
      await page.locator('#answer').fill('已协调不动产登记中心上门服务，补正材料后当日办结，产权证已于今日发放。');
      await modalOk(page).click();
      await modalOk(page).click(); // "确定办结？"
      await expect.poll(() => page.locator('body').innerText()).toContain('已办结待回访');
      await shot(page, 'demand-3-settled');
    });
    await department.close();

    const back = await as('enterprise');
    await step(back.page, 'demand-confirm', async () => {
      const { page } = back;
      await page.goto(demandUrl);
      await page.getByTestId('action-confirm').click();
      await page.locator('.ant-modal:visible').getByText('已解决', { exact: true }).click();
      await page.locator('.ant-modal:visible').getByText('满意', { exact: true }).click();
      await modalOk(page).click();
      await expect.poll(() => page.getByTestId('demand-timeline').innerText()).toContain('满意');
      const body = await page.locator('body').innerText();
      expect(body).toContain('已办结');
      expect(body).toContain('产权证已于今日发放');
      await shot(page, 'demand-4-confirmed');
    });
    await back.close();
  });
});
