import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what Samspil draws: graphs (collaboration), lines (a citizen's measures, the Lorenz
// curve) and bars (the GAS distribution, the pathway figures, with a legend when two series
// share a chart), as SVG, and on canvas for the Lorenz curve.
echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export { echarts };
