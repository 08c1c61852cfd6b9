import type { BulletinContent, BulletinFigures } from '../../../contracts/bulletins.js';
import { DEMAND_LABELS } from '../../../contracts/demand-labels.js';
import type { DemandChannel } from '../../../domain/demands/index.js';

/**
 * Chinese words and number formats shared by the bulletin's outputs (.docx, .xlsx, WeChat
 * article, charts), so that the four say the same thing in the same words.
 */

/** What an empty value prints as. */
export const NONE = '—';
export const UNRANKED_NOTE = '（件数较少，不参与排名）';

type Stats = BulletinContent['stats'];
export type DepartmentRow = Stats['byDepartment'][number];
export type CategoryRow = Stats['byCategory'][number];
export type ChannelRow = Stats['byChannel'][number];
export type OverdueItem = Stats['overdueList'][number];
export type FigureKey = keyof BulletinFigures;
export type RateKey = 'onTimeRate' | 'satisfactionRate' | 'confirmationRate';
export type CountKey = Exclude<FigureKey, RateKey>;

export const FIGURE_LABELS: Record<FigureKey, string> = {
  received: '收到诉求',
  accepted: '受理',
  declined: '不予受理',
  settled: '办结',
  settledOnTime: '按时办结',
  overdue: '超期',
  extended: '延期',
  reopened: '重办',
  onTimeRate: '按时办结率',
  satisfactionRate: '满意率',
  confirmationRate: '企业确认率',
};
/** Units: counts are 件 (pieces), rates are fractions printed as percentages. */
export const FIGURE_KEYS: FigureKey[] = [
  'received', 'accepted', 'declined', 'settled', 'settledOnTime', 'overdue', 'extended', 'reopened', 'onTimeRate', 'satisfactionRate', 'confirmationRate',
];
export const isRateKey = (k: FigureKey): k is RateKey => k === 'onTimeRate' || k === 'satisfactionRate' || k === 'confirmationRate';

export const OVERDUE_STATE_LABELS: Record<OverdueItem['state'], string> = { open: '未办结', 'settled-late': '超期办结' };

export const channelName = (c: DemandChannel): string => DEMAND_LABELS.zh.channel[c];
export const unassignedName = DEMAND_LABELS.zh.unassigned;

/** 0.935 → "93.5%", 1 → "100%", null → "—". One decimal, a trailing ".0" dropped. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NONE;
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}
/** A rate as a percentage number for a chart axis (0.935 → 93.5); null stays null. */
export const ratePercent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

export const formatCount = (n: number): string => n.toLocaleString('zh-CN');

const ymd = (iso: string) => iso.slice(0, 10).split('-').map(Number) as [number, number, number];
/** "2026-12-03" → "2026年12月3日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = ymd(iso);
  return `${y}年${m}月${d}日`;
}
/** "2026-11" → "2026年11月". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}
/** "2026-11" → "11月". */
export const shortMonthLabel = (month: string): string => `${Number(month.split('-')[1])}月`;
/** The month before "YYYY-MM", in the same format. */
export function previousMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The issue number line (发文字号 position): one issue a month, numbered by the month —
 * "2026年第11期"; a later version of the same month says which version it is.
 */
export function issueNumberLine(c: Pick<BulletinContent, 'month' | 'version'>): string {
  const [y, m] = c.month.split('-').map(Number);
  return c.version > 1 ? `${y}年第${m}期（第${c.version}版）` : `${y}年第${m}期`;
}

/** "2026-11-20" → "11月20日" in the bulletin's year, "2025年12月30日" in another. */
export function shortDate(iso: string, month: string): string {
  const [y, m, d] = ymd(iso);
  return String(y) === month.slice(0, 4) ? `${m}月${d}日` : chineseDate(iso);
}
/** A deadline as printed in a list: "11月20日", provisional ones marked (暂定). */
export const dueText = (o: Pick<OverdueItem, 'dueOn' | 'dueProvisional'>, month: string): string =>
  `${shortDate(o.dueOn, month)}${o.dueProvisional ? '（暂定）' : ''}`;

export const rankText = (rank: number | null): string => (rank === null ? NONE : String(rank));
export const departmentLabel = (d: Pick<DepartmentRow, 'departmentName' | 'rank'>): string =>
  d.rank === null ? `${d.departmentName}${UNRANKED_NOTE}` : d.departmentName;

/** Ranked departments by rank, then the unranked ones in the order given. */
export function departmentsInOrder<T extends Pick<DepartmentRow, 'rank'>>(rows: readonly T[]): T[] {
  const ranked = rows.filter((d) => d.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return [...ranked, ...rows.filter((d) => d.rank === null)];
}

/** "增加3件" / "减少2件" / "持平". */
export function countChange(now: number, before: number): string {
  if (now === before) return '持平';
  return now > before ? `增加${formatCount(now - before)}件` : `减少${formatCount(before - now)}件`;
}
/** "提高2.5个百分点" / "下降1个百分点" / "持平"; null when either side has no rate. */
export function rateChange(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return '持平';
  return `${points > 0 ? '提高' : '下降'}${Math.abs(points).toFixed(1).replace(/\.0$/, '')}个百分点`;
}

/** The paragraphs of 一、总体情况, in prose: the month, compared with the previous month, and the year to date. */
export function totalsParagraphs(c: BulletinContent): string[] {
  const { totals: t, previousMonth: p, yearToDate: y } = c.stats;
  const month = monthLabel(c.stats.month);
  const onTimeCmp = rateChange(t.onTimeRate, p.onTimeRate);
  const first = [
    `${month}，共收到企业诉求${formatCount(t.received)}件，较上月${countChange(t.received, p.received)}`,
    `受理${formatCount(t.accepted)}件${t.declined > 0 ? `，不予受理${formatCount(t.declined)}件` : ''}`,
    `办结${formatCount(t.settled)}件（上月${formatCount(p.settled)}件），其中按时办结${formatCount(t.settledOnTime)}件`,
    `按时办结率${formatRate(t.onTimeRate)}${onTimeCmp ? `，较上月${onTimeCmp}` : ''}`,
  ].join('，');
  const second = [
    `超期${formatCount(t.overdue)}件，延期${formatCount(t.extended)}件，重办${formatCount(t.reopened)}件`,
    `企业满意率${formatRate(t.satisfactionRate)}，企业确认率${formatRate(t.confirmationRate)}`,
  ].join('；');
  const year = c.stats.month.slice(0, 4);
  const ytd = `${year}年以来累计收到企业诉求${formatCount(y.received)}件，办结${formatCount(y.settled)}件，其中按时办结${formatCount(y.settledOnTime)}件，`
    + `按时办结率${formatRate(y.onTimeRate)}，企业满意率${formatRate(y.satisfactionRate)}。`;
  return [`${first}；${second}。`, ytd];
}

/** The paragraph that opens 二、各责任单位办理情况. */
export function departmentsParagraph(c: BulletinContent): string {
  const rows = c.stats.byDepartment;
  if (rows.length === 0) return '本月无责任单位办理诉求。';
  const ranked = departmentsInOrder(rows).filter((d) => d.rank !== null);
  const unranked = rows.length - ranked.length;
  const parts = [`本月共有${rows.length}个责任单位办理企业诉求`];
  if (unranked > 0) parts.push(`其中${unranked}个单位办理件数少于${c.stats.minRanked}件，列出但不参与排名`);
  const top = ranked.filter((d) => d.rank !== null && d.rank <= 3);
  if (top.length > 0) parts.push(`按时办结率排名前列的是${top.map((d) => `${d.departmentName}（${formatRate(d.onTimeRate)}）`).join('、')}`);
  const late = rows.filter((d) => d.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  if (late.length > 0) parts.push(`${late.length}个单位有超期诉求`);
  return `${parts.join('，')}。`;
}

/** The sentence that opens 三、超期诉求. */
export function overdueParagraph(c: BulletinContent): string {
  const list = c.stats.overdueList;
  if (list.length === 0) return '本月无超期诉求。';
  const open = list.filter((o) => o.state === 'open').length;
  const provisional = list.filter((o) => o.dueProvisional).length;
  return `本月超期诉求${formatCount(list.length)}件，其中尚未办结${formatCount(open)}件、超期办结${formatCount(list.length - open)}件`
    + `${provisional > 0 ? `；${provisional}件的办结时限为暂定时限，以最终确定的时限为准` : ''}。请相关责任单位抓紧办理，按时反馈。`;
}

export const visitsParagraph = (c: BulletinContent): string =>
  c.visits.sentence.trim() || (c.visits.visits > 0
    ? `本月开展“每周益企”走访${formatCount(c.visits.visits)}次，走访企业${formatCount(c.visits.enterpriseVisits)}家次。`
    : '本月未开展“每周益企”走访。');

/** The correction notice printed at the top of a corrected version. */
export const correctionText = (c: BulletinContent): string | null =>
  c.correction ? `本期为更正版（第${c.version}版），替代第${c.correction.supersedesVersion}版。更正原因：${c.correction.reason}` : null;

/** "于2026年11月18日办结（按时办结）". */
export function caseOutcome(k: BulletinContent['cases'][number]): string {
  if (!k.settledOn) return '目前正在办理中。';
  const timing = k.settledOnTime === null ? '' : k.settledOnTime ? '，按时办结' : '，超期办结';
  return `${chineseDate(k.settledOn)}办结${timing}。`;
}

const sentence = (t: string) => (/[。！？.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}。`);
/** 办理结果 of a typical case: the public answer (or who handled it) and when it was settled. */
export function caseResultText(k: BulletinContent['cases'][number]): string {
  if (k.answer?.trim()) return `${sentence(k.answer)}${caseOutcome(k)}`;
  return `${k.departmentName ? `由${k.departmentName}办理，` : ''}${caseOutcome(k)}`;
}
/** 诉求情况 of a typical case. */
export const caseDemandText = (k: BulletinContent['cases'][number]): string =>
  `${k.description.trim().replace(/[。；;，,.]+$/, '')}（${k.categoryName}，${chineseDate(k.submittedOn)}提出）。`;

/** "从问题分类看，诉求共涉及10类，较多的是产证办理（16件）、…". */
export function categoriesParagraph(c: BulletinContent): string {
  const rows = [...c.stats.byCategory].filter((r) => r.received > 0).sort((a, b) => b.received - a.received);
  if (rows.length === 0) return '本月无分类数据。';
  const top = rows.slice(0, 3).map((r) => `${r.name}（${formatCount(r.received)}件）`).join('、');
  return `从问题分类看，本月诉求共涉及${rows.length}类问题，较多的是${top}。`;
}
/** "从诉求渠道看，走访·现场办公46件、企业端38件、…". */
export function channelsParagraph(c: BulletinContent): string {
  const rows = [...c.stats.byChannel].filter((r) => r.received > 0).sort((a, b) => b.received - a.received);
  if (rows.length === 0) return '本月无渠道数据。';
  return `从诉求渠道看，${rows.map((r) => `${channelName(r.channel)}${formatCount(r.received)}件`).join('、')}。`;
}
