/**
 * The page visit the API calls belong to, sent as `X-Samspil-Visit`: a new random id whenever
 * the page (its path) changes, the same for every call a page makes while it is shown (also its
 * refetches). The server keeps it in the audit trail, and the citizen's access log shows one
 * entry per visit instead of one per call.
 */
export const VISIT_HEADER = 'X-Samspil-Visit';

let current = { path: '', id: '' };

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; a UUID v4 from random bytes otherwise.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the visit of the page now shown. */
export function visitId(path: string = globalThis.location?.pathname ?? ''): string {
  if (path !== current.path) current = { path, id: randomId() };
  return current.id;
}
