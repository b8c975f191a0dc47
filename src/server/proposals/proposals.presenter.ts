import { type AccessDecision, type Actor, decidePlanAct } from '../../domain/access/policy.js';
import type { ProposalRow } from '../../db/queries/proposal.queries.js';
import type { ProposalStatus, ProposalView } from './proposals.schemas.js';

/**
 * A proposal as this viewer may see it. What is proposed follows "that, not what": a viewer
 * who may not see the intervention's details sees only that a change was proposed and how it
 * was answered, unless they proposed it themselves.
 */
export function presentProposal(
  row: ProposalRow,
  actor: Actor,
  access: AccessDecision,
  hidden: ReadonlySet<string>,
): ProposalView {
  const detailsHidden = hidden.has(row.intervention_id) && row.proposed_by !== actor.id;
  const change = typeof row.change === 'string' ? (JSON.parse(row.change) as unknown) : row.change;
  return {
    id: row.id,
    citizenId: row.citizen_id,
    interventionId: row.intervention_id,
    ownerUnit: { id: row.owner_unit_id, name: row.owner_unit_name },
    proposedBy: {
      id: row.proposed_by,
      name: row.proposer_name,
      unit: { id: row.proposed_by_unit_id, name: row.proposer_unit_name },
    },
    status: row.status as ProposalStatus,
    detailsHidden,
    change: detailsHidden ? null : (change as Record<string, unknown>),
    comment: detailsHidden ? null : row.comment,
    declineReason: detailsHidden ? null : row.decline_reason,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decider_name ?? '' } : null,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    canAnswer:
      row.status === 'pending' &&
      decidePlanAct(actor, 'answer-proposal', access, { unitId: row.owner_unit_id }).allowed,
  };
}
