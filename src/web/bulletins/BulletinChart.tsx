import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// The ES module build: the CommonJS one (lib/) arrives as { default } through the bundler's interop.
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the parts the bulletin draws: bars, pies, their grid, tooltip and legend (tree-shaken).
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type BulletinChartOption = echarts.ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** One ECharts chart of a bulletin, sized by its container's width (SVG: crisp on phones and in print). */
export function BulletinChart({ option, height, testId }: { option: BulletinChartOption; height: number; testId?: string }) {
  return (
    <div className="yq-bulletin-chart" data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'svg' }} />
    </div>
  );
}
