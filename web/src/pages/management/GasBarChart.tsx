import { type ReactElement, useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';

/**
 * Citizens per band as bars (hidden counts drawn as no bar), by the shared ECharts chart.
 * Loaded on its own (React.lazy, and ECharts only when drawn); the table beside it has the same
 * figures, and says which are hidden and why.
 */
export default function GasBarChart({
  bands,
  counts,
  label,
  axisLabel,
}: {
  bands: string[];
  counts: (number | null)[];
  label: string;
  axisLabel: string;
}): ReactElement {
  const option = useMemo(
    () => ({
      grid: { left: 56, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: bands, axisLabel: { interval: 0, width: 72, overflow: 'break' } },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: axisLabel,
        nameLocation: 'middle',
        nameGap: 40,
      },
      series: [
        {
          type: 'bar',
          data: counts,
          itemStyle: { color: '#0059b3' },
          label: { show: true, position: 'top', color: '#1a1a1a' },
        },
      ],
    }),
    [bands, counts, axisLabel],
  );
  return <EChart option={option} label={label} className="samspil-gas-bars" testId="gas-bar-chart" />;
}
