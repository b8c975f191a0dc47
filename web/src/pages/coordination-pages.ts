import {
  accessLogPath,
  auditPath,
  breakGlassReviewPath,
  consentsPath,
  coordinationFlagsPath,
  coordinationOverviewPath,
  delegationsPath,
  inboxPath,
  referralsPath,
} from './coordination/paths.js';
import { lazyPage } from './lazy-page.js';

/** The coordination and access pages (issues 4 and 5), each in its own chunk like the others. */
export const coordinationPages = {
  inbox: lazyPage(() => import('./inbox/InboxPage.js').then((module) => module.InboxPage)),
  referrals: lazyPage(() => import('./referrals/ReferralsPage.js').then((module) => module.ReferralsPage)),
  overview: lazyPage(() =>
    import('./coordination/CoordinationOverviewPage.js').then((module) => module.CoordinationOverviewPage),
  ),
  accessLog: lazyPage(() => import('./access/AccessLogPage.js').then((module) => module.AccessLogPage)),
  consents: lazyPage(() => import('./access/ConsentsPage.js').then((module) => module.ConsentsPage)),
  delegations: lazyPage(() => import('./access/DelegationsPage.js').then((module) => module.DelegationsPage)),
  audit: lazyPage(() => import('./audit/AuditPage.js').then((module) => module.AuditPage)),
  coordinationFlags: lazyPage(() =>
    import('./coordination/CoordinationFlagsPage.js').then((module) => module.CoordinationFlagsPage),
  ),
  breakGlassReview: lazyPage(() =>
    import('./audit/BreakGlassReviewPage.js').then((module) => module.BreakGlassReviewPage),
  ),
};

/** Where each of these pages lives, without the leading slash, as App's routes want it. */
export const coordinationPaths: readonly (readonly [string, keyof typeof coordinationPages])[] = (
  [
    [inboxPath, 'inbox'],
    [referralsPath, 'referrals'],
    [coordinationOverviewPath, 'overview'],
    [accessLogPath, 'accessLog'],
    [consentsPath, 'consents'],
    [delegationsPath, 'delegations'],
    [auditPath, 'audit'],
    [breakGlassReviewPath, 'breakGlassReview'],
    [coordinationFlagsPath, 'coordinationFlags'],
  ] as const satisfies readonly (readonly [string, keyof typeof coordinationPages])[]
).map(([path, page]) => [path.slice(1), page] as const);
