import type { TFunction } from 'i18next';
import type { CategoryShare, DashboardMonth, DepartmentOnTime, SatisfactionMonth, VisitWeek } from './dashboard-api.js';
import type { ChartOption } from '../app/echarts.js';
import { MONTH_GROUPS, type MonthGroup } from './dashboard-links.js';

/**
 * The dashboard's chart options, drawn twice: on the light dashboard page and on the dark large
 * screen, where every text is big enough to read across the hall. Category axes carry the keys
 * (YYYY-MM, the Monday of a week) so a click names what was clicked; labels are formatted.
 */
export type ChartLook = {
  text: string;
  muted: string;
  axis: string;
  split: string;
  /** Axis labels, legend and data labels. */
  font: number;
  tooltipBg: string;
  tooltipText: string;
  groups: Record<MonthGroup, string>;
  primary: string;
  secondary: string;
  unranked: string;
  palette: string[];
};

export const LIGHT_LOOK: ChartLook = {
  text: '#1f1f1f',
  muted: '#8c8c8c',
  axis: '#d9d9d9',
  split: '#f0f0f0',
  font: 12,
  tooltipBg: '#ffffff',
  tooltipText: '#1f1f1f',
  groups: { settled: '#52c41a', handling: '#1677ff', overdue: '#f5222d', ended: '#bfbfbf' },
  primary: '#1677ff',
  secondary: '#13c2c2',
  unranked: '#d9d9d9',
  palette: ['#1677ff', '#52c41a', '#faad14', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#2f54eb', '#a0d911', '#8c8c8c'],
};

export const DARK_LOOK: ChartLook = {
  text: '#e6f0ff',
  muted: '#9fb3d1',
  axis: '#3a5580',
  split: 'rgba(120, 160, 220, 0.18)',
  font: 28,
  tooltipBg: 'rgba(8, 24, 52, 0.95)',
  tooltipText: '#e6f0ff',
  groups: { settled: '#3ddc97', handling: '#3ea6ff', overdue: '#ff4d4f', ended: '#7d8aa3' },
  primary: '#3ea6ff',
  secondary: '#36e2e2',
  unranked: '#5b6b85',
  palette: ['#3ea6ff', '#3ddc97', '#ffc53d', '#36e2e2', '#b37feb', '#ff85c0', '#ff9c6e', '#85a5ff', '#d3f261', '#9fb3d1'],
};

/** A real font list: ECharts measures label widths with it ('inherit' would be measured as the default font). */
const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function base(look: ChartLook): ChartOption {
  return {
    textStyle: { color: look.text, fontSize: look.font, fontFamily: FONT },
    tooltip: {
      backgroundColor: look.tooltipBg,
      borderColor: look.axis,
      textStyle: { color: look.tooltipText, fontSize: Math.max(12, Math.round(look.font * 0.8)) },
      confine: true,
    },
  };
}

function legend(look: ChartLook): ChartOption['legend'] {
  return {
    top: 0,
    textStyle: { color: look.text, fontSize: look.font },
    // Small keys and gaps on the large screen, so a legend of 28px words still fits one line.
    itemWidth: look.font >= 20 ? 16 : 14,
    itemHeight: look.font >= 20 ? 14 : 10,
    itemGap: look.font >= 20 ? 10 : 12,
  };
}

function categoryAxis(look: ChartLook, data: string[], format: (key: string, index: number) => string) {
  return {
    type: 'category' as const,
    data,
    triggerEvent: true,
    axisLine: { lineStyle: { color: look.axis } },
    axisTick: { show: false },
    axisLabel: { color: look.muted, fontSize: look.font, formatter: format },
  };
}

function valueAxis(look: ChartLook, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    minInterval: 1,
    // Fewer, bigger steps on the large screen.
    splitNumber: look.font >= 20 ? 3 : 5,
    axisLabel: { color: look.muted, fontSize: look.font },
    splitLine: { lineStyle: { color: look.split } },
    ...extra,
  };
}

const SHORT_MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** "3月", with the year on January and on the first month shown (below it on an axis, so labels stay narrow). */
export function monthLabel(t: TFunction, key: string, index: number, axis = false): string {
  const [y, m] = key.split('-');
  const month = String(Number(m));
  // English names the month ("Mar"); Chinese numbers it ("3月").
  const name = SHORT_MONTH.format(Date.UTC(2000, Number(m) - 1, 1));
  if (index !== 0 && month !== '1') return t('dashboard.monthLabel', { m: month, name });
  return axis ? `${t('dashboard.monthLabel', { m: month, name })}\n${y}` : t('dashboard.monthLabelWithYear', { y, m: month, name });
}

/** Stacked bars: each month's demands by the group of their status now. */
export function monthsOption(months: DashboardMonth[], t: TFunction, look: ChartLook): ChartOption {
  const gap = Math.round(look.font * 2.6);
  return {
    ...base(look),
    tooltip: { ...base(look).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: legend(look),
    grid: { left: 8, right: 8, top: gap, bottom: 4, containLabel: true },
    xAxis: categoryAxis(look, months.map((m) => m.month), (key, i) => monthLabel(t, key, i, true)),
    yAxis: valueAxis(look),
    series: MONTH_GROUPS.map((g) => ({
      type: 'bar' as const,
      name: t(`dashboard.groups.${g}`),
      stack: 'received',
      barMaxWidth: look.font * 3,
      itemStyle: { color: look.groups[g] },
      emphasis: { focus: 'series' as const },
      cursor: 'pointer',
      data: months.map((m) => m[g]),
    })),
  };
}

/** The departments the bars show: those with something settled (a rate), best first as the server sorted them. */
export function departmentsShown(departments: DepartmentOnTime[]): DepartmentOnTime[] {
  return departments.filter((d) => d.onTimeRate !== null);
}

/** Horizontal bars of on-time rates; the unranked in grey. */
export function departmentsOption(departments: DepartmentOnTime[], t: TFunction, look: ChartLook, nameWidth: number): ChartOption {
  return {
    ...base(look),
    tooltip: {
      ...base(look).tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = departments[(p as { dataIndex: number }).dataIndex];
        if (!d) return '';
        const unranked = d.ranked ? '' : t('dashboard.departments.unranked');
        return `${d.departmentName}${unranked}<br/>${t('dashboard.departments.rate')}: ${percent(d.onTimeRate)}%<br/>${t('dashboard.departments.settled', { settled: d.settled, onTime: d.settledOnTime })}`;
      },
    },
    grid: { left: 8, right: look.font * 4, top: 4, bottom: 4, containLabel: true },
    xAxis: { ...valueAxis(look, { max: 100, minInterval: undefined }), show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: departments.map((d) => d.departmentId),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        color: look.text,
        fontSize: look.font,
        width: nameWidth,
        overflow: 'truncate',
        formatter: (id: string) => departments.find((d) => d.departmentId === id)?.departmentName ?? '',
      },
    },
    series: [{
      type: 'bar',
      barMaxWidth: Math.round(look.font * 1.2),
      cursor: 'pointer',
      showBackground: true,
      backgroundStyle: { color: look.split },
      label: { show: true, position: 'right', color: look.text, fontSize: look.font, formatter: (p: unknown) => `${(p as { value: number }).value}%` },
      data: departments.map((d) => ({ value: percent(d.onTimeRate) ?? 0, itemStyle: { color: d.ranked ? look.primary : look.unranked } })),
    }],
  };
}

/** A donut of the year's demands by category; labels that would overlap are left to the tooltip. */
export function categoriesOption(categories: CategoryShare[], look: ChartLook): ChartOption {
  return {
    ...base(look),
    color: look.palette,
    tooltip: { ...base(look).tooltip, trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{
      type: 'pie',
      radius: ['34%', '56%'],
      center: ['50%', '52%'],
      cursor: 'pointer',
      percentPrecision: 1,
      minShowLabelAngle: 6,
      itemStyle: { borderColor: look.tooltipBg, borderWidth: 2 },
      label: { color: look.text, fontSize: look.font, formatter: '{b}\n{d}%', alignTo: 'edge', edgeDistance: 6, lineHeight: Math.round(look.font * 1.2) },
      labelLine: { lineStyle: { color: look.muted }, length: Math.round(look.font * 0.6), length2: Math.round(look.font * 0.6) },
      labelLayout: { hideOverlap: true },
      data: categories.map((c) => ({ name: c.categoryName, value: c.received })),
    }],
  };
}

/**
 * The same mix as bars, largest first: on the large screen, where ten labels around a donut would
 * not fit at a size readable across the hall. `total` is the year's demands (for the shares).
 */
export function categoryBarsOption(categories: CategoryShare[], total: number, t: TFunction, look: ChartLook, nameWidth: number): ChartOption {
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  return {
    ...base(look),
    tooltip: { ...base(look).tooltip, trigger: 'item', formatter: (p: unknown) => {
      const c = categories[(p as { dataIndex: number }).dataIndex];
      return c ? `${c.categoryName}: ${c.received} (${share(c.received)}%)` : '';
    } },
    grid: { left: 8, right: look.font * 6, top: 4, bottom: 4, containLabel: true },
    xAxis: { ...valueAxis(look), show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories.map((c) => c.categoryName),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: look.text, fontSize: look.font, width: nameWidth, overflow: 'truncate' },
    },
    series: [{
      type: 'bar',
      barMaxWidth: Math.round(look.font * 1.2),
      showBackground: true,
      backgroundStyle: { color: look.split },
      label: {
        show: true, position: 'right', color: look.text, fontSize: look.font,
        formatter: (p: unknown) => `${t('dashboard.categories.received', { n: (p as { value: number }).value })} ${share((p as { value: number }).value)}%`,
      },
      data: categories.map((c, i) => ({ value: c.received, itemStyle: { color: look.palette[i % look.palette.length] } })),
    }],
  };
}

/** The monthly satisfaction rate (a gap where nothing was rated). */
export function satisfactionOption(months: SatisfactionMonth[], t: TFunction, look: ChartLook): ChartOption {
  const latest = months.findLastIndex((m) => m.rate !== null);
  return {
    ...base(look),
    tooltip: {
      ...base(look).tooltip,
      trigger: 'axis',
      formatter: (ps: unknown) => {
        const p = (ps as { dataIndex: number }[])[0];
        const m = p ? months[p.dataIndex] : undefined;
        if (!m) return '';
        const rate = m.rate === null ? '—' : `${percent(m.rate)}%`;
        return [
          `${monthLabel(t, m.month, 0)}`,
          `${t('dashboard.satisfaction.rate')}: ${rate}`,
          `${t('dashboard.satisfaction.satisfied')}: ${m.satisfied}`,
          `${t('dashboard.satisfaction.basicallySatisfied')}: ${m.basicallySatisfied}`,
          `${t('dashboard.satisfaction.dissatisfied')}: ${m.dissatisfied}`,
        ].join('<br/>');
      },
    },
    grid: { left: 8, right: look.font * 2, top: look.font * 1.5, bottom: 4, containLabel: true },
    xAxis: { ...categoryAxis(look, months.map((m) => m.month), (key, i) => monthLabel(t, key, i, true)), boundaryGap: false },
    yAxis: valueAxis(look, { max: 100, interval: look.font >= 20 ? 25 : 20, minInterval: undefined, axisLabel: { color: look.muted, fontSize: look.font, formatter: '{value}%' } }),
    series: [{
      type: 'line',
      name: t('dashboard.satisfaction.rate'),
      smooth: true,
      connectNulls: false,
      symbolSize: Math.round(look.font * 0.6),
      cursor: 'pointer',
      lineStyle: { width: Math.max(2, Math.round(look.font / 8)), color: look.groups.settled },
      itemStyle: { color: look.groups.settled },
      areaStyle: { color: look.groups.settled, opacity: 0.12 },
      // Only the latest rate is written on the line; the others are in the tooltip.
      label: { show: false, position: 'top', color: look.text, fontSize: look.font, formatter: (p: unknown) => `${(p as { value: number }).value}%` },
      data: months.map((m, i) => (i === latest ? { value: percent(m.rate)!, label: { show: true } } : percent(m.rate) ?? '-')),
    }],
  };
}

/** Done visits and enterprise-visits per ISO week. */
export function visitsOption(weeks: VisitWeek[], t: TFunction, look: ChartLook): ChartOption {
  const label = (monday: string) => `${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`;
  return {
    ...base(look),
    tooltip: {
      ...base(look).tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
    },
    legend: legend(look),
    grid: { left: 8, right: 8, top: Math.round(look.font * 2.6), bottom: 4, containLabel: true },
    xAxis: categoryAxis(look, weeks.map((w) => w.monday), (monday) => label(monday)),
    yAxis: valueAxis(look),
    series: [
      { type: 'bar', name: t('dashboard.visits.visits'), cursor: 'pointer', barMaxWidth: look.font * 1.5, itemStyle: { color: look.primary }, data: weeks.map((w) => w.visits) },
      { type: 'bar', name: t('dashboard.visits.enterpriseVisits'), cursor: 'pointer', barMaxWidth: look.font * 1.5, itemStyle: { color: look.secondary }, data: weeks.map((w) => w.enterpriseVisits) },
    ],
  };
}
