// The hub's charts: operators by sector and by province, reported incidents by level and by sector
// (first reports, one per incident), and submitted reports on time against late.
import { useMemo } from 'react';
import type { Organisation, ReportSummary } from '../../api/types.js';
import { Chart, type ChartOption } from '../../components/chart.js';
import { incidentLevelName } from '../../components/incident-level.js';
import { crossTally, tally, timelinessCounts } from '../../lib/hub-statistics.js';

const barOption = (entries: readonly { key: string; count: number }[], colour: string): ChartOption => ({
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', inverse: true, data: entries.map((entry) => entry.key) },
  series: [{ type: 'bar', data: entries.map((entry) => entry.count), itemStyle: { color: colour } }],
});

const LEVEL_ORDER = ['particularly-major', 'major', 'relatively-major', 'general', 'unknown'];
const LEVEL_COLOURS: Record<string, string> = { 'particularly-major': '#8c1d18', 'major': '#d9622b', 'relatively-major': '#d49a00', 'general': '#3b82c4', 'unknown': '#8a94a6' };

export function HubCharts({ operators, reports }: { readonly operators: readonly Organisation[]; readonly reports: readonly ReportSummary[] }) {
  const sectorOf = useMemo(() => new Map(operators.map((operator) => [operator.id, operator.sector ?? 'unknown'])), [operators]);
  // An incident is counted once, by its first report; a follow-up or closing report is the same incident.
  const incidents = useMemo(() => reports.filter((report) => report.kind === 'first'), [reports]);
  const options = useMemo(() => {
    const bySector = crossTally(incidents, (report) => sectorOf.get(report.organisationId), (report) => report.level);
    const series = [...bySector.series].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
    const timeliness = timelinessCounts(reports.filter((report) => report.kind !== 'follow-up'));
    const byLevel = tally(incidents, (report) => report.level).sort((a, b) => LEVEL_ORDER.indexOf(a.key) - LEVEL_ORDER.indexOf(b.key));
    return {
      sectors: barOption(tally(operators, (operator) => operator.sector), '#3b6ea5'),
      provinces: barOption(tally(operators, (operator) => operator.province), '#5a8f6a'),
      levels: {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['40%', '70%'], data: byLevel.map((entry) => ({ name: incidentLevelName(entry.key), value: entry.count, itemStyle: { color: LEVEL_COLOURS[entry.key] ?? '#8a94a6' } })) }],
      } as ChartOption,
      incidentSectors: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: bySector.rows },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((level) => ({ name: incidentLevelName(level), type: 'bar', stack: 'level', itemStyle: { color: LEVEL_COLOURS[level] ?? '#8a94a6' }, data: bySector.counts[bySector.series.indexOf(level)] })),
      } as ChartOption,
      timeliness: {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['40%', '70%'], data: [
          { name: 'on time', value: timeliness['on-time'], itemStyle: { color: '#2e7d32' } },
          { name: 'late', value: timeliness.late, itemStyle: { color: '#b3152a' } },
        ] }],
      } as ChartOption,
      counts: { incidents: incidents.length, timeliness },
    };
  }, [operators, reports, incidents, sectorOf]);

  return (
    <div className="grid">
      <div className="card">
        <h2>Operators by sector</h2>
        <Chart option={options.sectors} label={`Operators by sector: ${operators.length} operators`} height={Math.max(160, 40 + operators.length * 8)} />
      </div>
      <div className="card">
        <h2>Operators by province</h2>
        <Chart option={options.provinces} label="Operators by province" height={Math.max(160, 40 + operators.length * 8)} />
      </div>
      <div className="card">
        <h2>Reported incidents by level</h2>
        {options.counts.incidents === 0 ? <p className="muted">None reported.</p> : <Chart option={options.levels} label={`${options.counts.incidents} reported incidents by level`} />}
      </div>
      <div className="card">
        <h2>Reported incidents by sector</h2>
        {options.counts.incidents === 0 ? <p className="muted">None reported.</p> : <Chart option={options.incidentSectors} label="Reported incidents by sector, stacked by level" />}
      </div>
      <div className="card">
        <h2>Reports on time 按时报告</h2>
        <p>
          <strong>{options.counts.timeliness['on-time']}</strong> on time, <strong>{options.counts.timeliness.late}</strong> late
        </p>
        {options.counts.timeliness['on-time'] + options.counts.timeliness.late > 0 && <Chart option={options.timeliness} label={`Reports on time ${options.counts.timeliness['on-time']}, late ${options.counts.timeliness.late}`} height={200} />}
      </div>
    </div>
  );
}
