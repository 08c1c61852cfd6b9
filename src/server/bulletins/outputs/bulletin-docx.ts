import {
  AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType,
} from 'docx';
import {
  FANGSONG, HEI, KAI, OFFICIAL_PAGE, OFFICIAL_STYLES, TWO_CHARS, XIAOBIAOSONG, heading, pageNumberFooter, para, pt, run, type Align,
} from '../../platform/official-document.js';
import type { BulletinContent } from '../../../contracts/bulletins.js';
import { renderBulletinCharts, type BulletinChart, type BulletinCharts } from './bulletin-charts.js';
import {
  FIGURE_KEYS, FIGURE_LABELS, NONE, OVERDUE_STATE_LABELS, UNRANKED_NOTE, caseDemandText, caseResultText, categoriesParagraph, channelName, channelsParagraph, chineseDate, correctionText, countChange,
  departmentsInOrder, departmentsParagraph, dueText, formatCount, formatRate, isRateKey, issueNumberLine, overdueParagraph, rankText, rateChange,
  totalsParagraphs, unassignedName, visitsParagraph, type FigureKey,
} from './bulletin-labels.js';

/**
 * The monthly bulletin as a Word document in the layout of a Chinese government document
 * (GB/T 9704-2012): A4, margins 37/35/28/26 mm; the issuing body's mark in red, centred, over a
 * red rule with the issue number; the title in 小标宋 22pt; body in 仿宋 16pt with a two-character
 * first-line indent; sections 一、二、… with (一)(二) below them; the issuing body and date at the
 * bottom right; page numbers "— n —" centred in the footer. Charts are embedded as PNG.
 * `charts` may be passed when they were already rendered (e.g. for the WeChat article).
 */
export async function buildBulletinDocx(content: BulletinContent, opts: { charts?: BulletinCharts } = {}): Promise<Buffer> {
  const charts = opts.charts ?? renderBulletinCharts(content);
  const doc = new Document({
    creator: content.issuedBy,
    title: content.title,
    description: issueNumberLine(content),
    styles: OFFICIAL_STYLES,
    sections: [{
      properties: OFFICIAL_PAGE,
      footers: pageNumberFooter(),
      children: [
        ...masthead(content),
        ...opening(content),
        heading('一、总体情况'),
        ...totalsParagraphs(content).map((t) => para(t)),
        totalsTable(content),
        chartParagraph(charts.monthComparison),
        heading('二、各责任单位办理情况'),
        para(departmentsParagraph(content)),
        chartParagraph(charts.departmentOnTime),
        departmentTable(content),
        note(`注：按时办结率＝按时办结件数÷办结件数；排名依次按按时办结率、办结件数；本月办理诉求少于${content.stats.minRanked}件的单位列出但不参与排名。`),
        heading('三、超期诉求'),
        para(overdueParagraph(content)),
        ...overdueTable(content),
        heading('四、分类与渠道'),
        subheading('（一）按问题分类'),
        para(categoriesParagraph(content)),
        categoryTable(content),
        chartParagraph(charts.categories),
        subheading('（二）按诉求渠道'),
        para(channelsParagraph(content)),
        channelTable(content),
        spacer(),
        heading('五、每周益企走访情况'),
        para(visitsParagraph(content)),
        heading('六、典型案例'),
        ...cases(content),
        ...signature(content),
      ],
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

// ─── Typography ─────────────────────────────────────────────────────────────
const RED = 'FF0000';
/** The width of the type area (版心): 210 − 28 − 26 = 156 mm, in 96-dpi pixels for images. */
const TEXT_WIDTH_PX = Math.floor((156 / 25.4) * 96);

/**
 * The font table, with the families Word should substitute when the GB fonts are missing
 * (方正小标宋简体 is rarely installed: 宋体 stands in). Replaces the one docx writes.
 */
const fontEntry = (name: string, alt: string, family: 'roman' | 'modern' | 'swiss') =>
  `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
const FONT_TABLE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
  + fontEntry('方正小标宋简体', '宋体', 'roman')
  + fontEntry('宋体', 'SimSun', 'roman')
  + fontEntry('SimSun', '宋体', 'roman')
  + fontEntry('仿宋', 'FangSong', 'modern')
  + fontEntry('FangSong', '仿宋', 'modern')
  + fontEntry('黑体', 'SimHei', 'modern')
  + fontEntry('SimHei', '黑体', 'modern')
  + fontEntry('楷体', 'KaiTi', 'modern')
  + fontEntry('KaiTi', '楷体', 'modern')
  + '</w:fonts>';

const subheading = (text: string) => new Paragraph({ indent: { firstLine: TWO_CHARS }, keepNext: true, children: [run(text, { font: KAI })] });
const note = (text: string) => para([run(text, { size: pt(12) })], { indent: false });
const spacer = () => new Paragraph({ spacing: { line: 240, lineRule: 'auto' }, children: [] });

// ─── Tables ─────────────────────────────────────────────────────────────────
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cell(text: string, o: { header?: boolean; width?: number; align?: Align } = {}) {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [new Paragraph({
      alignment: o.align ?? AlignmentType.CENTER,
      spacing: { line: 300, lineRule: 'auto' },
      children: [run(text, { size: pt(11), font: o.header ? HEI : FANGSONG })],
    })],
  });
}

/** A table with a header row (黑体, repeated on each page) and its body rows; widths in percent; column 0.. `leftCols` left-aligned. */
function table(header: string[], rows: string[][], widths: number[], leftCols: number[] = []): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, { header: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({
        cantSplit: true,
        children: r.map((v, i) => cell(v, { width: widths[i], align: leftCols.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER })),
      })),
    ],
  });
}

const figure = (f: Record<FigureKey, number | null>, k: FigureKey) => (isRateKey(k) ? formatRate(f[k]) : formatCount(f[k] ?? 0));

function totalsTable(c: BulletinContent): Table {
  const { totals: t, previousMonth: p, yearToDate: y } = c.stats;
  const rows = FIGURE_KEYS.map((k) => [
    FIGURE_LABELS[k],
    figure(t, k),
    figure(p, k),
    isRateKey(k) ? rateChange(t[k], p[k]) ?? NONE : countChange(t[k], p[k]),
    figure(y, k),
  ]);
  return table(['指标', '本月', '上月', '较上月', '本年累计'], rows, [24, 16, 16, 24, 20], [0]);
}

function departmentTable(c: BulletinContent): Table {
  const rows = departmentsInOrder(c.stats.byDepartment).map((d) => [
    rankText(d.rank),
    d.rank === null ? `${d.departmentName}${UNRANKED_NOTE}` : d.departmentName,
    formatCount(d.handled),
    formatCount(d.settled),
    formatCount(d.settledOnTime),
    formatCount(d.overdue),
    formatRate(d.onTimeRate),
    formatRate(d.satisfactionRate),
  ]);
  return table(['排名', '责任单位', '办理件数', '办结', '按时办结', '超期', '按时办结率', '满意率'], rows, [8, 30, 10, 9, 10, 8, 13, 12], [1]);
}

function overdueTable(c: BulletinContent): (Table | Paragraph)[] {
  const list = c.stats.overdueList;
  if (list.length === 0) return [];
  const rows = list.map((o, i) => [
    String(i + 1), o.number, o.departmentName ?? unassignedName, o.categoryName, dueText(o, c.stats.month), OVERDUE_STATE_LABELS[o.state],
  ]);
  const out: (Table | Paragraph)[] = [table(['序号', '诉求编号', '责任单位', '问题分类', '办结时限', '状态'], rows, [8, 26, 26, 14, 14, 12], [2])];
  if (list.some((o) => o.dueProvisional)) out.push(note('注：标注“暂定”的办结时限为暂定时限。'));
  else out.push(spacer());
  return out;
}

const groupRow = (name: string, f: Record<FigureKey, number | null>) => [
  name, formatCount(f.received as number), formatCount(f.settled as number), formatCount(f.overdue as number), formatRate(f.onTimeRate), formatRate(f.satisfactionRate),
];
const GROUP_HEADER = ['收到', '办结', '超期', '按时办结率', '满意率'];

function categoryTable(c: BulletinContent): Table | Paragraph {
  if (c.stats.byCategory.length === 0) return para('本月无分类数据。');
  const rows = [...c.stats.byCategory].sort((a, b) => b.received - a.received).map((r) => groupRow(r.name, r));
  return table(['问题分类', ...GROUP_HEADER], rows, [26, 13, 13, 13, 18, 17], [0]);
}

function channelTable(c: BulletinContent): Table | Paragraph {
  if (c.stats.byChannel.length === 0) return para('本月无渠道数据。');
  const rows = c.stats.byChannel.map((r) => groupRow(channelName(r.channel), r));
  return table(['诉求渠道', ...GROUP_HEADER], rows, [26, 13, 13, 13, 18, 17], [0]);
}

function chartParagraph(chart: BulletinChart): Paragraph {
  const width = Math.min(TEXT_WIDTH_PX, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120, line: 240, lineRule: 'auto' },
    keepLines: true,
    children: [new ImageRun({
      type: 'png',
      data: chart.png,
      transformation: { width, height },
      altText: { name: chart.key, title: chart.title, description: chart.title },
    })],
  });
}

// ─── Document parts ─────────────────────────────────────────────────────────
/** 版头: the issuing body's mark in red, the issue number, the red rule; then the title. */
function masthead(c: BulletinContent): Paragraph[] {
  // As large as fits the 156 mm type area on one line, at most 36 pt.
  const chars = [...c.issuedBy].length;
  const size = Math.max(18, Math.min(36, Math.floor((156 / 25.4) * 72 / Math.max(chars, 1) * 0.95)));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480, line: Math.max(720, pt(size) * 12), lineRule: 'exact' },
      children: [run(c.issuedBy, { font: XIAOBIAOSONG, size: pt(size), color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [run(issueNumberLine(c))],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480, line: 700, lineRule: 'exact' },
      children: [run(c.title, { font: XIAOBIAOSONG, size: pt(22) })],
    }),
  ];
}

/** The correction notice (更正说明) at the top, then the intro. */
function opening(c: BulletinContent): Paragraph[] {
  const out: Paragraph[] = [];
  const correction = correctionText(c);
  if (correction) out.push(para([run('更正说明：', { font: HEI }), run(correction)]));
  if (c.intro?.trim()) {
    for (const line of c.intro.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) out.push(para(line));
  }
  return out;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cases(c: BulletinContent): Paragraph[] {
  if (c.cases.length === 0) return [para('本月未选取典型案例。', { keepNext: true })];
  return c.cases.flatMap((k, i) => {
    const out = [
      subheading(`（${ORDINALS[i] ?? String(i + 1)}）${k.title}`),
      para([run('诉求情况：', { font: HEI }), run(caseDemandText(k))]),
      // The last paragraph goes with the signature, so that the date is never alone on a page.
      para([run('办理结果：', { font: HEI }), run(caseResultText(k))], { keepNext: i === c.cases.length - 1 }),
    ];
    return out;
  });
}

/** 发文机关署名 and 成文日期, right-aligned with a four-character right indent under the text. */
function signature(c: BulletinContent): Paragraph[] {
  const right = { right: TWO_CHARS * 2 };
  const gap = () => new Paragraph({ keepNext: true, spacing: { line: 240, lineRule: 'auto' }, children: [] });
  return [
    gap(),
    gap(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, keepNext: true, children: [run(c.issuedBy)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, children: [run(chineseDate(c.issuedOn))] }),
  ];
}
