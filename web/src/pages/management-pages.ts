import { lazyPage } from './lazy-page.js';

/** Where the management figures live (issue 15). */
export const managementPath = '/ledelsestal';

/** The management figures page, in its own chunk (ECharts in yet another, loaded when drawn). */
export const managementPage = lazyPage(() =>
  import('./management/ManagementPage.js').then((module) => module.ManagementPage),
);
