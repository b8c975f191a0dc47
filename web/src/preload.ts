import type { QueryClient } from '@tanstack/react-query';
import { planQuery } from './api/plan.js';
import { pages } from './pages/pages.js';

/**
 * On a full page load, starts loading the page's code (and, for a plan, the plan itself) at
 * once, instead of one after the other behind the login check: the page is then drawn as soon
 * as the login is confirmed. A 401 here is harmless; the login check decides what is shown.
 */
export function preloadForPath(pathname: string, queryClient: QueryClient): void {
  const plan = /^\/borgere\/([^/]+)\/plan\/?$/.exec(pathname);
  if (plan?.[1]) {
    void queryClient.prefetchQuery(planQuery(decodeURIComponent(plan[1])));
    void pages.plan.preload();
    return;
  }
  if (pathname.startsWith('/mit-overblik')) void pages.myDay.preload();
  else if (pathname.startsWith('/min-enhed')) void pages.unit.preload();
  else if (pathname.startsWith('/borgere')) void pages.caseload.preload();
  else if (pathname.startsWith('/login')) void pages.login.preload();
}
