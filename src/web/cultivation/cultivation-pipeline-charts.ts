import type { TFunction } from 'i18next';
import type { ChartOption } from '../app/echarts.js';
import type { CultivationScheme, PipelineBand } from '../../contracts/cultivation.js';
import { PIPELINE_BANDS } from '../../contracts/cultivation.js';
import { BAND_COLORS, SCHEME_COLORS } from './cultivation-pipeline-tags.js';

/** A real font list: ECharts measures label widths with it. */
const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

/**
 * The candidate pipeline of a run as a ring: one slice per band, in PIPELINE_BANDS order (so a
 * click's data index names the band).
 */
export function pipelineOption(counts: Record<PipelineBand, number>, t: TFunction): ChartOption {
  return {
    textStyle: { fontFamily: FONT, fontSize: 12 },
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）', confine: true },
    legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 12, itemHeight: 10 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '75%'],
        center: ['35%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data: PIPELINE_BANDS.map((band) => ({
          name: t(`cultivationPipeline.bands.${band}`),
          value: counts[band],
          itemStyle: { color: BAND_COLORS[band] },
        })),
      },
    ],
  };
}

export type CountsMetric = 'cumulative' | 'valid';

/** The running count by month: one line per tier, of the enterprises recognised (cumulative) or holding a valid title. */
export function countsOption(
  points: { month: string; scheme: CultivationScheme; cumulative: number; valid: number }[],
  schemes: readonly CultivationScheme[],
  metric: CountsMetric,
  t: TFunction,
): ChartOption {
  const months = [...new Set(points.map((p) => p.month))].sort();
  const value = new Map(points.map((p) => [`${p.scheme}|${p.month}`, p[metric]]));
  const common = (scheme: CultivationScheme) => ({
    name: t(`cultivationPipeline.schemes.${scheme}`),
    itemStyle: { color: SCHEME_COLORS[scheme] },
    data: months.map((m) => value.get(`${scheme}|${m}`) ?? 0),
  });
  // Valid titles: stacked bars (the zone's total at a glance); recognised: a step line per tier.
  const series: ChartOption['series'] =
    metric === 'valid'
      ? schemes.map((scheme) => ({ type: 'bar' as const, stack: 'valid', barMaxWidth: 24, ...common(scheme) }))
      : schemes.map((scheme) => ({ type: 'line' as const, step: 'end' as const, showSymbol: false, ...common(scheme) }));
  return {
    textStyle: { fontFamily: FONT, fontSize: 12 },
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, boundaryGap: metric === 'valid', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}
