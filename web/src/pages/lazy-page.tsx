import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement } from 'react';

/** A page loaded on demand, that can also be loaded ahead (preload) and then renders at once. */
export interface LazyPage {
  loaded: ComponentType | null;
  suspending: LazyExoticComponent<ComponentType>;
  preload: () => Promise<void>;
}

/**
 * Like React.lazy, but once the code is loaded the page renders directly instead of suspending:
 * React reveals suspended content at most every 300 ms, and a page whose code was preloaded
 * while the login was being checked should not wait for that.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let pending: Promise<void> | null = null;
  const page: LazyPage = {
    loaded: null,
    preload: () => {
      pending ??= load().then((component) => {
        page.loaded = component;
      });
      return pending;
    },
    suspending: lazy(async () => {
      await page.preload();
      return { default: page.loaded as ComponentType };
    }),
  };
  return page;
}

/** Renders a lazy page: directly when its code is loaded, otherwise through Suspense. */
export function PageLoader({ page }: { page: LazyPage }): ReactElement {
  const Loaded = page.loaded;
  const Suspending = page.suspending;
  return Loaded ? <Loaded /> : <Suspending />;
}
