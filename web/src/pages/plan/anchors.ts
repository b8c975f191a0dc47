/** Stable in-page anchors, so gaps and links can point at the part of the plan they concern. */
export const anchors = {
  goal: 'plan-goal',
  subGoals: 'plan-sub-goals',
  interventions: 'plan-interventions',
  team: 'plan-team',
  subGoal: (id: string): string => `sub-goal-${id}`,
  intervention: (id: string): string => `intervention-${id}`,
};
