import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A proposal as read, with the names the presenter shows. */
export interface ProposalRow {
  id: string;
  citizen_id: string;
  intervention_id: string;
  owner_unit_id: string;
  owner_unit_name: string;
  proposed_by: string;
  proposer_name: string;
  proposed_by_unit_id: string;
  proposer_unit_name: string;
  change: unknown;
  comment: string | null;
  status: string;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
  decline_reason: string | null;
  created_at: Date;
}

function proposalQuery(db: Executor, municipalityId: string) {
  return db
    .selectFrom('proposal as p')
    .innerJoin('unit as ou', (join) =>
      join.onRef('ou.municipality_id', '=', 'p.municipality_id').onRef('ou.id', '=', 'p.owner_unit_id'),
    )
    .innerJoin('professional as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'p.municipality_id').onRef('pr.id', '=', 'p.proposed_by'),
    )
    .innerJoin('unit as pu', (join) =>
      join.onRef('pu.municipality_id', '=', 'p.municipality_id').onRef('pu.id', '=', 'p.proposed_by_unit_id'),
    )
    .leftJoin('professional as d', (join) =>
      join.onRef('d.municipality_id', '=', 'p.municipality_id').onRef('d.id', '=', 'p.decided_by'),
    )
    .select([
      'p.id',
      'p.citizen_id',
      'p.intervention_id',
      'p.owner_unit_id',
      'ou.name as owner_unit_name',
      'p.proposed_by',
      'pr.name as proposer_name',
      'p.proposed_by_unit_id',
      'pu.name as proposer_unit_name',
      'p.change',
      'p.comment',
      'p.status',
      'p.decided_by',
      'd.name as decider_name',
      'p.decided_at',
      'p.decline_reason',
      'p.created_at',
    ])
    .where('p.municipality_id', '=', municipalityId);
}

/** One proposal of a citizen, or undefined. */
export async function proposalById(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  id: string,
): Promise<ProposalRow | undefined> {
  return proposalQuery(db, municipalityId)
    .where('p.citizen_id', '=', citizenId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** A citizen's proposals, pending first, newest first. */
export async function proposalsOfCitizen(
  db: Executor,
  municipalityId: string,
  citizenId: string,
): Promise<ProposalRow[]> {
  const rows = await proposalQuery(db, municipalityId)
    .where('p.citizen_id', '=', citizenId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
  return rows.sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
}

export interface ProposalInsert {
  id: string;
  citizenId: string;
  interventionId: string;
  ownerUnitId: string;
  proposedBy: string;
  proposedByUnitId: string;
  change: unknown;
  comment: string | null;
}

export async function insertProposal(
  trx: Transaction<DB>,
  municipalityId: string,
  proposal: ProposalInsert,
): Promise<void> {
  await trx
    .insertInto('proposal')
    .values({
      municipality_id: municipalityId,
      id: proposal.id,
      citizen_id: proposal.citizenId,
      intervention_id: proposal.interventionId,
      owner_unit_id: proposal.ownerUnitId,
      proposed_by: proposal.proposedBy,
      proposed_by_unit_id: proposal.proposedByUnitId,
      change: JSON.stringify(proposal.change),
      comment: proposal.comment,
    })
    .execute();
}

/** Records the owning unit's answer. Only a pending proposal is answered (the caller checked it). */
export async function answerProposal(
  trx: Transaction<DB>,
  municipalityId: string,
  id: string,
  answer: { status: 'accepted' | 'declined'; decidedBy: string; declineReason: string | null },
): Promise<void> {
  await trx
    .updateTable('proposal')
    .set({
      status: answer.status,
      decided_by: answer.decidedBy,
      decided_at: new Date(),
      decline_reason: answer.declineReason,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** The owning unit's recipients: its team leaders and the intervention's responsible, or everyone there. */
export async function unitRecipients(
  trx: Transaction<DB>,
  municipalityId: string,
  unitId: string,
): Promise<{ id: string; role: string }[]> {
  return trx
    .selectFrom('professional')
    .select(['id', 'role'])
    .where('municipality_id', '=', municipalityId)
    .where('unit_id', '=', unitId)
    .where('active', '=', true)
    .execute();
}

/** The intervention a proposal is about, as the commands need it. */
export async function interventionForProposal(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  interventionId: string,
): Promise<{ unit_id: string; status: string; responsible_id: string | null } | undefined> {
  return trx
    .selectFrom('intervention')
    .select(['unit_id', 'status', 'responsible_id'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', interventionId)
    .executeTakeFirst();
}

/** The citizen's name and the acting unit's name, for a proposal's notification (both exist). */
export async function citizenAndUnitNames(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  unitId: string,
) {
  const [citizen, unit] = await Promise.all([
    trx
      .selectFrom('citizen')
      .select(['given_name', 'family_name'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', citizenId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('unit')
      .select('name')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow(),
  ]);
  return { citizen, unit };
}
