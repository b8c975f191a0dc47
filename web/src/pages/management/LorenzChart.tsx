import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type ReactElement, useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, CanvasRenderer]);

/**
 * The Lorenz curve with the line of equality, drawn by ECharts on a canvas. Loaded on its own
 * (React.lazy) so the chart library never weighs on the first page load; the page shows the
 * same points as a table for screen readers and keyboard users.
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
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const percent = (value: number) => `${Math.round(value * 100)} %`;
    chart.setOption({
      animation: false,
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
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, axisLabels]);
  return (
    <div ref={element} className="samspil-lorenz" role="img" aria-label={label} data-testid="lorenz-chart" />
  );
}
