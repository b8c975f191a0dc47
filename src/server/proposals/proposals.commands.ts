import type { Transaction } from 'kysely';
import type { ProposalData } from '../../domain/coordination/notifications.js';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import { interventionUpdateSchema } from '../../domain/plan/plan.schemas.js';
import { newId } from '../../db/ids.js';
import { insertNotifications } from '../../db/queries/notification.queries.js';
import {
  answerProposal,
  citizenAndUnitNames,
  insertProposal,
  interventionForProposal,
  type ProposalRow,
  proposalById,
  unitRecipients,
} from '../../db/queries/proposal.queries.js';
import type { DB } from '../../db/schema.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import type { ChangeScope } from '../plan/plan-change.js';
import { responsibleMustBelong, updateIntervention } from '../plan/plan.commands.js';
import { problems } from '../problem.js';
import type { ProposalCreate, ProposalDecline } from './proposals.schemas.js';

/**
 * Proposals (forslag) are plan writes: each runs inside changePlan (lock, If-Match, history,
 * audit), so making, accepting and declining one are all in the plan's history.
 */

/** Someone outside the owning unit proposes a change; the owning unit hears of it in its inbox. */
export async function createProposal(
  scope: ChangeScope,
  interventionId: string,
  input: ProposalCreate,
): Promise<PlanChange[]> {
  const { trx, municipalityId, citizenId, actor } = scope;
  const intervention = await interventionForProposal(trx, municipalityId, citizenId, interventionId);
  if (!intervention) throw problems.notFound('The intervention');
  scope.authorize('propose-change', { unitId: intervention.unit_id });
  if (intervention.status === 'ended')
    throw problems.conflict('This intervention has ended; there is nothing left to change.');
  if (input.change.responsibleId) {
    await responsibleMustBelong(scope, input.change.responsibleId, intervention.unit_id);
  }
  const id = newId();
  await insertProposal(trx, municipalityId, {
    id,
    citizenId,
    interventionId,
    ownerUnitId: intervention.unit_id,
    proposedBy: actor.id,
    proposedByUnitId: actor.unitId,
    change: input.change,
    comment: input.comment ?? null,
  });
  const staff = await unitRecipients(trx, municipalityId, intervention.unit_id);
  const leaders = staff.filter((person) => person.role === 'team_leader').map((person) => person.id);
  const recipients = new Set(leaders.length > 0 ? leaders : staff.map((person) => person.id));
  if (intervention.responsible_id) recipients.add(intervention.responsible_id);
  recipients.delete(actor.id);
  await notify(trx, actor, citizenId, id, recipients, 'proposal-made');
  return [
    {
      entity: 'proposal',
      entityId: id,
      action: 'create',
      before: null,
      after: {
        interventionId,
        ownerUnitId: intervention.unit_id,
        change: input.change,
        comment: input.comment ?? null,
        status: 'pending',
      },
    },
  ];
}

/** The owning unit accepts: the change is applied as the unit's own change, then the proposal closes. */
export async function acceptProposal(scope: ChangeScope, proposalId: string): Promise<PlanChange[]> {
  const row = await pendingProposal(scope, proposalId);
  const change = interventionUpdateSchema.safeParse(row.change);
  if (!change.success) throw problems.conflict('The proposed change no longer fits the intervention.');
  const applied = await updateIntervention(scope, row.intervention_id, change.data);
  await answerProposal(scope.trx, scope.municipalityId, proposalId, {
    status: 'accepted',
    decidedBy: scope.actor.id,
    declineReason: null,
  });
  await notify(scope.trx, scope.actor, scope.citizenId, proposalId, [row.proposed_by], 'proposal-accepted');
  return [...applied, answered(row, 'accepted', null)];
}

/** The owning unit declines, with a reason; nothing else changes. */
export async function declineProposal(
  scope: ChangeScope,
  proposalId: string,
  input: ProposalDecline,
): Promise<PlanChange[]> {
  const row = await pendingProposal(scope, proposalId);
  await answerProposal(scope.trx, scope.municipalityId, proposalId, {
    status: 'declined',
    decidedBy: scope.actor.id,
    declineReason: input.reason,
  });
  await notify(scope.trx, scope.actor, scope.citizenId, proposalId, [row.proposed_by], 'proposal-declined');
  return [answered(row, 'declined', input.reason)];
}

async function pendingProposal(scope: ChangeScope, proposalId: string): Promise<ProposalRow> {
  const row = await proposalById(scope.trx, scope.municipalityId, scope.citizenId, proposalId);
  if (!row) throw problems.notFound('The proposal');
  scope.authorize('answer-proposal', { unitId: row.owner_unit_id });
  if (row.status !== 'pending') throw problems.conflict(`The proposal has already been ${row.status}.`);
  const parsed = typeof row.change === 'string' ? (JSON.parse(row.change) as unknown) : row.change;
  return { ...row, change: parsed };
}

function answered(row: ProposalRow, status: 'accepted' | 'declined', reason: string | null): PlanChange {
  return {
    entity: 'proposal',
    entityId: row.id,
    action: 'update',
    before: { interventionId: row.intervention_id, status: 'pending' },
    after: { interventionId: row.intervention_id, status, declineReason: reason },
  };
}

/** Tells the owning unit of a new proposal, or the proposer of the answer. No type names. */
async function notify(
  trx: Transaction<DB>,
  actor: ProfessionalActor,
  citizenId: string,
  proposalId: string,
  recipientIds: Iterable<string>,
  kind: 'proposal-made' | 'proposal-accepted' | 'proposal-declined',
): Promise<void> {
  const recipients = [...recipientIds].filter((id) => id !== actor.id);
  if (recipients.length === 0) return;
  const { citizen, unit } = await citizenAndUnitNames(trx, actor.municipalityId, citizenId, actor.unitId);
  const data: ProposalData = {
    proposalId,
    citizen: { id: citizenId, name: `${citizen.given_name} ${citizen.family_name}` },
    unit: unit.name,
  };
  const payload = JSON.stringify(data);
  await insertNotifications(trx, actor, recipients, { citizenId, kind, subjectId: proposalId, payload });
}
