// The ESM build: the CommonJS one (lib/) arrives as a module object, not the component, once bundled.
import ReactEChartsCore from 'echarts-for-react/esm/core.js';
import { useMemo } from 'react';
import { echarts, type ChartOption } from './echarts.js';

/**
 * What was clicked: a bar, slice or point (its data index and series), or a label of the category
 * axis; `key` is the category's value (a month, a Monday, a department id) or the slice's name.
 */
export type ChartPick = { key: string; index: number | null; seriesIndex: number | null };

const SVG = { renderer: 'svg' } as const;

type ClickParams = { componentType?: string; dataIndex?: number; seriesIndex?: number; name?: string; value?: unknown };

/** One ECharts chart (SVG) sized to its box, shared by the dashboards and the bulletins; `onPick` makes it clickable through to the list behind it. */
export function Chart({ option, height, onPick, testId, label }: {
  option: ChartOption;
  height: number | string;
  onPick?: (pick: ChartPick) => void;
  testId?: string;
  /** What the chart shows, for screen readers. */
  label?: string;
}) {
  const onEvents = useMemo(() => (onPick
    ? {
      click: (p: ClickParams) => {
        if (p.componentType === 'series') onPick({ key: String(p.name ?? ''), index: p.dataIndex ?? null, seriesIndex: p.seriesIndex ?? null });
        else if (p.componentType === 'xAxis' || p.componentType === 'yAxis') onPick({ key: String(p.value ?? ''), index: null, seriesIndex: null });
      },
    }
    : undefined), [onPick]);
  return (
    <div className="yq-chart" data-testid={testId} role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} onEvents={onEvents} opts={SVG} />
    </div>
  );
}
