import ExcelJS from 'exceljs';
import type { BulletinContent, BulletinFigures } from '../../../contracts/bulletins.js';
import {
  FIGURE_KEYS, FIGURE_LABELS, OVERDUE_STATE_LABELS, caseDemandText, caseResultText, channelName, departmentsInOrder, isRateKey, unassignedName,
  type FigureKey,
} from './bulletin-labels.js';

/**
 * The monthly bulletin as a workbook, one sheet per table: 总体情况, 责任单位, 超期诉求,
 * 问题分类, 诉求渠道, 典型案例. Counts and rates are numbers (rates as fractions with a percent
 * format, an empty cell when there is nothing to divide by), dates are dates, so the figures
 * can be recomputed. A pure function of the content.
 */
export async function buildBulletinXlsx(content: BulletinContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = content.issuedBy;
  wb.title = content.title;
  wb.created = wb.modified = toDate(content.issuedOn);

  totalsSheet(wb, content);
  departmentsSheet(wb, content);
  overdueSheet(wb, content);
  groupSheet(wb, '问题分类', '问题分类', [...content.stats.byCategory].sort((a, b) => b.received - a.received).map((r) => ({ name: r.name, f: r })));
  groupSheet(wb, '诉求渠道', '诉求渠道', content.stats.byChannel.map((r) => ({ name: channelName(r.channel), f: r })));
  casesSheet(wb, content);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PERCENT = '0.0%';
const DATE = 'yyyy-mm-dd';
const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

type Column = { header: string; key: string; width: number; percent?: boolean; date?: boolean; wrap?: boolean };

/** A sheet with a bold, frozen, filtered header row and the given column formats. */
function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.percent) col.numFmt = PERCENT;
    if (c.date) col.numFmt = DATE;
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } }; });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const figureColumns = (keys: FigureKey[] = FIGURE_KEYS): Column[] =>
  keys.map((k) => ({ header: FIGURE_LABELS[k], key: k, width: isRateKey(k) ? 12 : 10, percent: isRateKey(k) }));
const figureValues = (f: BulletinFigures) => Object.fromEntries(FIGURE_KEYS.map((k) => [k, f[k]]));

function totalsSheet(wb: ExcelJS.Workbook, c: BulletinContent) {
  const { totals, previousMonth, yearToDate } = c.stats;
  const ws = sheet(wb, '总体情况', [
    { header: '指标', key: 'label', width: 16 },
    { header: '本月', key: 'month', width: 12 },
    { header: '上月', key: 'previous', width: 12 },
    { header: '本年累计', key: 'year', width: 12 },
  ], FIGURE_KEYS.map((k) => ({ label: FIGURE_LABELS[k], month: totals[k], previous: previousMonth[k], year: yearToDate[k] })));
  // Rates are rows here, so the percent format goes on their cells.
  FIGURE_KEYS.forEach((k, i) => {
    if (!isRateKey(k)) return;
    const row = ws.getRow(i + 2);
    for (let col = 2; col <= 4; col += 1) row.getCell(col).numFmt = PERCENT;
  });
}

function departmentsSheet(wb: ExcelJS.Workbook, c: BulletinContent) {
  sheet(wb, '责任单位', [
    { header: '排名', key: 'rank', width: 7 },
    { header: '责任单位', key: 'name', width: 26 },
    { header: '办理件数', key: 'handled', width: 10 },
    ...figureColumns(),
    { header: '备注', key: 'remark', width: 30 },
  ], departmentsInOrder(c.stats.byDepartment).map((d) => ({
    rank: d.rank,
    name: d.departmentName,
    handled: d.handled,
    ...figureValues(d),
    remark: d.rank === null ? `件数少于${c.stats.minRanked}件，不参与排名` : null,
  })));
}

function overdueSheet(wb: ExcelJS.Workbook, c: BulletinContent) {
  sheet(wb, '超期诉求', [
    { header: '序号', key: 'seq', width: 7 },
    { header: '诉求编号', key: 'number', width: 18 },
    { header: '责任单位', key: 'department', width: 26 },
    { header: '问题分类', key: 'category', width: 14 },
    { header: '办结时限', key: 'dueOn', width: 13, date: true },
    { header: '时限暂定', key: 'provisional', width: 10 },
    { header: '状态', key: 'state', width: 12 },
  ], c.stats.overdueList.map((o, i) => ({
    seq: i + 1,
    number: o.number,
    department: o.departmentName ?? unassignedName,
    category: o.categoryName,
    dueOn: toDate(o.dueOn),
    provisional: o.dueProvisional ? '是' : '否',
    state: OVERDUE_STATE_LABELS[o.state],
  })));
}

function groupSheet(wb: ExcelJS.Workbook, name: string, header: string, rows: { name: string; f: BulletinFigures }[]) {
  sheet(wb, name, [{ header, key: 'name', width: 18 }, ...figureColumns()], rows.map((r) => ({ name: r.name, ...figureValues(r.f) })));
}

function casesSheet(wb: ExcelJS.Workbook, c: BulletinContent) {
  sheet(wb, '典型案例', [
    { header: '序号', key: 'seq', width: 7 },
    { header: '诉求编号', key: 'number', width: 18 },
    { header: '问题分类', key: 'category', width: 14 },
    { header: '责任单位', key: 'department', width: 22 },
    { header: '诉求', key: 'title', width: 30, wrap: true },
    { header: '诉求情况', key: 'description', width: 50, wrap: true },
    { header: '办理结果', key: 'result', width: 50, wrap: true },
    { header: '提出日期', key: 'submittedOn', width: 13, date: true },
    { header: '办结日期', key: 'settledOn', width: 13, date: true },
    { header: '按时办结', key: 'onTime', width: 10 },
  ], c.cases.map((k, i) => ({
    seq: i + 1,
    number: k.number,
    category: k.categoryName,
    department: k.departmentName ?? unassignedName,
    title: k.title,
    description: caseDemandText(k),
    result: caseResultText(k),
    submittedOn: toDate(k.submittedOn),
    settledOn: k.settledOn ? toDate(k.settledOn) : null,
    onTime: k.settledOnTime === null ? null : k.settledOnTime ? '是' : '否',
  })));
}
