import type { Sector } from '../domain.js';

/** A unit (afdeling) as the API shows it next to a person. */
export interface UnitRef {
  id: string;
  name: string;
  sector: Sector;
}

/** The logged-in user, from GET /api/auth/me. */
export interface Me {
  kind: 'professional' | 'citizen';
  id: string;
  name: string;
  role: string;
  unit: UnitRef | null;
  municipality: { code: string; name: string };
  citizenId: string | null;
}

/** Someone one can log in as in demo mode. */
export interface DemoPersona {
  id: string;
  kind: 'professional' | 'citizen';
  name: string;
  /** Older servers sent one localised title; the app uses titleDa/titleEn. */
  title?: string;
  titleDa: string;
  titleEn: string;
  unit: UnitRef | null;
}

export type CaseloadRelation = 'coordinator' | 'team_member' | 'intervention_responsible' | 'unit';

/** One citizen on a professional's caseload. The CPR number is always masked. */
export interface CaseloadItem {
  id: string;
  givenName: string;
  familyName: string;
  cprMasked: string;
  relation: CaseloadRelation;
  activeInterventions: number;
  sectors: Sector[];
  updatedAt: string;
}

/** A page of results, as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** RFC 9457 problem details, as every API error is returned. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
