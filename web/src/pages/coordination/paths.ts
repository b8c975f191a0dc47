/** Addresses of the coordination and access pages (Danish, like the product). */
export const referralsPath = '/henvisninger';
export const inboxPath = '/indbakke';
export const coordinationOverviewPath = '/koordinering';
export const accessLogPath = '/hvem-har-set';
export const consentsPath = '/samtykker';
export const delegationsPath = '/fuldmagt';
export const auditPath = '/tilsyn';
export const breakGlassReviewPath = '/bryd-glasset';
