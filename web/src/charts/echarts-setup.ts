import { GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what Samspil draws: graphs (collaboration) and lines (a citizen's measures), as SVG.
echarts.use([GraphChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

export { echarts };
