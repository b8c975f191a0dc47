import { useMemo } from 'react';
import { useCitizenFlags } from '../../api/coordination.js';
import { usePlanContext } from '../plan/PlanContext.js';
import { flaggedIds } from './flag-text.js';

/**
 * Whether an open flag concerns this intervention or sub-goal. Every card reads the same cached
 * query (TanStack shares one request), so the plan page needs no extra provider for this.
 */
export function useIsFlagged(id: string): boolean {
  const { citizenId, canEdit } = usePlanContext();
  // Markers are for the professionals; the citizen's plan shows no flags.
  const flags = useCitizenFlags(citizenId, canEdit);
  const ids = useMemo(() => flaggedIds(flags.data ?? []), [flags.data]);
  return ids.has(id);
}
