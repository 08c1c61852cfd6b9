import fs from 'node:fs';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { BulletinContent } from '../../../contracts/bulletins.js';
import { FIGURE_LABELS, departmentsInOrder, monthLabel, previousMonthOf, ratePercent, type CountKey } from './bulletin-labels.js';

/**
 * The bulletin's charts, drawn on the server with ECharts' SSR renderer (SVG) and rasterised
 * with resvg (PNG) for the .docx and the WeChat article (whose uploadimg takes PNG < 1 MB).
 * Pure functions of the content; fonts are the only thing read from the machine.
 */
export const BULLETIN_CHART_KEYS = ['departmentOnTime', 'categories', 'monthComparison'] as const;
export type BulletinChartKey = (typeof BULLETIN_CHART_KEYS)[number];

export type BulletinChart = {
  key: BulletinChartKey;
  title: string;
  /** CSS pixels of the SVG; the PNG is twice as large (the same size for a chart taller than 1200). */
  width: number;
  height: number;
  svg: string;
  png: Buffer;
};
export type BulletinCharts = Record<BulletinChartKey, BulletinChart>;

/** WeChat's media/uploadimg limit. */
export const PNG_MAX_BYTES = 1024 * 1024;
const PNG_SCALE = 2;
const TALL = 1200;
/** Narrow enough that the labels stay readable on a phone (WeChat) and on the A4 type area (156 mm). */
const WIDTH = 640;

/** The families asked for in the SVG, the first that exists wins (Debian CI: fonts-wqy-microhei). */
export const CHART_FONT_FAMILY = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const DEFAULT_FONT = 'WenQuanYi Micro Hei';
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];
let fontFiles: string[] | null = null;
const knownFontFiles = () => (fontFiles ??= FONT_CANDIDATES.filter((f) => fs.existsSync(f)));

const COLORS = { primary: '#c23531', secondary: '#2f4554', muted: '#9aa5b1', text: '#333333', grid: '#e5e5e5' };

const TITLES: Record<BulletinChartKey, string> = {
  departmentOnTime: '各责任单位按时办结率',
  categories: '诉求分类情况',
  monthComparison: '本月与上月对比',
};

type ChartSpec = { height: number; option: echarts.EChartsCoreOption };

const base = (title: string, subtitle?: string) => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: COLORS.text },
  title: {
    text: title, subtext: subtitle, left: 'center', top: 12,
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 19, fontWeight: 'bold', color: COLORS.text },
    subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: '#666666' },
  },
});
const emptyGraphic = (text: string) => ({
  type: 'text', left: 'center', top: 'middle',
  style: { text, fontSize: 16, fill: '#999999', fontFamily: CHART_FONT_FAMILY },
});
const axisLabel = { fontFamily: CHART_FONT_FAMILY, fontSize: 14, color: COLORS.text };

function departmentOnTime(c: BulletinContent): ChartSpec {
  const ranked = departmentsInOrder(c.stats.byDepartment).filter((d) => d.rank !== null);
  const unranked = c.stats.byDepartment.length - ranked.length;
  const subtitle = `${monthLabel(c.stats.month)}${unranked > 0 ? `，另有${unranked}个单位件数少于${c.stats.minRanked}件，不参与排名` : ''}`;
  const height = Math.max(260, 110 + ranked.length * 32);
  return {
    height,
    option: {
      ...base(TITLES.departmentOnTime, subtitle),
      ...(ranked.length === 0 ? { graphic: [emptyGraphic('本月暂无参与排名的责任单位')] } : {}),
      grid: { left: 24, right: 64, top: 80, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine: { lineStyle: { color: COLORS.grid } } },
      yAxis: {
        type: 'category', inverse: true, axisTick: { show: false },
        data: ranked.map((d) => `${d.rank}. ${d.departmentName}`), axisLabel,
      },
      series: [{
        type: 'bar', barMaxWidth: 22, itemStyle: { color: COLORS.primary },
        label: { show: true, position: 'right', formatter: '{c}%', fontFamily: CHART_FONT_FAMILY, fontSize: 14 },
        data: ranked.map((d) => ratePercent(d.onTimeRate) ?? 0),
      }],
    },
  };
}

function categories(c: BulletinContent): ChartSpec {
  const rows = [...c.stats.byCategory].sort((a, b) => b.received - a.received);
  const height = Math.max(260, 120 + rows.length * 38);
  return {
    height,
    option: {
      ...base(TITLES.categories, monthLabel(c.stats.month)),
      ...(rows.length === 0 ? { graphic: [emptyGraphic('本月暂无诉求')] } : {}),
      legend: { top: 60, textStyle: axisLabel, data: [FIGURE_LABELS.received, FIGURE_LABELS.settled] },
      grid: { left: 24, right: 48, top: 96, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: COLORS.grid } } },
      yAxis: { type: 'category', inverse: true, axisTick: { show: false }, data: rows.map((r) => r.name), axisLabel },
      series: [
        { name: FIGURE_LABELS.received, type: 'bar', barMaxWidth: 14, itemStyle: { color: COLORS.primary }, label: { show: true, position: 'right', fontSize: 13 }, data: rows.map((r) => r.received) },
        { name: FIGURE_LABELS.settled, type: 'bar', barMaxWidth: 14, itemStyle: { color: COLORS.secondary }, label: { show: true, position: 'right', fontSize: 13 }, data: rows.map((r) => r.settled) },
      ],
    },
  };
}

const COMPARED: CountKey[] = ['received', 'settled', 'settledOnTime', 'overdue'];
function monthComparison(c: BulletinContent): ChartSpec {
  const { totals, previousMonth } = c.stats;
  const label = { show: true, position: 'top', fontSize: 14, fontFamily: CHART_FONT_FAMILY };
  return {
    height: 360,
    option: {
      ...base(TITLES.monthComparison),
      legend: { top: 50, textStyle: axisLabel, data: [monthLabel(previousMonthOf(c.stats.month)), monthLabel(c.stats.month)] },
      grid: { left: 24, right: 24, top: 96, bottom: 24, containLabel: true },
      xAxis: { type: 'category', axisTick: { show: false }, data: COMPARED.map((k) => FIGURE_LABELS[k]), axisLabel: { ...axisLabel, fontSize: 14 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: COLORS.grid } } },
      series: [
        { name: monthLabel(previousMonthOf(c.stats.month)), type: 'bar', barMaxWidth: 32, itemStyle: { color: COLORS.muted }, label, data: COMPARED.map((k) => previousMonth[k]) },
        { name: monthLabel(c.stats.month), type: 'bar', barMaxWidth: 32, itemStyle: { color: COLORS.primary }, label, data: COMPARED.map((k) => totals[k]) },
      ],
    },
  };
}

const SPECS: Record<BulletinChartKey, (c: BulletinContent) => ChartSpec> = { departmentOnTime, categories, monthComparison };

/** One chart as an SVG string (`width`×`height` CSS pixels). */
export function renderBulletinChartSvg(content: BulletinContent, key: BulletinChartKey): { svg: string; width: number; height: number; title: string } {
  const spec = SPECS[key](content);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: spec.height });
  try {
    chart.setOption(spec.option);
    return { svg: chart.renderToSVGString(), width: WIDTH, height: spec.height, title: TITLES[key] };
  } finally {
    chart.dispose();
  }
}

/**
 * An SVG rasterised to PNG at twice its size (sharp on phones), with a CJK font, on white; at
 * its own size when it is very tall or that would pass WeChat's 1 MB limit, and an error if
 * even that does.
 */
export function svgToPng(svg: string): Buffer {
  const files = knownFontFiles();
  // A very tall chart (dozens of departments) is drawn at its own size: large enough, and quick.
  const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1] ?? 0);
  for (const zoom of height > TALL ? [1] : [PNG_SCALE, 1]) {
    const resvg = new Resvg(svg, {
      background: '#ffffff',
      fitTo: { mode: 'zoom', value: zoom },
      font: { fontFiles: files, loadSystemFonts: files.length === 0, defaultFontFamily: DEFAULT_FONT, sansSerifFamily: DEFAULT_FONT },
    });
    const png = resvg.render().asPng();
    if (png.length < PNG_MAX_BYTES) return png;
  }
  throw new Error('bulletin chart: the PNG is larger than 1 MB');
}

export function renderBulletinChart(content: BulletinContent, key: BulletinChartKey): BulletinChart {
  const { svg, width, height, title } = renderBulletinChartSvg(content, key);
  return { key, title, width, height, svg, png: svgToPng(svg) };
}

/** All three charts. */
export function renderBulletinCharts(content: BulletinContent): BulletinCharts {
  return Object.fromEntries(BULLETIN_CHART_KEYS.map((k) => [k, renderBulletinChart(content, k)])) as BulletinCharts;
}
