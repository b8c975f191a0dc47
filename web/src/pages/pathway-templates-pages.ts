import { lazyPage } from './lazy-page.js';

/** Where the municipality's pathway templates live (issue 14, decision 0019). */
export const pathwayTemplatesPath = '/forloebsskabeloner';

/** The pathway templates page, in its own chunk. */
export const pathwayTemplatesPage = lazyPage(() =>
  import('./pathway-templates/PathwayTemplatesPage.js').then((module) => module.PathwayTemplatesPage),
);
