import type { PresentedPlan } from '../../../api/plan.js';
import { isRestricted } from '../intervention-view.js';

/** The item a follow-up page is about, as the page and its form need it. */
export interface FollowedItem {
  kind: 'intervention' | 'sub_goal';
  id: string;
  name: string;
  /** Still going on: an intervention not ended, an active sub-goal. */
  active: boolean;
  /** The owning unit of an intervention. */
  unitId: string | null;
  frequency: string | null;
  purpose: string | null;
  startDate: string | null;
  endDate: string | null;
  targetDate: string | null;
  gasLevel: number | null;
}

/** The plan's item behind the page's address (`indsats` or `delmaal` and its id); null if none is visible. */
export function followedItem(plan: PresentedPlan, segment: string, id: string): FollowedItem | null {
  if (segment === 'indsats') {
    const found = plan.sectors.flatMap((group) => group.interventions).find((item) => item.id === id);
    // Another unit's hidden intervention has no follow-up the viewer may see.
    if (!found || isRestricted(found)) return null;
    return {
      kind: 'intervention',
      id,
      name: found.type.name,
      active: found.status !== 'ended',
      unitId: found.unit.id,
      frequency: found.frequency,
      purpose: found.purpose,
      startDate: found.startDate,
      endDate: found.endDate,
      targetDate: null,
      gasLevel: null,
    };
  }
  if (segment === 'delmaal') {
    const goal = plan.subGoals.find((item) => item.id === id);
    if (!goal) return null;
    return {
      kind: 'sub_goal',
      id,
      name: goal.title,
      active: goal.status === 'active',
      unitId: null,
      frequency: null,
      purpose: null,
      startDate: null,
      endDate: null,
      targetDate: goal.targetDate,
      gasLevel: goal.gasLevel,
    };
  }
  return null;
}
