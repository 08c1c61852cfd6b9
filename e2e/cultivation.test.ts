import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { AssessmentDetail } from '../src/contracts/cultivation.js';
import { SCOPE_ISSUES } from '../src/domain/cultivation/cultivation-profile.js';
import { HAS_BROWSER, startPlatform, step, login, pick, shot, modalOk, type Running } from './browser.js';

/** The screenshot of the form with its live score, kept where the reviewer looks. */
const FORM_SHOT = '/tmp/cultivation-form.png';

/** The <input> of a form field by its test id (antd puts the id on the input or on its wrapper). */
const field = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function setNumber(page: Page, testId: string, value: number) {
  const input = field(page, testId);
  await input.scrollIntoViewIfNeeded();
  await input.fill(String(value));
  await input.press('Tab');
}

/** The total the live panel shows (a number, or null while it cannot be computed). */
async function liveTotal(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('live-evaluation').getByTestId('evaluation-total').innerText()).trim();
  const n = Number.parseFloat(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The points of an indicator in the live panel, "10/20". */
const indicatorPoints = (page: Page, key: string) => page.getByTestId('live-evaluation').getByTestId(`indicator-${key}-points`).innerText();

describe.skipIf(!HAS_BROWSER)('the self-assessment in the browser: filled in Chinese with a live score, submitted, accepted', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startPlatform();
  });
  afterAll(() => run?.close());

  it('scores live as the enterprise types, stores the same total on submission; the officer returns it, the enterprise resubmits, the officer accepts', async () => {
    const as = async (username: string) => {
      const context = await run.browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      await login(page, run.url, username);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      return { page, close: () => context.close() };
    };

    const enterprise = await as('enterprise');
    let assessmentId = '';
    let submittedTotal: number | null = null;

    await step(enterprise.page, 'cultivation-open-form', async () => {
      const { page } = enterprise;
      // From the menu: 梯度培育 → 我的自评 → 新建自评 → 创新型中小企业.
      await page.getByRole('menuitem', { name: /梯度培育/ }).click();
      await page.getByRole('link', { name: '我的自评' }).click();
      await page.getByTestId('assessment-list').waitFor();
      await page.getByTestId('assessment-new').click();
      await page.getByTestId('assessment-new-innovative-sme').click();
      await page.waitForURL(/\/cultivation\/assessments\/new\?scheme=innovative-sme/);
      await page.getByTestId('assessment-form').waitFor();
      await page.getByTestId('live-evaluation').waitFor();
      const body = await page.locator('body').innerText();
      expect(body).toContain('基本信息');
      expect(body).toContain('经营数据（近三年）');
      expect(body).toContain('研发与知识产权');
      expect(body).toContain('实时评价');
    });

    await step(enterprise.page, 'cultivation-fill', async () => {
      const { page } = enterprise;
      // A field the server refuses is marked on the form, in Chinese: an award rank without its level.
      await setNumber(page, 'cf-scienceAward-rank', 2);
      const levelItem = page.locator('.ant-form-item', { has: page.locator('label', { hasText: '科技奖励级别' }) });
      await levelItem.locator('.ant-select').hover();
      await levelItem.locator('.ant-select-clear').click();
      await page.getByTestId('assessment-save').click();
      await expect.poll(() => levelItem.locator('.ant-form-item-explain-error').innerText(), { timeout: 10_000 }).toContain('缺少科技奖励级别');
      expect(page.url()).toContain('/cultivation/assessments/new');
      // An industrial SME in scope (the demo's figures vary): 5000万元 revenue is below the industry cap of 40000万元.
      await pick(page, '所属行业（划型）', '工业');
      for (const issue of SCOPE_ISSUES) await page.getByRole('checkbox', { name: issue.zh, exact: true }).uncheck();
      // No direct route (63号 Annex 1 A1–A4): no award, no honour, no provincial R&D institution, no financing.
      await pick(page, '科技奖励级别', '无');
      await pick(page, '研发机构级别', '无');
      for (const honour of ['高新技术企业', '国家级技术创新示范企业', '知识产权优势企业', '知识产权示范企业']) {
        await page.getByRole('checkbox', { name: honour, exact: true }).uncheck();
      }
      await setNumber(page, 'cf-equityFinancingLast3Years', 0);
      // The six indicators, in 万元 / 件 as the form asks: IP Ⅱ类 only (5), growth 4500 ÷ 4000 − 1 = 12.5% (15),
      // debt 4800 ÷ 8000 = 60% (5), main business 4500 ÷ 5000 = 90% (20), and the product field.
      await setNumber(page, 'cf-ip-class1HighValue', 0);
      await setNumber(page, 'cf-ip-class1SelfDeveloped', 0);
      await setNumber(page, 'cf-ip-class1', 0);
      await setNumber(page, 'cf-ip-class2', 1);
      await setNumber(page, 'cf-revenue', 5000);
      await setNumber(page, 'cf-mainBusinessRevenue', 4500);
      await setNumber(page, 'cf-mainBusinessRevenuePreviousYear', 4000);
      await setNumber(page, 'cf-totalAssets', 8000);
      await setNumber(page, 'cf-totalLiabilities', 4800);
      await pick(page, '主导产品属于战略性新兴产业', '是');
      await setNumber(page, 'cf-rdExpense', 130);
      // 研发费用占比 130 ÷ 5000 = 2.6%: the 2%–3% band, 10 of 20 points.
      await expect.poll(() => indicatorPoints(page, 'rd-ratio'), { timeout: 10_000 }).toBe('10/20');
      await expect.poll(() => liveTotal(page), { timeout: 10_000 }).not.toBeNull();
    });

    let before = 0;
    await step(enterprise.page, 'cultivation-live-change', async () => {
      const { page } = enterprise;
      before = (await liveTotal(page))!;
      const live = page.getByTestId('live-evaluation');
      // 创新能力 5 + 10 = 15 is below its minimum of 20: not qualified, and the gap says what would do.
      await expect.poll(() => live.getByTestId('evaluation-outcome').innerText()).toBe('不符合');
      expect(await live.getByTestId('evaluation-gaps').innerText()).toMatch(/研发费用.*2\.6% → 3%：\+5分/);
      // 2.6% → 150 ÷ 5000 = 3%: the 3%–5% band (a value on the edge takes the higher band), 15 points.
      await setNumber(page, 'cf-rdExpense', 150);
      await expect.poll(() => indicatorPoints(page, 'rd-ratio'), { timeout: 10_000 }).toBe('15/20');
      await expect.poll(() => liveTotal(page), { timeout: 10_000 }).toBe(before + 5);
      await expect.poll(() => live.getByTestId('evaluation-outcome').innerText()).toBe('符合');
      // The edge reading is an unconfirmed rule: the panel says so.
      expect(await live.getByTestId('evaluation-notes').innerText()).toContain('说明：');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: FORM_SHOT, fullPage: false });
      expect(fs.statSync(FORM_SHOT).size).toBeGreaterThan(10_000);
      await shot(page, 'cultivation-1-form');
    });

    await step(enterprise.page, 'cultivation-submit', async () => {
      const { page } = enterprise;
      submittedTotal = await liveTotal(page);
      expect(submittedTotal).toBe(before + 5);
      // Without the declaration the submission is refused in the page.
      await page.getByTestId('assessment-submit').click();
      await page.getByTestId('assessment-declaration-error').waitFor();
      await page.getByTestId('assessment-declaration').check();
      await page.getByTestId('assessment-submit').click();
      await page.getByTestId('assessment-submit-ok').click();
      await page.waitForURL(/\/cultivation\/assessments\/[0-9a-f-]{36}$/);
      assessmentId = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.getByTestId('assessment-status').first().innerText(), { timeout: 10_000 }).toBe('待审核');
      // The evaluation the server stored at submission: the same total as the browser's live score.
      const stored = await page.getByTestId('assessment-evaluation').getByTestId('evaluation-total').innerText();
      expect(Number.parseFloat(stored)).toBe(submittedTotal);
      const res = await page.request.get(`${run.url}/api/cultivation/assessments/${assessmentId}`);
      expect(res.status()).toBe(200);
      const detail = (await res.json()) as AssessmentDetail;
      expect(detail.status).toBe('submitted');
      expect(detail.total).toBe(submittedTotal);
      expect(detail.evaluation?.total).toBe(submittedTotal);
      expect(detail.profile.rdExpense).toBe(1_500_000);
      await shot(page, 'cultivation-2-submitted');
    });

    const officer = await as('industry');
    const reason = '研发费用与年度报表不一致，请核对后重新提交';
    await step(officer.page, 'cultivation-review-return', async () => {
      const { page } = officer;
      await page.getByRole('menuitem', { name: /梯度培育/ }).click();
      await page.getByRole('link', { name: '自评审核' }).click();
      await page.getByTestId('assessment-list').waitFor();
      await page.locator(`a[href="/cultivation/assessments/${assessmentId}"]`).first().click();
      await page.getByTestId('assessment-page').waitFor();
      const stored = await page.getByTestId('assessment-evaluation').getByTestId('evaluation-total').innerText();
      expect(Number.parseFloat(stored)).toBe(submittedTotal);
      // 退回 needs a reason.
      await page.getByTestId('assessment-return').click();
      await page.getByTestId('assessment-return-ok').click();
      await expect.poll(() => page.locator('.ant-modal:visible .ant-form-item-explain-error').innerText()).toContain('退回原因');
      await page.getByTestId('assessment-return-reason').fill(reason);
      await page.getByTestId('assessment-return-ok').click();
      await expect.poll(() => page.getByTestId('assessment-status').first().innerText(), { timeout: 10_000 }).toBe('已退回');
    });

    await step(enterprise.page, 'cultivation-resubmit', async () => {
      const { page } = enterprise;
      await page.reload();
      // The officer's reason, and the form again with the live score, to correct and submit once more.
      await expect.poll(() => page.getByTestId('assessment-returned').innerText(), { timeout: 10_000 }).toContain(reason);
      await page.getByTestId('assessment-form').waitFor();
      await expect.poll(() => liveTotal(page), { timeout: 10_000 }).toBe(submittedTotal);
      await setNumber(page, 'cf-rdExpense', 160);
      // 160 ÷ 5000 = 3.2%: still the 3%–5% band, the total stays.
      await expect.poll(() => field(page, 'cf-rdExpense').inputValue()).toBe('160');
      await expect.poll(() => liveTotal(page), { timeout: 10_000 }).toBe(submittedTotal);
      await page.getByTestId('assessment-declaration').check();
      await page.getByTestId('assessment-submit').click();
      await page.getByTestId('assessment-submit-ok').click();
      await expect.poll(() => page.getByTestId('assessment-status').first().innerText(), { timeout: 10_000 }).toBe('待审核');
      const res = await page.request.get(`${run.url}/api/cultivation/assessments/${assessmentId}`);
      const detail = (await res.json()) as AssessmentDetail;
      expect(detail.profile.rdExpense).toBe(1_600_000);
      expect(detail.total).toBe(submittedTotal);
    });
    await enterprise.close();

    await step(officer.page, 'cultivation-review-accept', async () => {
      const { page } = officer;
      await page.reload();
      await page.getByTestId('assessment-accept').click();
      await modalOk(page).click();
      await expect.poll(() => page.getByTestId('assessment-status').first().innerText(), { timeout: 10_000 }).toBe('已通过');
      await shot(page, 'cultivation-3-accepted');
      // The same page in English.
      await page.evaluate(() => window.localStorage.setItem('yiqi.lang', 'en'));
      await page.reload();
      await expect.poll(() => page.getByTestId('assessment-status').first().innerText(), { timeout: 10_000 }).toBe('Accepted');
      expect(await page.getByTestId('assessment-evaluation').innerText()).toContain('Indicators');
      await shot(page, 'cultivation-4-accepted-en');
    });
    await officer.close();
  });
});
