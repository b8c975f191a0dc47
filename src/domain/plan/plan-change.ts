/** The parts of a plan a change can touch, as named in the plan's history. */
export type PlanEntity =
  | 'goal'
  | 'sub_goal'
  | 'intervention'
  | 'team_member'
  | 'pathway'
  | 'proposal'
  | 'own_step'
  | 'plan_comment';

/** One recorded change: what it was before and after, for the plan's history. */
export interface PlanChange {
  entity: PlanEntity;
  entityId: string;
  action: 'create' | 'update' | 'end';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What a plan change came from, when it was not made on the plan itself. */
export const PLAN_CHANGE_ORIGINS = ['meeting', 'follow_up', 'decision'] as const;
export interface PlanChangeOrigin {
  kind: (typeof PLAN_CHANGE_ORIGINS)[number];
  id: string;
}
