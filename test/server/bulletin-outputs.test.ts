import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import type { BulletinContent } from '../../src/contracts/bulletins.js';
import { DEMAND_LABELS } from '../../src/contracts/demand-labels.js';
import {
  BULLETIN_CHART_KEYS, PNG_MAX_BYTES, WECHAT_LIMITS, buildBulletinDocx, buildBulletinXlsx, formatRate, issueNumberLine, renderBulletinChart,
  renderBulletinCharts, renderWechatArticle, svgToPng, type BulletinChartKey, type BulletinCharts,
} from '../../src/server/bulletins/outputs/index.js';
import { dueText } from '../../src/server/bulletins/outputs/bulletin-labels.js';
import { bulletinFixture } from './bulletin-fixture.js';

/** The outputs of a monthly bulletin, opened and read back: .docx, .xlsx, the WeChat article, the charts. */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const pct = (n: number, d: number) => `${(Math.round((n / d) * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
const twips = (mm: number) => Math.round((mm / 25.4) * 1440);

/** The text of each table row of a WordprocessingML body, cell by cell. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) =>
    [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => unxml([...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))));
}
/** The text of each paragraph outside tables. */
function paragraphs(xml: string): string[] {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => unxml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

async function openDocx(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)!.async('string');
  const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  return {
    zip,
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers: await Promise.all(footers.map(read)),
    media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')),
  };
}

describe('bulletin outputs', () => {
  let content: BulletinContent;
  let charts: BulletinCharts;
  let docx: Buffer;
  beforeAll(async () => {
    content = bulletinFixture();
    charts = renderBulletinCharts(content);
    docx = await buildBulletinDocx(content, { charts });
  });

  describe('labels', () => {
    it.each([
      [0.935, '93.5%'], [1, '100%'], [0, '0%'], [12 / 13, '92.3%'], [2 / 3, '66.7%'], [0.9996, '100%'], [null, '—'],
    ])('formatRate(%s) is %s', (rate, text) => {
      expect(formatRate(rate)).toBe(text);
    });
    it.each([
      ['2026-11', 1, '2026年第11期'], ['2026-01', 1, '2026年第1期'], ['2026-11', 3, '2026年第11期（第3版）'],
    ])('issueNumberLine(%s v%s) is %s', (month, version, text) => {
      expect(issueNumberLine({ month, version })).toBe(text);
    });
    it.each([
      ['2026-11-20', false, '2026-11', '11月20日'], ['2026-11-20', true, '2026-11', '11月20日（暂定）'], ['2025-12-30', false, '2026-01', '2025年12月30日'],
    ])('dueText(%s, provisional %s) in %s is %s', (dueOn, dueProvisional, month, text) => {
      expect(dueText({ dueOn, dueProvisional }, month)).toBe(text);
    });
  });

  describe('renderBulletinCharts', () => {
    it('draws SVGs with the Chinese labels of the content', () => {
      const { departmentOnTime, categories, monthComparison } = charts;
      const ranked = content.stats.byDepartment.filter((d) => d.rank !== null);
      const unranked = content.stats.byDepartment.filter((d) => d.rank === null);
      expect(departmentOnTime.svg).toContain('各责任单位按时办结率');
      for (const d of ranked) expect(departmentOnTime.svg).toContain(d.departmentName);
      // The chart ranks; departments below the minimum are not bars in it.
      for (const d of unranked) expect(departmentOnTime.svg).not.toContain(d.departmentName);
      for (const c of content.stats.byCategory) expect(categories.svg).toContain(c.name);
      expect(monthComparison.svg).toContain('2026年10月');
      expect(monthComparison.svg).toContain('2026年11月');
      expect(monthComparison.svg).toContain('收到诉求');
      for (const chart of Object.values(charts)) expect(chart.svg.startsWith('<svg')).toBe(true);
    });

    it('rasterises each chart to a PNG under WeChat\'s 1 MB uploadimg limit, at twice the SVG size', () => {
      for (const key of BULLETIN_CHART_KEYS) {
        const { png, width, height } = charts[key];
        expect(png.subarray(0, 8).equals(PNG_SIGNATURE), key).toBe(true);
        expect(png.length, key).toBeLessThan(PNG_MAX_BYTES);
        expect(png.readUInt32BE(16), key).toBe(width * 2);
        expect(png.readUInt32BE(20), key).toBe(height * 2);
      }
    });

    it('finds a CJK font: Chinese text changes the picture (a missing font draws nothing)', () => {
      const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="30" font-family="'WenQuanYi Micro Hei', sans-serif">${text}</text></svg>`;
      expect(svgToPng(svg('办结率')).equals(svgToPng(svg('')))).toBe(false);
    });

    it('stays under 1 MB with 80 departments, and draws an empty month without failing', () => {
      const many = bulletinFixture();
      many.stats.byDepartment = Array.from({ length: 80 }, (_, i) => ({ ...many.stats.byDepartment[0]!, departmentName: `第${i + 1}责任单位`, rank: i + 1 }));
      const big = renderBulletinChart(many, 'departmentOnTime');
      expect(big.png.length).toBeLessThan(PNG_MAX_BYTES);
      expect(big.svg).toContain('第80责任单位');

      const empty = bulletinFixture();
      empty.stats.byDepartment = [];
      empty.stats.byCategory = [];
      expect(renderBulletinChart(empty, 'departmentOnTime').svg).toContain('暂无参与排名的责任单位');
      expect(renderBulletinChart(empty, 'categories').svg).toContain('暂无诉求');
    });
  });

  describe('buildBulletinDocx', () => {
    it('has the masthead, the issue number, the title and the six sections in order, with the correction notice first', async () => {
      const { document } = await openDocx(docx);
      expect(XMLValidator.validate(document)).toBe(true);
      const text = paragraphs(document);
      const at = (needle: string) => text.findIndex((p) => p.includes(needle));
      const order = [
        content.issuedBy, '2026年第11期（第2版）', content.title, '更正说明', content.correction!.reason,
        '一、总体情况', '二、各责任单位办理情况', '三、超期诉求', '四、分类与渠道', '（一）按问题分类', '（二）按诉求渠道', '五、每周益企走访情况', '六、典型案例',
      ];
      const positions = order.map(at);
      positions.forEach((p, i) => expect(p, order[i]).toBeGreaterThanOrEqual(0));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text[at('更正说明')]).toContain(`替代第${content.correction!.supersedesVersion}版`);
      expect(text).toContain(content.visits.sentence);
      for (const k of content.cases) expect(at(k.title), k.title).toBeGreaterThan(at('六、典型案例'));
    });

    it('is laid out as GB/T 9704 says: red masthead and rule, 小标宋 22pt title, 仿宋 16pt body indented two characters, A4 margins 37/35/28/26 mm', async () => {
      const { document, styles, fontTable } = await openDocx(docx);
      const masthead = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => p.includes(content.issuedBy))!;
      expect(masthead).toContain('w:color w:val="FF0000"');
      expect(masthead).toContain('<w:jc w:val="center"/>');
      const numberLine = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => p.includes('2026年第11期'))!;
      expect(numberLine).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
      const title = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => p.includes(content.title))!;
      expect(title).toContain('w:eastAsia="方正小标宋简体"');
      expect(title).toContain('<w:sz w:val="44"/>');
      expect(styles).toContain('w:eastAsia="仿宋"');
      expect(styles).toContain('<w:sz w:val="32"/>');
      expect(document).toContain('w:firstLine="640"');
      expect(document).toContain(`w:w="${twips(210)}"`);
      expect(document).toContain(`w:h="${twips(297)}"`);
      for (const [side, mm] of [['top', 37], ['bottom', 35], ['left', 28], ['right', 26]] as const) {
        expect(document).toMatch(new RegExp(`<w:pgMar [^>]*w:${side}="${twips(mm)}"`));
      }
      expect(fontTable).toMatch(/w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    });

    it('signs with the issuing body and the date at the bottom right, and numbers pages "— n —" in the footer', async () => {
      const { document, footers } = await openDocx(docx);
      const paras = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).filter((p) => /<w:t[ >]/.test(p));
      const [signer, date] = paras.slice(-2);
      expect(signer).toContain(content.issuedBy);
      expect(date).toContain('2026年12月3日');
      for (const p of [signer, date]) expect(p).toContain('<w:jc w:val="right"/>');
      expect(footers.length).toBeGreaterThan(0);
      const footer = footers.join('');
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
    });

    it('tells the totals in prose and in a table, compared with the previous month and the year to date', async () => {
      const { document } = await openDocx(docx);
      const { totals: t, previousMonth: p, yearToDate: y } = content.stats;
      const prose = paragraphs(document).join('\n');
      expect(prose).toContain(`共收到企业诉求${t.received}件，较上月增加${t.received - p.received}件`);
      expect(prose).toContain(`按时办结率${pct(t.settledOnTime, t.settled)}`);
      expect(prose).toContain(`受理${t.accepted}件，不予受理${t.declined}件`);
      expect(prose).toContain(`累计收到企业诉求${y.received.toLocaleString('zh-CN')}件`);
      const rows = tableRows(document);
      expect(rows).toContainEqual(['指标', '本月', '上月', '较上月', '本年累计']);
      expect(rows).toContainEqual(['办结', String(t.settled), String(p.settled), `增加${t.settled - p.settled}件`, y.settled.toLocaleString('zh-CN')]);
      const rate = rows.find((r) => r[0] === '按时办结率')!;
      expect(rate.slice(1, 3)).toEqual([pct(t.settledOnTime, t.settled), pct(p.settledOnTime, p.settled)]);
      expect(rate[3]).toMatch(/^(提高|下降)\d+(\.\d)?个百分点$/);
    });

    it('ranks the departments in a table and lists those below the minimum unranked, marked', async () => {
      const { document } = await openDocx(docx);
      const rows = tableRows(document);
      const deptRows = rows.filter((r) => content.stats.byDepartment.some((d) => r[1]?.startsWith(d.departmentName)) && r.length === 8);
      expect(deptRows).toHaveLength(12);
      const third = content.stats.byDepartment.find((d) => d.rank === 3)!;
      expect(deptRows).toContainEqual([
        '3', third.departmentName, String(third.handled), String(third.settled), String(third.settledOnTime), String(third.overdue),
        pct(third.settledOnTime, third.settled), formatRate(third.satisfactionRate),
      ]);
      // Ranked first, in rank order; then the unranked ones, with "—" and the note.
      expect(deptRows.slice(0, 10).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      const unranked = content.stats.byDepartment.filter((d) => d.rank === null);
      expect(deptRows.slice(10).map((r) => [r[0], r[1]])).toEqual(unranked.map((d) => ['—', `${d.departmentName}（件数较少，不参与排名）`]));
      expect(paragraphs(document).join('')).toContain(`${unranked.length}个单位办理件数少于${content.stats.minRanked}件，列出但不参与排名`);
    });

    it('lists the overdue demands, the provisional deadline marked, and counts them', async () => {
      const { document } = await openDocx(docx);
      const list = content.stats.overdueList;
      expect(paragraphs(document).join('')).toContain(`本月超期诉求${list.length}件，其中尚未办结${list.filter((o) => o.state === 'open').length}件`);
      const rows = tableRows(document).filter((r) => list.some((o) => r[1] === o.number));
      expect(rows).toHaveLength(list.length);
      const provisional = list.find((o) => o.dueProvisional)!;
      const row = rows.find((r) => r[1] === provisional.number)!;
      expect(row[2]).toBe(provisional.departmentName);
      expect(row[4]).toMatch(/（暂定）$/);
      expect(rows.filter((r) => r[4]!.includes('暂定'))).toHaveLength(1);
    });

    it('has the category and channel tables, with the channels named in Chinese', async () => {
      const { document } = await openDocx(docx);
      const rows = tableRows(document);
      for (const c of content.stats.byCategory) expect(rows.some((r) => r[0] === c.name && r[1] === String(c.received)), c.name).toBe(true);
      for (const c of content.stats.byChannel) {
        expect(rows.some((r) => r[0] === DEMAND_LABELS.zh.channel[c.channel] && r[1] === String(c.received)), c.channel).toBe(true);
      }
    });

    it('embeds the three charts as PNG images', async () => {
      const { document, zip, media } = await openDocx(docx);
      expect(media).toHaveLength(3);
      for (const m of media) expect((await zip.file(m)!.async('nodebuffer')).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(document.match(/<a:blip /g)).toHaveLength(3);
    });

    it('leaves out the correction notice and the version mark for a first version, and escapes text', async () => {
      const first = { ...bulletinFixture(), version: 1, correction: null };
      first.cases[0]!.title = '关于<b>厂房</b>&“验收”的诉求';
      const { document } = await openDocx(await buildBulletinDocx(first));
      expect(XMLValidator.validate(document)).toBe(true);
      const text = paragraphs(document);
      expect(text.some((p) => p.includes('更正说明'))).toBe(false);
      expect(text).toContain('2026年第11期');
      expect(text.some((p) => p.includes('关于<b>厂房</b>&“验收”的诉求'))).toBe(true);
      expect(document).not.toContain('<b>');
    });
  });

  describe('buildBulletinXlsx', () => {
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await buildBulletinXlsx(content) as unknown as ArrayBuffer);
    });
    const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
    const rowWhere = (ws: ExcelJS.Worksheet, col: number, value: unknown) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((row, n) => { if (n > 1 && row.getCell(col).value === value) found = row; });
      return found!;
    };

    it('has one sheet per table, each with a bold, frozen header row and set widths', () => {
      expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '责任单位', '超期诉求', '问题分类', '诉求渠道', '典型案例']);
      for (const ws of wb.worksheets) {
        expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
        for (let c = 1; c <= ws.columnCount; c += 1) expect(ws.getColumn(c).width, `${ws.name} ${c}`).toBeGreaterThan(5);
      }
    });

    it('总体情况: this month, previous month and year to date as numbers; rates as fractions with a percent format', () => {
      const ws = wb.getWorksheet('总体情况')!;
      expect(headers(ws)).toEqual(['指标', '本月', '上月', '本年累计']);
      const received = rowWhere(ws, 1, '收到诉求');
      expect([received.getCell(2).value, received.getCell(3).value, received.getCell(4).value])
        .toEqual([content.stats.totals.received, content.stats.previousMonth.received, content.stats.yearToDate.received]);
      const rate = rowWhere(ws, 1, '按时办结率');
      expect(typeof rate.getCell(2).value).toBe('number');
      expect(rate.getCell(2).value).toBeCloseTo(content.stats.totals.onTimeRate!, 10);
      for (const c of [2, 3, 4]) expect(rate.getCell(c).numFmt).toContain('%');
      expect(received.getCell(2).numFmt ?? '').not.toContain('%');
    });

    it('责任单位: ranks as numbers, the unranked ones blank with a remark, rates as percent numbers', () => {
      const ws = wb.getWorksheet('责任单位')!;
      const h = headers(ws);
      expect(h.slice(0, 3)).toEqual(['排名', '责任单位', '办理件数']);
      expect(h).toContain('按时办结率');
      expect(h.at(-1)).toBe('备注');
      expect(ws.rowCount).toBe(1 + content.stats.byDepartment.length);
      const third = content.stats.byDepartment.find((d) => d.rank === 3)!;
      const row = rowWhere(ws, 2, third.departmentName);
      expect(row.getCell(1).value).toBe(3);
      expect(row.getCell(3).value).toBe(third.handled);
      const rateCol = h.indexOf('按时办结率') + 1;
      expect(row.getCell(rateCol).value).toBeCloseTo(third.settledOnTime / third.settled, 10);
      expect(row.getCell(rateCol).numFmt).toContain('%');
      for (const d of content.stats.byDepartment.filter((x) => x.rank === null)) {
        const r = rowWhere(ws, 2, d.departmentName);
        expect(r.getCell(1).value).toBeNull();
        expect(String(r.getCell(h.length).value)).toContain('不参与排名');
      }
    });

    it('超期诉求, 问题分类, 诉求渠道 and 典型案例 hold every row of the content', () => {
      const overdue = wb.getWorksheet('超期诉求')!;
      expect(headers(overdue)).toEqual(['序号', '诉求编号', '责任单位', '问题分类', '办结时限', '时限暂定', '状态']);
      expect(overdue.rowCount).toBe(1 + content.stats.overdueList.length);
      const provisional = content.stats.overdueList.find((o) => o.dueProvisional)!;
      const row = rowWhere(overdue, 2, provisional.number);
      expect(row.getCell(5).value).toBeInstanceOf(Date);
      expect((row.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(provisional.dueOn);
      expect(row.getCell(6).value).toBe('是');

      const categories = wb.getWorksheet('问题分类')!;
      expect(headers(categories).slice(0, 2)).toEqual(['问题分类', '收到诉求']);
      expect(categories.rowCount).toBe(1 + content.stats.byCategory.length);
      const cat = content.stats.byCategory[0]!;
      expect(rowWhere(categories, 1, cat.name).getCell(2).value).toBe(cat.received);

      const channels = wb.getWorksheet('诉求渠道')!;
      expect(channels.rowCount).toBe(1 + content.stats.byChannel.length);
      for (const c of content.stats.byChannel) expect(rowWhere(channels, 1, DEMAND_LABELS.zh.channel[c.channel]).getCell(2).value).toBe(c.received);

      const cases = wb.getWorksheet('典型案例')!;
      expect(headers(cases)).toContain('办理结果');
      expect(cases.rowCount).toBe(1 + content.cases.length);
      expect(rowWhere(cases, 2, content.cases[0]!.number).getCell(5).value).toBe(content.cases[0]!.title);
    });
  });

  describe('renderWechatArticle', () => {
    const urls: Record<BulletinChartKey, string> = {
      departmentOnTime: 'http://mmbiz.qpic.cn/mmbiz_png/dept/0?wx_fmt=png&from=appmsg',
      categories: 'http://mmbiz.qpic.cn/mmbiz_png/cat/0?wx_fmt=png',
      monthComparison: 'http://mmbiz.qpic.cn/mmbiz_png/month/0?wx_fmt=png',
    };
    const imageUrl = (k: BulletinChartKey) => urls[k];
    const ALLOWED = new Set(['section', 'p', 'span', 'strong', 'em', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'br']);

    function expectWechatSafe(html: string) {
      expect(html).not.toMatch(/<(script|style|link|iframe|meta)\b/i);
      for (const [tag, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
        expect(ALLOWED.has(name!.toLowerCase()), tag).toBe(true);
        expect(attrs, tag).not.toMatch(/\s(class|id|on[a-z]+)=/i);
      }
      expect(html.length).toBeLessThan(WECHAT_LIMITS.contentChars);
      expect(Buffer.byteLength(html)).toBeLessThan(WECHAT_LIMITS.contentBytes);
    }

    it('is inline-styled HTML of allowed tags only, with only the given image URLs, within the size limits', () => {
      const a = renderWechatArticle(content, { imageUrl });
      expectWechatSafe(a.html);
      expect(a.html).toMatch(/style="[^"]+"/);
      const srcs = [...a.html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => unxml(m[1]!));
      expect(srcs.sort()).toEqual(Object.values(urls).sort());
      expect([...a.title].length).toBeLessThanOrEqual(32);
      expect([...a.digest].length).toBeLessThanOrEqual(128);
      expect([...a.author].length).toBeLessThanOrEqual(16);
      expect(a.author).toBe(content.issuedBy);
      expect(a.digest).toContain(`共收到企业诉求${content.stats.totals.received}件`);
    });

    it('says what the bulletin says: sections, the correction, the departments, every overdue demand', () => {
      const a = renderWechatArticle(content, { imageUrl });
      const text = unxml(a.html.replace(/<[^>]+>/g, ''));
      for (const h of ['一、总体情况', '二、各责任单位办理情况', '三、超期诉求', '四、分类与渠道', '五、每周益企走访情况', '六、典型案例', '更正说明', content.correction!.reason]) {
        expect(text, h).toContain(h);
      }
      for (const d of content.stats.byDepartment) expect(text).toContain(d.departmentName);
      expect(text).toContain('（件数较少，不参与排名）');
      expect(a.overdueShown).toBe(content.stats.overdueList.length);
      for (const o of content.stats.overdueList) expect(text).toContain(o.number);
      expect(text).toContain('（暂定）');
      expect(text).toContain(content.visits.sentence);
      expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    });

    it('escapes the text: a demand title with <b> comes out as text, not markup', () => {
      const c = bulletinFixture();
      c.cases[0]!.title = '关于<b>厂房</b>验收"加急"&<script>alert(1)</script>';
      c.intro = '<img src="http://evil.example/x.png">';
      const a = renderWechatArticle(c, { imageUrl });
      expectWechatSafe(a.html);
      expect(a.html).toContain('&lt;b&gt;厂房&lt;/b&gt;');
      expect(a.html).not.toContain('<b>');
      expect(a.html).not.toContain('evil.example/x.png"');
      expect([...a.html.matchAll(/<img /g)]).toHaveLength(3);
    });

    it('shortens a long title to 32 characters that still name the month, and marks a correction', () => {
      const c = bulletinFixture();
      c.title = '关于昌南高新区2026年11月份全区企业诉求受理、办理、办结及满意度回访情况的通报';
      const a = renderWechatArticle(c, { imageUrl });
      expect([...a.title].length).toBeLessThanOrEqual(32);
      expect(a.title).toContain('11月');
      expect(a.title).toContain('更正');
      const first = renderWechatArticle({ ...bulletinFixture(), version: 1, correction: null }, { imageUrl });
      expect(first.title).toBe(content.title);
    });

    it('cuts a long overdue list ("等N件") and says so, so that the body stays under 20,000 characters', () => {
      const c = bulletinFixture();
      const template = c.stats.overdueList[0]!;
      c.stats.overdueList = Array.from({ length: 400 }, (_, i) => ({ ...template, number: `SQ2026110${String(i).padStart(4, '0')}` }));
      const a = renderWechatArticle(c, { imageUrl });
      expectWechatSafe(a.html);
      expect(a.overdueShown).toBeGreaterThan(0);
      expect(a.overdueShown).toBeLessThan(400);
      const text = unxml(a.html.replace(/<[^>]+>/g, ''));
      expect(text).toContain('等400件');
      expect(text).toContain(`以上列出${a.overdueShown}件`);
      const listed = c.stats.overdueList.filter((o) => text.includes(o.number));
      expect(listed.map((o) => o.number)).toEqual(c.stats.overdueList.slice(0, a.overdueShown).map((o) => o.number));
      // The prose still counts all of them.
      expect(text).toContain('本月超期诉求400件');
    });

    it('still fits with 120 departments and long case texts', () => {
      const c = bulletinFixture();
      c.stats.byDepartment = Array.from({ length: 120 }, (_, i) => ({ ...c.stats.byDepartment[0]!, departmentName: `第${i + 1}责任单位`, rank: i + 1 }));
      c.cases = c.cases.map((k) => ({ ...k, description: k.description.repeat(20), answer: (k.answer ?? '已办结。').repeat(20) }));
      const a = renderWechatArticle(c, { imageUrl });
      expectWechatSafe(a.html);
      expect(a.html).toContain('第120责任单位');
    });
  });

  describe('LibreOffice', () => {
    const REQUIRE_OFFICE = process.env.YIQI_REQUIRE_OFFICE === '1';
    const office = (() => {
      try {
        return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim().split('\n')[0] || null;
      } catch {
        return null;
      }
    })();
    if (!office && !REQUIRE_OFFICE) process.stderr.write('\n[yiqi tests] LibreOffice .docx → PDF test SKIPPED: install libreoffice-writer-nogui (see .ci/run)\n\n');

    it.skipIf(!office && !REQUIRE_OFFICE)('opens the .docx and prints it to a PDF', async () => {
      if (!office) throw new Error('YIQI_REQUIRE_OFFICE=1 but neither soffice nor libreoffice is on the PATH');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-bulletin-office-'));
      try {
        const input = path.join(dir, 'bulletin.docx');
        fs.writeFileSync(input, docx);
        // A profile of its own, so that a running LibreOffice (or a parallel test) does not take the call.
        await promisify(execFile)(office, [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input,
        ], { timeout: 150_000 });
        const pdfPath = path.join(dir, 'bulletin.pdf');
        expect(fs.existsSync(pdfPath)).toBe(true);
        const pdf = fs.readFileSync(pdfPath);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
        expect(pages.length).toBeGreaterThanOrEqual(1);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  });
});
