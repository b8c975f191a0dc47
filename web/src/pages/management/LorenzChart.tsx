import { type ReactElement, useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';

const percent = (value: number) => `${Math.round(value * 100)} %`;

/**
 * The Lorenz curve with the line of equality, drawn by the shared ECharts chart on a canvas.
 * Loaded on its own (React.lazy, and ECharts only when drawn) so the chart library never weighs
 * on the first page load; the page shows the same points as a table for screen readers and
 * keyboard users.
 */
export default function LorenzChart({
  points,
  label,
  axisLabels,
}: {
  points: [number, number][];
  label: string;
  axisLabels: { x: string; y: string };
}): ReactElement {
  const option = useMemo(
    () => ({
      grid: { left: 56, right: 16, top: 16, bottom: 48 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: axisLabels.x,
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: { formatter: percent },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: axisLabels.y,
        nameLocation: 'middle',
        nameGap: 44,
        axisLabel: { formatter: percent },
      },
      series: [
        {
          type: 'line',
          data: [
            [0, 0],
            [1, 1],
          ],
          showSymbol: false,
          lineStyle: { type: 'dashed', color: '#747474' },
        },
        {
          type: 'line',
          data: points,
          showSymbol: false,
          lineStyle: { width: 3, color: '#0059b3' },
          areaStyle: { opacity: 0.08 },
        },
      ],
    }),
    [points, axisLabels],
  );
  return (
    <EChart
      option={option}
      label={label}
      className="samspil-lorenz"
      renderer="canvas"
      testId="lorenz-chart"
    />
  );
}
