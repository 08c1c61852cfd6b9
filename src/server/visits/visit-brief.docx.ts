import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType,
} from 'docx';
import {
  FANGSONG, HEI, KAI, OFFICIAL_PAGE, OFFICIAL_STYLES, SONG, heading, pageNumberFooter, para, pt, run,
} from '../platform/official-document.js';
import { VISIT_LABELS } from '../../contracts/visits.js';
import type { BriefDemand, BriefEnterprise, BriefFigureYear, FigureChange, RatioChange, VisitBrief } from '../../contracts/visit-brief.js';
import { BRIEF_EXPIRY_MONTHS, BRIEF_SETTLED_DAYS } from '../../contracts/visit-brief.js';
import { DEMAND_LABELS } from '../../contracts/demand-labels.js';
import { qualificationKindLabel } from '../../domain/enterprises/index.js';

/**
 * The visit brief as a Word document in the look of a government document (GB/T 9704): A4,
 * margins 37/35/28/26 mm, title in 宋体 22pt (小标宋 is rarely installed), body in 仿宋 16pt,
 * headings in 黑体, tables in 仿宋 12pt, page numbers "— n —" centred in the footer. Each
 * enterprise starts on a new page. A pure function of the brief.
 */
export async function buildVisitBriefDocx(brief: VisitBrief): Promise<Buffer> {
  const doc = new Document({
    creator: '益企',
    title: `走访企业简报 ${brief.visit.number}`,
    styles: OFFICIAL_STYLES,
    sections: [{
      properties: OFFICIAL_PAGE,
      footers: pageNumberFooter(),
      children: [...headerBlock(brief), ...brief.enterprises.flatMap((e, i) => enterpriseSection(e, i, brief))],
    }],
  });
  return Packer.toBuffer(doc);
}

// ─── Typography ─────────────────────────────────────────────────────────────

const labelled = (label: string, value: string) => para([run(`${label}：`, { font: HEI }), run(value)]);

// ─── Values ─────────────────────────────────────────────────────────────────
const MISSING = '未填报';
const NONE = '—';

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const tenThousand = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (n: number) => n.toLocaleString('zh-CN');

function changeText(c: FigureChange | null): string {
  if (!c) return '';
  const arrow = c.trend === 'up' ? '↑' : c.trend === 'down' ? '↓' : '→';
  return c.percent === null ? arrow : `${arrow}${Math.abs(c.percent).toFixed(1)}%`;
}
function ratioChangeText(c: RatioChange | null): string {
  if (!c) return '';
  const arrow = c.trend === 'up' ? '↑' : c.trend === 'down' ? '↓' : '→';
  return `${arrow}${Math.abs(c.points).toFixed(2)}个百分点`;
}

/** The countdown as the lists say it. */
export function countdownText(d: Pick<BriefDemand, 'status' | 'countdown' | 'dueOn'>): string {
  if (d.status === 'waiting') return '暂停计时（待企业补充）';
  if (d.status === 'submitted' || d.status === 'accepted') return '待分派';
  if (!d.countdown) return d.dueOn ? NONE : '未定时限';
  const n = d.countdown.workingDaysLeft;
  if (d.countdown.overdue) return `超期${Math.abs(n)}个工作日`;
  return n === 0 ? '今日到期' : `剩${n}个工作日`;
}

// ─── Tables ─────────────────────────────────────────────────────────────────
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cell(text: string, o: { bold?: boolean; width?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; span?: number } = {}) {
  const lines = text.split('\n');
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    columnSpan: o.span,
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map((line) => new Paragraph({
      alignment: o.align ?? AlignmentType.LEFT,
      spacing: { line: 320, lineRule: 'auto' },
      children: [run(line, { size: pt(12), font: o.bold ? HEI : FANGSONG })],
    })),
  });
}

/** A table with a header row (黑体) and its body rows; widths in percent. */
function table(header: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, width: widths[i], align: AlignmentType.CENTER })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, { width: widths[i] })) })),
    ],
  });
}

/** Label/value pairs, two pairs per row. */
function profileTable(pairs: [string, string][]): Table {
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [a, b] = [pairs[i]!, pairs[i + 1]];
    rows.push(new TableRow({
      cantSplit: true,
      children: b
        ? [cell(a[0], { bold: true, width: 17 }), cell(a[1], { width: 33 }), cell(b[0], { bold: true, width: 17 }), cell(b[1], { width: 33 })]
        : [cell(a[0], { bold: true, width: 17 }), cell(a[1], { span: 3 })],
    }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: BORDERS, rows });
}

const spacer = () => new Paragraph({ spacing: { line: 240, lineRule: 'auto' }, children: [] });

// ─── Document parts ─────────────────────────────────────────────────────────
function headerBlock(brief: VisitBrief): (Paragraph | Table)[] {
  const v = brief.visit;
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 720, lineRule: 'exact' },
      children: [run('走访企业简报', { font: SONG, size: pt(22), bold: true })],
    }),
    para([run(`（${v.number}）`, { font: KAI })], { align: AlignmentType.CENTER, indent: false }),
    labelled('走访时间', `${chineseDate(v.visitOn)}${VISIT_LABELS.zh.halfDay[v.halfDay]}（${VISIT_LABELS.zh.status[v.status]}）`),
    labelled('带队领导', v.leader.name),
    labelled('走访主题', v.theme?.name ?? '未设主题'),
  ];
  if (v.theme && v.theme.guidingQuestions.length > 0) {
    out.push(labelled('引导问题', ''));
    v.theme.guidingQuestions.forEach((q, i) => out.push(para(`${i + 1}. ${q}`)));
  }
  out.push(
    labelled('陪同部门', v.departments.map((d) => d.name).join('、') || NONE),
    labelled('挂点干部', v.cadres.map((c) => c.name).join('、') || NONE),
    labelled('走访目的', v.purpose ?? NONE),
    labelled('走访企业', `${brief.enterprises.length}家`),
  );
  brief.enterprises.forEach((e, i) => {
    const notes = [
      e.openDemands.length > 0 ? `在办诉求${e.openDemands.length}件` : '无在办诉求',
      e.gatheredCount > 0 ? `本次收集${e.gatheredCount}件` : null,
    ].filter(Boolean).join('，');
    out.push(para(`${i + 1}. ${e.profile.name}（${notes}）`));
  });
  out.push(para([run(`本简报数据截至${chineseDate(brief.generatedOn)}，由益企平台生成。`, { size: pt(14) })]));
  return out;
}

function enterpriseSection(e: BriefEnterprise, index: number, brief: VisitBrief): (Paragraph | Table)[] {
  const p = e.profile;
  const contact = p.contact ? [p.contact.name, p.contact.title, p.contact.phone].filter(Boolean).join(' ') : NONE;
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 640, lineRule: 'exact' },
      children: [run(`${index + 1}. ${p.name}`, { font: SONG, size: pt(18), bold: true })],
    }),
    heading('一、企业概况'),
    profileTable([
      ['企业名称', p.name],
      ['统一社会信用代码', p.uscc],
      ['法定代表人', p.legalRepresentative ?? NONE],
      ['所属行业', p.industry ?? NONE],
      ['成立日期', p.foundedOn ? chineseDate(p.foundedOn) : NONE],
      ['规上企业', p.aboveScale ? '是' : '否'],
      ['挂点干部', p.cadre?.name ?? NONE],
      ['包联领导', p.leader?.name ?? NONE],
      ['注册地址', p.address ?? NONE],
      ['企业主题', p.themes.join('、') || NONE],
      ['联系人', contact],
    ]),
    spacer(),
    heading('二、近三年主要指标'),
    figuresTable(e.figures),
    para([run('注：箭头为较上年变化；“未填报”为企业未报送该项数据。', { size: pt(12) })], { indent: false }),
    heading('三、在办诉求'),
    ...openDemands(e, brief),
    heading('四、近期办结诉求'),
    ...settledDemands(e),
    heading('五、资质情况'),
    ...qualifications(e),
    heading('六、以往走访'),
    ...previousVisits(e),
    heading('七、可申报资质与匹配政策'),
    ...prospects(e),
  ];
}

function figuresTable(years: BriefFigureYear[]): Table {
  const show = (v: number | null, fmt: (n: number) => string, change: string) => (v === null ? MISSING : change ? `${fmt(v)}\n${change}` : fmt(v));
  const line = (label: string, pick: (y: BriefFigureYear) => string) => [label, ...years.map(pick)];
  const rows = [
    line('从业人数（人）', (y) => show(y.employees, count, changeText(y.changes.employees))),
    line('营业收入（万元）', (y) => show(y.revenue, tenThousand, changeText(y.changes.revenue))),
    line('研发费用（万元）', (y) => show(y.rdExpense, tenThousand, changeText(y.changes.rdExpense))),
    line('研发投入强度（%）', (y) => show(y.rdRatio, (n) => n.toFixed(2), ratioChangeText(y.changes.rdRatio))),
    line('知识产权合计（件）', (y) => show(y.ipTotal, count, changeText(y.changes.ipTotal))),
    line('其中：发明专利', (y) => show(y.ipInvention, count, '')),
    line('实用新型', (y) => show(y.ipUtilityModel, count, '')),
    line('外观设计', (y) => show(y.ipDesign, count, '')),
    line('软件著作权', (y) => show(y.ipSoftware, count, '')),
  ];
  const w = Math.floor(72 / years.length);
  return table(['指标', ...years.map((y) => `${y.year}年${y.reported ? '' : '（未报送）'}`)], rows, [28, ...years.map(() => w)]);
}

function openDemands(e: BriefEnterprise, brief: VisitBrief): (Paragraph | Table)[] {
  if (e.openDemands.length === 0) return [para('无在办诉求。')];
  const out: (Paragraph | Table)[] = [];
  if (e.gatheredCount > 0) out.push(para(`标注“★”的${e.gatheredCount}件为本次走访（${brief.visit.number}）收集的诉求。`));
  out.push(table(
    ['编号', '诉求', '牵头单位', '办结时限', '剩余'],
    e.openDemands.map((d) => [
      d.number,
      `${d.gathered ? '★' : ''}${d.title}（${d.categoryName}，${DEMAND_LABELS.zh.status[d.status]}）`,
      d.leadDepartmentName ?? '未分派',
      d.dueOn ? `${d.dueOn}${d.provisional ? '（暂定）' : ''}` : NONE,
      countdownText(d),
    ]),
    [17, 38, 17, 14, 14],
  ));
  out.push(spacer());
  return out;
}

function settledDemands(e: BriefEnterprise): (Paragraph | Table)[] {
  if (e.settledDemands.length === 0) return [para(`近${BRIEF_SETTLED_DAYS}天无办结诉求。`)];
  return [
    para(`近${BRIEF_SETTLED_DAYS}天办结${e.settledDemands.length}件。`),
    table(
      ['编号', '诉求', '办结日期', '答复摘要', '满意度'],
      e.settledDemands.map((d) => [
        d.number,
        `${d.gathered ? '★' : ''}${d.title}`,
        d.settledOn ?? NONE,
        d.answerSummary ?? NONE,
        d.satisfaction ? DEMAND_LABELS.zh.satisfaction[d.satisfaction] : d.status === 'settled' ? '待回访' : '未评价',
      ]),
      [17, 25, 14, 32, 12],
    ),
    spacer(),
  ];
}

/** 可申报资质: the cultivation ladder in Chinese; matching policies wait for their module. */
function prospects(e: BriefEnterprise): Paragraph[] {
  const c = e.prospects.cultivation;
  const tiers = (keys: readonly string[]) => keys.map((k) => qualificationKindLabel(k as Parameters<typeof qualificationKindLabel>[0])).join('、');
  const out: Paragraph[] = [];
  if (!c) out.push(para('梯度培育：无法评估（缺少企业数据）。'));
  else {
    out.push(para(`梯度培育（按${c.on}适用的认定标准评估，结果供参考，以主管部门认定为准）：已获认定：${c.held.length ? tiers(c.held) : '无'}。`));
    if (c.qualifiesFor.length) out.push(para(`可申报：${tiers(c.qualifiesFor)}（按现有数据已符合条件）。`));
    const next = c.nextTier;
    if (next) {
      out.push(para(`下一梯度：${qualificationKindLabel(next.scheme)}，${next.summary.zh}。`));
      if (next.lowerTierToApplyFor) out.push(para(`建议先申报${qualificationKindLabel(next.lowerTierToApplyFor)}${next.onlyLowerTierMissing ? '，取得后即符合下一梯度条件' : ''}。`));
      if (next.gaps.length) out.push(para(`差距：${next.gaps.map((g) => g.zh).join('；')}。`));
      if (next.missing.length) out.push(para(`待补充数据：${next.missing.map((m) => m.zh).join('、')}。`));
    }
  }
  out.push(para('匹配政策：待政策模块上线后提供。'));
  return out;
}

function qualifications(e: BriefEnterprise): (Paragraph | Table)[] {
  if (e.qualifications.length === 0) return [para('暂无有效资质。')];
  const expiring = e.qualifications.filter((q) => q.expiringSoon);
  return [
    table(
      ['资质', '证书编号', '有效期', '状态'],
      e.qualifications.map((q) => [
        q.name ? `${qualificationKindLabel(q.kind)}（${q.name}）` : qualificationKindLabel(q.kind),
        q.certificateNo ?? NONE,
        `${q.validFrom} 至 ${q.validUntil ?? '长期'}`,
        q.expiringSoon ? `${BRIEF_EXPIRY_MONTHS}个月内到期` : '有效',
      ]),
      [34, 22, 28, 16],
    ),
    expiring.length > 0
      ? para(`${BRIEF_EXPIRY_MONTHS}个月内到期${expiring.length}项：${expiring.map((q) => `${qualificationKindLabel(q.kind)}（${q.validUntil}）`).join('、')}，请提醒企业及时复审或重新申报。`)
      : para(`无${BRIEF_EXPIRY_MONTHS}个月内到期的资质。`),
  ];
}

function previousVisits(e: BriefEnterprise): (Paragraph | Table)[] {
  if (e.previousVisits.length === 0) return [para('此前无已完成的走访。')];
  return [
    table(
      ['走访日期', '带队领导', '走访主题', '问题数'],
      e.previousVisits.map((v) => [`${v.visitOn} ${VISIT_LABELS.zh.halfDay[v.halfDay]}`, v.leaderName, v.themeName ?? NONE, String(v.problemCount)]),
      [30, 22, 32, 16],
    ),
    spacer(),
  ];
}
