import { z } from 'zod';
import { interventionUpdateSchema } from '../../domain/plan/plan.schemas.js';

/**
 * The HTTP shapes of proposals (forslag): a change to an intervention proposed by someone
 * outside the unit that owns it, accepted or declined by that unit.
 */
export { PROPOSAL_STATUSES, type ProposalStatus } from '../../domain/plan/proposal.responses.js';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);

export const proposalCreateSchema = z.strictObject({
  change: interventionUpdateSchema.describe('The change, as the owning unit would make it with PATCH'),
  comment: text(1000).nullable().optional().describe('Why the change is proposed'),
});
export type ProposalCreate = z.infer<typeof proposalCreateSchema>;

export const proposalDeclineSchema = z.strictObject({
  reason: text(1000).describe('Why the owning unit declines'),
});
export type ProposalDecline = z.infer<typeof proposalDeclineSchema>;

export {
  type ProposalView,
  proposalListSchema,
  proposalViewSchema,
} from '../../domain/plan/proposal.responses.js';
