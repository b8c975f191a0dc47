import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what Samspil draws: graphs (collaboration), lines (a citizen's measures, the Lorenz
// curve) and bars (the GAS distribution), as SVG, and on canvas for the Lorenz curve.
echarts.use([BarChart, GraphChart, LineChart, GridComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

export { echarts };
