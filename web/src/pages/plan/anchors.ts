/** Stable in-page anchors, so gaps and links can point at the part of the plan they concern. */
export const anchors = {
  goal: 'plan-goal',
  subGoals: 'plan-sub-goals',
  interventions: 'plan-interventions',
  timeline: 'plan-timeline',
  team: 'plan-team',
  pathways: 'plan-pathways',
  pyramid: 'plan-pyramid',
  history: 'plan-history',
  subGoal: (id: string): string => `sub-goal-${id}`,
  intervention: (id: string): string => `intervention-${id}`,
};
