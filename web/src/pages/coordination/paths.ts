/** Addresses of the coordination and access pages (Danish, like the product). */
export const referralsPath = '/henvisninger';
export const inboxPath = '/indbakke';
export const coordinationOverviewPath = '/koordinering';
export const accessLogPath = '/hvem-har-set';
export const consentsPath = '/samtykker';
export const delegationsPath = '/fuldmagt';
export const auditPath = '/tilsyn';
export const breakGlassReviewPath = '/bryd-glasset';
/** The flags behind a figure of the coordination overview; the filter is in the query. */
export const coordinationFlagsPath = '/koordinering/signaler';

/** The address of the flag list with this filter (the API's parameter names, so one link is one query). */
export function coordinationFlagsLink(filter: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, value);
  return `${coordinationFlagsPath}?${params.toString()}`;
}
