import type { PresentedPlan } from '../../api/plan.js';
import { createContext, useContext } from 'react';

/** The plan being shown and what the viewer may do with it, for the sections deep in the page. */
export interface PlanContextValue {
  citizenId: string;
  plan: PresentedPlan;
  etag: string | null;
  /** Professionals edit; a citizen reads their own plan. */
  canEdit: boolean;
  /** The logged-in person's id, to tell their own changes from others'. */
  meId: string | null;
  /** The logged-in professional's unit: it owns (changes, ends, confirms) its interventions. */
  meUnitId: string | null;
}

export const PlanContext = createContext<PlanContextValue | null>(null);

/** The plan in view; only used inside the plan page. */
export function usePlanContext(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error('usePlanContext outside the plan page');
  return value;
}
