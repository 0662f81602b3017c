// The ATT&CK matrix as a heat map: tactics as columns, each column's techniques as cells coloured by
// how many alerts carry them. A click on a cell lists those alerts; the table below it is the same
// data for the keyboard and screen readers.
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { AlertSummary } from '../../api/types.js';
import { Chart, type ChartOption } from '../../components/chart.js';
import { attackMatrix, tacticLabel } from '../../lib/attack-matrix.js';
import { buildQuery } from '../../lib/query-string.js';

export function AttackHeatMap({ techniques, range }: { readonly techniques: AlertSummary['techniques']; readonly range: { from: string; to: string } }) {
  const navigate = useNavigate();
  const matrix = useMemo(() => attackMatrix(techniques), [techniques]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { formatter: (params: { data: [number, number, number, string] }) => `${tacticLabel(matrix.tactics[params.data[0]])}<br/>${params.data[3]}: ${params.data[2]} alert(s)` },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', position: 'top', data: matrix.tactics.map(tacticLabel), axisLabel: { interval: 0, rotate: matrix.tactics.length > 6 ? 30 : 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', inverse: true, data: Array.from({ length: matrix.rows }, (_, row) => String(row + 1)), show: false },
      visualMap: { min: 1, max: Math.max(matrix.maxCount, 2), calculable: false, orient: 'horizontal', right: 0, top: 0, itemHeight: 80, inRange: { color: ['#f7c59f', '#ec8a4f', '#d9622b', '#8c1d18'] } },
      series: [{ type: 'heatmap', data: matrix.cells, label: { show: true, formatter: (params: { data: [number, number, number, string] }) => params.data[3], fontSize: 10 }, itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
    }),
    [matrix],
  );
  const open = useCallback(
    (params: { data?: unknown }) => {
      const cell = params.data as [number, number, number, string] | undefined;
      if (cell) navigate(`/alerts${buildQuery({ ...range, tag: `attack.${cell[3].toLowerCase()}` })}`);
    },
    [navigate, range],
  );
  if (matrix.cells.length === 0) return <p className="muted">No alerts tagged with ATT&amp;CK techniques in this range.</p>;
  return (
    <>
      <Chart option={option} label={`ATT&CK matrix: ${matrix.cells.length} techniques under ${matrix.tactics.length} tactics`} height={Math.max(220, 70 + matrix.rows * 34)} onClick={open} />
      <details>
        <summary>As a table</summary>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Tactic</th>
              <th scope="col">Technique</th>
              <th scope="col">Alerts</th>
            </tr>
          </thead>
          <tbody>
            {matrix.cells.map(([column, , count, technique]) => (
              <tr key={`${column}-${technique}`}>
                <td>{tacticLabel(matrix.tactics[column])}</td>
                <td>
                  <Link to={`/alerts${buildQuery({ ...range, tag: `attack.${technique.toLowerCase()}` })}`}>{technique}</Link>
                </td>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
