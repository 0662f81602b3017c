// Alerts per time bucket (hour or day, as the server chose), stacked by level.
import { useMemo } from 'react';
import { LEVELS, type AlertSummary } from '../../api/types.js';
import { Chart, type ChartOption } from '../../components/chart.js';
import { LEVEL_COLOURS } from './level-colours.js';

export function AlertsOverTime({ summary }: { readonly summary: AlertSummary }) {
  const option = useMemo<ChartOption>(() => {
    const times = [...new Set(summary.overTime.map((point) => point.time))].sort();
    const levels = LEVELS.filter((level) => summary.overTime.some((point) => point.level === level));
    const label = (time: string) => (summary.bucket === 'hour' ? new Date(time).toLocaleString(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }) : new Date(time).toLocaleDateString());
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: times.map(label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: levels.map((level) => ({
        name: level,
        type: 'bar',
        stack: 'alerts',
        itemStyle: { color: LEVEL_COLOURS[level] },
        data: times.map((time) => summary.overTime.find((point) => point.time === time && point.level === level)?.count ?? 0),
      })),
    };
  }, [summary]);
  if (summary.overTime.length === 0) return <p className="muted">No alerts in this range.</p>;
  return <Chart option={option} label={`Alerts per ${summary.bucket}, stacked by level: ${summary.total} in all`} />;
}
