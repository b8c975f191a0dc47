import { z } from 'zod';

/**
 * A proposal (forslag) as it leaves the server: a change to an intervention proposed by someone
 * outside the unit that owns it, accepted or declined by that unit.
 */
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const named = z.object({ id: z.uuid(), name: z.string() });

export const proposalViewSchema = z
  .object({
    id: z.uuid(),
    citizenId: z.uuid(),
    interventionId: z.uuid(),
    ownerUnit: named.describe('The unit that owns the intervention and answers'),
    proposedBy: named.extend({ unit: named }),
    status: z.enum(PROPOSAL_STATUSES),
    detailsHidden: z
      .boolean()
      .describe('The intervention’s details are hidden from you: only that a change was proposed'),
    change: z.record(z.string(), z.unknown()).nullable(),
    comment: z.string().nullable(),
    declineReason: z.string().nullable(),
    decidedBy: named.nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    canAnswer: z.boolean().describe('You may accept or decline it (the owning unit, while pending)'),
  })
  .meta({ id: 'Proposal' });
export type ProposalView = z.infer<typeof proposalViewSchema>;

export const proposalListSchema = z
  .object({ items: z.array(proposalViewSchema) })
  .meta({ id: 'ProposalList' });
