import type { EChartsCoreOption } from 'echarts/core';
import { type ReactElement, useEffect, useRef, useState } from 'react';

/** ECharts is loaded when the first chart is shown, never with the app's first page (its JS budget). */
let loading: Promise<typeof import('./echarts-setup.js')> | null = null;
const loadECharts = () => {
  loading ??= import('./echarts-setup.js');
  return loading;
};

interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
  /** Sets the chart's size (a class, not an inline style: the CSP allows no style attributes). */
  className: string;
  /** SVG by default (crisp text, searchable in tests); canvas for a chart of many points. */
  renderer?: 'svg' | 'canvas';
  testId?: string;
}

/**
 * One ECharts chart, drawn as SVG (or canvas) and redrawn when its box changes size. It is an image to
 * assistive technology: every chart in Samspil has a table alternative with the same figures.
 */
export function EChart({ option, label, className, renderer = 'svg', testId }: EChartProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let disposed = false;
    let dispose = () => {};
    loadECharts()
      .then(({ echarts }) => {
        if (disposed) return;
        const chart = echarts.init(element, null, { renderer });
        chart.setOption({ animation: false, aria: { enabled: false }, ...option });
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      dispose();
    };
  }, [option, renderer]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      className={`samspil-chart ${className}`}
      data-chart-failed={failed || undefined}
      data-testid={testId}
    />
  );
}
