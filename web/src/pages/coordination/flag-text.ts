import type { Flag, FlagStatus } from '../../api/coordination.js';
import type { Localised } from '../../api/client.js';
import { SECTOR_LABELS } from '../../domain.js';
import type { Language } from '../../i18n/index.js';

/** The plan page's coordination section, for links from markers and My day. */
export const coordinationAnchor = 'plan-coordination';

/** A text the server gives in both languages, in the active one. */
export function localised(text: Localised, language: Language): string {
  return text[language] || text.da;
}

/** Open and acknowledged flags still need someone; resolved and dismissed ones are history. */
export function isOpen(status: FlagStatus): boolean {
  return status === 'open' || status === 'acknowledged';
}

/** The ids of interventions and sub-goals that open flags concern. */
export function flaggedIds(flags: readonly Flag[]): ReadonlySet<string> {
  return new Set(flags.filter((flag) => isOpen(flag.status)).flatMap((flag) => flag.subjectIds));
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Most severe first, then newest. */
export function bySeverity(a: Flag, b: Flag): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.createdAt.localeCompare(a.createdAt);
}

/** A sector's name in the active language; an unknown sector by its id. */
export function sectorLabel(sector: string, language: Language): string {
  const labels: Readonly<Record<string, Localised | undefined>> = SECTOR_LABELS;
  return labels[sector]?.[language] ?? sector;
}
