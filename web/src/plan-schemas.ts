/**
 * The API's own input schemas for plan changes, so the forms validate exactly as the server does.
 * Kept apart from domain.ts on purpose: Zod is then loaded only with the plan page, not at start.
 */
export {
  endSchema,
  GAS_LEVELS,
  goalInputSchema,
  interventionCreateSchema,
  interventionUpdateSchema,
  pathwayCreateSchema,
  pathwayEndSchema,
  pathwayStageMoveSchema,
  subGoalCreateSchema,
  subGoalUpdateSchema,
  teamMemberCreateSchema,
  teamMemberUpdateSchema,
} from '../../src/domain/plan/plan.schemas.js';
export { PATHWAY_OUTCOMES } from '../../src/domain/plan/pathway-outcome.js';
export {
  ownGoalInputSchema,
  ownStepCreateSchema,
  planCommentInputSchema,
} from '../../src/domain/plan/own-part.schemas.js';
