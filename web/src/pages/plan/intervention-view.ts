import type { PresentedIntervention, RestrictedInterventionView } from '../../api/plan.js';

/** Whether only "that, not what" of this intervention may be shown to the viewer. */
export function isRestricted(item: PresentedIntervention): item is RestrictedInterventionView {
  return 'detailsHidden' in item && item.detailsHidden === true;
}

/** The name a person sees: the type's name, or "an intervention in {unit}" when details are hidden. */
export function interventionName(item: PresentedIntervention, hiddenName: (unit: string) => string): string {
  return isRestricted(item) ? hiddenName(item.unit.name) : item.type.name;
}
