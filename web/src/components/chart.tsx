// ECharts in React, with only the chart types and components the dashboard uses registered (from
// echarts/core), which keeps the bundle a fraction of the full library. The aria component writes a
// description of each chart for screen readers; the label says what the chart is.
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, HeatmapChart, PieChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers. */
  readonly label: string;
  readonly height?: number;
  readonly onClick?: (params: { name?: string; seriesName?: string; value?: unknown; data?: unknown }) => void;
}

export function Chart({ option, label, height = 280, onClick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);

  useEffect(() => {
    if (element.current === null) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (instance === undefined || onClick === undefined) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);

  return <div className="chart" ref={element} role="img" aria-label={label} style={{ height }} />;
}
