import type { Me } from './api/auth.js';

/** Where a citizen's plan lives in the app. */
export function planPath(citizenId: string): string {
  return `/borgere/${encodeURIComponent(citizenId)}/plan`;
}

/** The follow-up page of an intervention or a sub-goal of a citizen's plan. */
export function followUpPath(citizenId: string, kind: 'intervention' | 'sub_goal', itemId: string): string {
  const segment = kind === 'intervention' ? 'indsats' : 'delmaal';
  return `${planPath(citizenId)}/opfoelgning/${segment}/${encodeURIComponent(itemId)}`;
}

/** A decision's own page: its checklist of the legal steps (issue 14). */
export function decisionPath(citizenId: string, decisionId: string): string {
  return `/borgere/${encodeURIComponent(citizenId)}/afgoerelser/${encodeURIComponent(decisionId)}`;
}

/** A new draft decision for the citizen, answering a team case when given. */
export function newDecisionPath(citizenId: string, teamCaseId?: string): string {
  const base = `/borgere/${encodeURIComponent(citizenId)}/afgoerelser/ny`;
  return teamCaseId ? `${base}?teamCase=${encodeURIComponent(teamCaseId)}` : base;
}

/** The team meetings of my unit, and one of them with its case list. */
export const teamMeetingsPath = '/teammoeder';
export function teamMeetingPath(meetingId: string): string {
  return `${teamMeetingsPath}/${encodeURIComponent(meetingId)}`;
}

/** The citizen's (and a relative's) start page: Mit forløb, the plan in plain language. */
export const myPathwayPath = '/mit-forloeb';

/** Addresses of the professional's pages (Danish, like the product). */
export const paths = {
  myDay: '/mit-overblik',
  caseload: '/borgere',
  unit: '/min-enhed',
  surveys: '/samarbejde',
  teamMeetings: '/teammoeder',
} as const;

/** Whether the user leads a unit and so has the unit overview. */
export function leadsUnit(me: Me): boolean {
  return me.kind === 'professional' && me.role === 'team_leader' && me.unit !== null;
}

/**
 * The page a user starts on: a team leader their unit's overview, other professionals My day,
 * citizens (and relatives) Mit forløb.
 */
export function homePath(me: Me): string {
  if (me.kind === 'citizen') return myPathwayPath;
  return leadsUnit(me) ? paths.unit : paths.myDay;
}

/** Whether a professional may be sent back to this address after logging in. */
export function isProfessionalPath(path: string): boolean {
  return Object.values(paths).some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The team leader's list of the unit's citizens behind a figure or a professional's caseload. */
export function unitCitizensLink(filter: { attention?: string; professionalId?: string }): string {
  const params = new URLSearchParams();
  if (filter.attention) params.set('attention', filter.attention);
  if (filter.professionalId) params.set('professionalId', filter.professionalId);
  const query = params.toString();
  return `${paths.unit}/borgere${query ? `?${query}` : ''}`;
}
