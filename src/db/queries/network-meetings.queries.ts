import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, MeetingAgreementTable } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A citizen's meeting with what its record and agreements need, locked for the transaction. */
export async function networkMeetingForUpdate(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  meetingId: string,
) {
  return trx
    .selectFrom('meeting')
    .select([
      'id',
      'kind',
      'status',
      'purpose',
      'starts_at',
      'duration_minutes',
      'place',
      'online',
      'organiser_id',
      'organiser_unit_id',
      'citizen_present',
      'next_meeting_id',
      'agreements_written_at',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
}

/** A meeting's participants with role and the citizen's consent, in the order they were invited. */
export async function invitationRows(db: Executor, municipalityId: string, meetingId: string) {
  return db
    .selectFrom('meeting_participant')
    .select(['id', 'kind', 'professional_id', 'name', 'role', 'citizen_consent'])
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setAttendance(
  trx: Transaction<DB>,
  municipalityId: string,
  meetingId: string,
  participantId: string,
  attended: boolean,
): Promise<number> {
  const result = await trx
    .updateTable('meeting_participant')
    .set({ attended })
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', participantId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function replaceAgreements(
  trx: Transaction<DB>,
  municipalityId: string,
  meetingId: string,
  rows: readonly Insertable<MeetingAgreementTable>[],
): Promise<void> {
  await trx
    .deleteFrom('meeting_agreement')
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .execute();
  if (rows.length > 0) await trx.insertInto('meeting_agreement').values(rows).execute();
}

/** The agreements of many meetings, in the order they were made. */
export async function agreementRows(db: Executor, municipalityId: string, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_agreement')
    .select([
      'id',
      'meeting_id',
      'kind',
      'text',
      'target_id',
      'change',
      'outcome',
      'entity_id',
      'proposal_id',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id')
    .orderBy('position')
    .execute();
}

export async function markAgreement(
  trx: Transaction<DB>,
  municipalityId: string,
  agreementId: string,
  set: { outcome: 'written' | 'proposed'; entity_id: string | null; proposal_id: string | null },
): Promise<void> {
  await trx
    .updateTable('meeting_agreement')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', agreementId)
    .execute();
}

/** The units that own these interventions of the citizen, with their names. */
export async function interventionOwners(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  interventionIds: readonly string[],
): Promise<Map<string, { unitId: string; unitName: string }>> {
  if (interventionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('intervention as i')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'i.municipality_id').onRef('u.id', '=', 'i.unit_id'),
    )
    .select(['i.id', 'u.id as unit_id', 'u.name as unit_name'])
    .where('i.municipality_id', '=', municipalityId)
    .where('i.citizen_id', '=', citizenId)
    .where('i.id', 'in', interventionIds)
    .execute();
  return new Map(rows.map((row) => [row.id, { unitId: row.unit_id, unitName: row.unit_name }]));
}

/** Names of units, by id. */
export async function unitNames(
  db: Executor,
  municipalityId: string,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', unitIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The citizen's pending proposals, with the owning unit's name: agenda points. */
export async function pendingProposalsForAgenda(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('proposal as p')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.owner_unit_id'),
    )
    .select(['p.id', 'u.name as owner_unit_name'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.citizen_id', '=', citizenId)
    .where('p.status', '=', 'pending')
    .orderBy('p.created_at')
    .execute();
}

/** The citizen's referrals waiting for an answer, with whom they are to: agenda points. */
export async function openReferralsForAgenda(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('referral as r')
    .leftJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.to_unit_id'),
    )
    .select(['r.id', 'u.name as unit_name', 'r.to_civil_society'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.citizen_id', '=', citizenId)
    .where('r.status', '=', 'requested')
    .orderBy('r.created_at')
    .execute();
}
