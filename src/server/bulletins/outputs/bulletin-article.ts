import juice from 'juice';
import type { BulletinContent } from '../../../contracts/bulletins.js';
import type { BulletinChartKey } from './bulletin-charts.js';
import {
  FIGURE_LABELS, OVERDUE_STATE_LABELS, caseDemandText, caseResultText, categoriesParagraph, channelName, channelsParagraph, chineseDate, correctionText,
  departmentsInOrder, departmentsParagraph, dueText, formatCount, formatRate, isRateKey, issueNumberLine, monthLabel, overdueParagraph, rankText,
  totalsParagraphs, unassignedName, visitsParagraph, UNRANKED_NOTE, type FigureKey,
} from './bulletin-labels.js';

/**
 * The monthly bulletin as a WeChat official-account article (draft/add, see
 * wechat-and-approvals.md §1.4 and §1.10): inline styles only (a small stylesheet inlined with
 * juice, then every class and id removed), no script/style/link, images only from the URLs the
 * caller gives (the mmbiz URLs media/uploadimg returned for the chart PNGs), all text escaped.
 * The body stays under 20,000 characters and 1 MB: when the tables would make it longer, the
 * overdue list is cut ("等N件") first, then the cases' texts, then the department table's columns.
 */
export const WECHAT_LIMITS = { title: 32, author: 16, digest: 128, contentChars: 20_000, contentBytes: 1024 * 1024 } as const;

export type WechatArticleOptions = {
  /** The URL of a chart's uploaded PNG (media/uploadimg). Only these URLs appear in the body. */
  imageUrl: (chartKey: BulletinChartKey) => string;
};
export type WechatArticle = {
  title: string;
  digest: string;
  author: string;
  html: string;
  /** How many overdue items the body lists (all of them unless it had to be cut). */
  overdueShown: number;
};

export function renderWechatArticle(content: BulletinContent, opts: WechatArticleOptions): WechatArticle {
  const meta = { title: articleTitle(content), digest: articleDigest(content), author: clip(content.issuedBy, WECHAT_LIMITS.author) };
  const total = content.stats.overdueList.length;
  const fits = (html: string) => html.length < WECHAT_LIMITS.contentChars && Buffer.byteLength(html, 'utf8') < WECHAT_LIMITS.contentBytes;

  for (const level of LEVELS) {
    const render = (overdueShown: number) => finish(body(content, opts, { ...level, overdueShown }));
    const full = render(total);
    if (fits(full)) return { ...meta, html: full, overdueShown: total };
    if (!fits(render(0))) continue;
    // The longest overdue list that fits: binary search over the number of rows shown.
    let [lo, hi] = [0, total];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(render(mid))) lo = mid;
      else hi = mid - 1;
    }
    return { ...meta, html: render(lo), overdueShown: lo };
  }
  throw new Error('bulletin article: the body does not fit the WeChat limits even in its shortest form');
}

/** How the department table is drawn: all columns, three columns, or one line per department (no cells). */
type DepartmentForm = 'table' | 'compact' | 'lines';
type Level = { caseTextMax: number | null; departments: DepartmentForm };
const LEVELS: Level[] = [
  { caseTextMax: null, departments: 'table' },
  { caseTextMax: 120, departments: 'table' },
  { caseTextMax: 120, departments: 'compact' },
  { caseTextMax: 120, departments: 'lines' },
];

// ─── Title, digest, author ─────────────────────────────────────────────────
const length = (s: string) => [...s].length;
const clip = (s: string, max: number) => (length(s) <= max ? s : `${[...s].slice(0, max - 1).join('')}…`);

/** The bulletin's title if it fits 32 characters, else a shorter one that still names the month. */
export function articleTitle(c: BulletinContent): string {
  const [y, m] = c.stats.month.split('-').map(Number);
  const suffix = c.correction ? '（更正）' : '';
  const candidates = [
    c.title,
    `${c.zoneName}${y}年${m}月企业诉求办理情况通报`,
    `${c.zoneName}${m}月企业诉求办理情况通报`,
    `${y}年${m}月企业诉求办理情况通报`,
  ].map((t) => (suffix && !t.includes('更正') ? `${t}${suffix}` : t));
  return candidates.find((t) => length(t) <= WECHAT_LIMITS.title) ?? clip(candidates[candidates.length - 1]!, WECHAT_LIMITS.title);
}

export function articleDigest(c: BulletinContent): string {
  const t = c.stats.totals;
  const text = `${c.correction ? '【更正】' : ''}${monthLabel(c.stats.month)}共收到企业诉求${formatCount(t.received)}件，办结${formatCount(t.settled)}件，`
    + `按时办结率${formatRate(t.onTimeRate)}，企业满意率${formatRate(t.satisfactionRate)}；超期诉求${formatCount(t.overdue)}件。`;
  return clip(text, WECHAT_LIMITS.digest);
}

// ─── The body ───────────────────────────────────────────────────────────────
const STYLESHEET = `
.article { font-size: 16px; line-height: 1.75; color: #333333; letter-spacing: 0.5px; }
.issue { text-align: center; color: #c00000; font-size: 14px; margin: 0 0 4px 0; }
.issuer { text-align: center; color: #c00000; font-size: 18px; font-weight: bold; margin: 0 0 12px 0; padding-bottom: 8px; border-bottom: 2px solid #c00000; }
.p { text-indent: 2em; margin: 0 0 12px 0; text-align: justify; }
.notice { margin: 0 0 16px 0; padding: 8px 12px; background-color: #fff4e5; border-left: 3px solid #e67e22; font-size: 15px; }
.h2 { font-size: 17px; font-weight: bold; color: #c00000; margin: 24px 0 12px 0; padding-left: 8px; border-left: 4px solid #c00000; }
.h3 { font-size: 16px; font-weight: bold; margin: 16px 0 8px 0; }
.table { width: 100%; border-collapse: collapse; font-size: 13px; line-height: 1.5; text-align: center; margin: 0 0 12px 0; }
.th { border: 1px solid #ddd; padding: 3px; background-color: #f5f5f5; }
.td { border: 1px solid #ddd; padding: 3px; }
.left { text-align: left; }
.note { font-size: 13px; color: #888888; margin: 0 0 12px 0; }
.img { display: block; width: 100%; margin: 8px 0 12px 0; }
.sign { text-align: right; margin: 32px 0 0 0; }
`;

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const p = (text: string, cls = 'p') => `<p class="${cls}">${escape(text)}</p>`;
const h2 = (text: string) => `<h2 class="h2">${escape(text)}</h2>`;
const h3 = (text: string) => `<h3 class="h3">${escape(text)}</h3>`;
const img = (url: string, alt: string) => `<img class="img" src="${escape(url)}" alt="${escape(alt)}">`;

/** A table: header cells, then rows; the columns in `left` are left-aligned. */
function table(header: string[], rows: string[][], left: number[] = []): string {
  const td = (v: string, i: number) => `<td class="td${left.includes(i) ? ' left' : ''}">${escape(v)}</td>`;
  return `<table class="table"><thead><tr>${header.map((h) => `<th class="th">${escape(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`;
}

const figure = (f: Record<FigureKey, number | null>, k: FigureKey) => (isRateKey(k) ? formatRate(f[k]) : formatCount(f[k] ?? 0));
const cut = (s: string, max: number | null) => (max === null ? s : clip(s, max));

type BodyOptions = Level & { overdueShown: number };
/** The totals table of the article: the prose above it says the rest (the .docx and .xlsx have every figure). */
const ARTICLE_FIGURES: FigureKey[] = ['received', 'settled', 'settledOnTime', 'overdue', 'onTimeRate', 'satisfactionRate'];

function body(c: BulletinContent, opts: WechatArticleOptions, o: BodyOptions): string {
  const s = c.stats;
  const parts: string[] = [p(issueNumberLine(c), 'issue'), p(c.issuedBy, 'issuer')];

  const correction = correctionText(c);
  if (correction) parts.push(`<section class="notice"><strong>更正说明：</strong>${escape(correction)}</section>`);
  for (const line of (c.intro ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) parts.push(p(line));

  parts.push(h2('一、总体情况'), ...totalsParagraphs(c).map((t) => p(t)));
  parts.push(table(['指标', '本月', '上月', '本年累计'], ARTICLE_FIGURES.map((k) => [FIGURE_LABELS[k], figure(s.totals, k), figure(s.previousMonth, k), figure(s.yearToDate, k)]), [0]));
  parts.push(img(opts.imageUrl('monthComparison'), '本月与上月对比'));

  parts.push(h2('二、各责任单位办理情况'), p(departmentsParagraph(c)), img(opts.imageUrl('departmentOnTime'), '各责任单位按时办结率'));
  const depts = departmentsInOrder(s.byDepartment);
  const deptName = (d: (typeof depts)[number]) => (d.rank === null ? `${d.departmentName}${UNRANKED_NOTE}` : d.departmentName);
  if (o.departments === 'lines') {
    const lines = depts.map((d) => `${d.rank === null ? '—' : d.rank}．${deptName(d)}：办理${formatCount(d.handled)}件，按时办结率${formatRate(d.onTimeRate)}`);
    parts.push(`<p class="note">${lines.map(escape).join('<br>')}</p>`);
  } else if (o.departments === 'compact') {
    parts.push(table(['排名', '责任单位', '按时办结率'], depts.map((d) => [rankText(d.rank), deptName(d), formatRate(d.onTimeRate)]), [1]));
  } else {
    parts.push(table(
      ['排名', '责任单位', '办理', '超期', '按时办结率'],
      depts.map((d) => [rankText(d.rank), deptName(d), formatCount(d.handled), formatCount(d.overdue), formatRate(d.onTimeRate)]),
      [1],
    ));
  }
  parts.push(p(`注：本月办理诉求少于${s.minRanked}件的单位列出但不参与排名。`, 'note'));

  parts.push(h2('三、超期诉求'), p(overdueParagraph(c)));
  const shown = s.overdueList.slice(0, o.overdueShown);
  if (shown.length > 0) {
    parts.push(table(
      ['序号', '诉求编号', '责任单位', '办结时限', '状态'],
      shown.map((x, i) => [String(i + 1), x.number, x.departmentName ?? unassignedName, dueText(x, s.month), OVERDUE_STATE_LABELS[x.state]]),
      [2],
    ));
  }
  const hidden = s.overdueList.length - shown.length;
  if (hidden > 0) {
    parts.push(p(shown.length > 0
      ? `以上列出${shown.length}件，另有${formatCount(hidden)}件未列出（等${formatCount(s.overdueList.length)}件），完整清单见通报正式文件。`
      : `超期诉求清单（等${formatCount(s.overdueList.length)}件）篇幅较长，本文未列出，完整清单见通报正式文件。`, 'note'));
  }

  // The chart carries the categories; the .docx and .xlsx have their full tables.
  parts.push(h2('四、分类与渠道'), h3('（一）按问题分类'), p(categoriesParagraph(c)), img(opts.imageUrl('categories'), '诉求分类情况'));
  parts.push(h3('（二）按诉求渠道'), p(channelsParagraph(c)));
  if (s.byChannel.length > 0) {
    parts.push(table(
      ['诉求渠道', '收到', '办结', '按时办结率'],
      s.byChannel.map((r) => [channelName(r.channel), formatCount(r.received), formatCount(r.settled), formatRate(r.onTimeRate)]),
      [0],
    ));
  }

  parts.push(h2('五、每周益企走访情况'), p(visitsParagraph(c)));

  parts.push(h2('六、典型案例'));
  if (c.cases.length === 0) parts.push(p('本月未选取典型案例。'));
  c.cases.forEach((k, i) => {
    parts.push(
      h3(`（${ORDINALS[i] ?? String(i + 1)}）${k.title}`),
      `<p class="p"><strong>诉求情况：</strong>${escape(cut(caseDemandText(k), o.caseTextMax))}</p>`,
      `<p class="p"><strong>办理结果：</strong>${escape(cut(caseResultText(k), o.caseTextMax))}</p>`,
    );
  });

  parts.push(`<p class="sign">${escape(c.issuedBy)}<br>${escape(chineseDate(c.issuedOn))}</p>`);
  return `<section class="article">${parts.join('')}</section>`;
}
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// ─── Inline, then keep only what WeChat keeps ───────────────────────────────
const ALLOWED_TAGS = new Set(['section', 'p', 'span', 'strong', 'em', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'br']);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { img: ['src', 'alt', 'style'], td: ['style', 'colspan'], th: ['style', 'colspan'] };

/** "border: 1px solid #ddd; padding: 3px;" → "border:1px solid #ddd;padding:3px": the body's size limit counts every character. */
const minifyStyle = (style: string) => style.split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.replace(/\s*:\s*/, ':')).join(';');

/** Inline the stylesheet, then rebuild every tag with only allowed attributes (no class, no id). */
function finish(html: string): string {
  const inlined = juice(`<style>${STYLESHEET}</style>${html}`, {
    removeStyleTags: true,
    preserveImportant: false,
    applyAttributesTableElements: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    insertPreservedExtraCss: false,
    preserveMediaQueries: false,
    preserveFontFaces: false,
  });
  return inlined.trim().replace(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g, (_all, close: string, rawName: string, rawAttrs: string) => {
    const name = rawName.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) throw new Error(`bulletin article: tag <${name}> is not allowed`);
    if (close) return `</${name}>`;
    const allowed = ALLOWED_ATTRIBUTES[name] ?? ['style'];
    const attrs = [...rawAttrs.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)]
      .filter(([, attr]) => allowed.includes(attr!.toLowerCase()))
      .map(([, attr, value]) => ` ${attr!.toLowerCase()}="${attr!.toLowerCase() === 'style' ? minifyStyle(value!) : value}"`)
      .join('');
    return `<${name}${attrs}>`;
  });
}
