import type { Me } from './api/types.js';

/** Where a citizen's plan lives in the app. */
export function planPath(citizenId: string): string {
  return `/borgere/${encodeURIComponent(citizenId)}/plan`;
}

/** The page a user starts on: professionals their caseload, citizens their own plan. */
export function homePath(me: Me): string {
  if (me.kind === 'citizen') return planPath(me.citizenId ?? me.id);
  return '/borgere';
}
