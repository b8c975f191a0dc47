import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, MeetingParticipantTable, MeetingTable } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A citizen's meetings (or one of them), oldest first, with organiser, unit and relation days. */
export async function meetingRows(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  meetingId?: string,
) {
  let query = db
    .selectFrom('meeting as m')
    .innerJoin('municipality as mu', 'mu.id', 'm.municipality_id')
    .innerJoin('professional as o', (join) =>
      join.onRef('o.municipality_id', '=', 'm.municipality_id').onRef('o.id', '=', 'm.organiser_id'),
    )
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'm.municipality_id').onRef('u.id', '=', 'm.organiser_unit_id'),
    )
    .select([
      'm.id',
      'm.citizen_id',
      'm.kind',
      'm.status',
      'm.starts_at',
      'm.place',
      'm.online',
      'm.duration_minutes',
      'm.purpose',
      'm.agenda',
      'm.summary',
      'm.cancel_reason',
      'm.agenda_points',
      'm.reflections',
      'm.open_questions',
      'm.citizen_present',
      'm.next_meeting_id',
      'm.agreements_written_at',
      'm.organiser_id',
      'm.organiser_unit_id',
      'm.created_at',
      'm.updated_at',
      'o.name as organiser_name',
      'u.name as unit_name',
      'mu.meeting_relation_days',
    ])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.citizen_id', '=', citizenId);
  if (meetingId) query = query.where('m.id', '=', meetingId);
  return query.orderBy('m.starts_at').orderBy('m.id').execute();
}

/** The participants of many meetings, in the order they were invited, professionals with their unit. */
export async function meetingParticipantRows(
  db: Executor,
  municipalityId: string,
  meetingIds: readonly string[],
) {
  return db
    .selectFrom('meeting_participant as p')
    .leftJoin('professional as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'p.municipality_id').onRef('pr.id', '=', 'p.professional_id'),
    )
    .leftJoin('unit as pu', (join) =>
      join.onRef('pu.municipality_id', '=', 'pr.municipality_id').onRef('pu.id', '=', 'pr.unit_id'),
    )
    .select([
      'p.id',
      'p.meeting_id',
      'p.kind',
      'p.role',
      'p.citizen_consent',
      'p.attended',
      'p.professional_id',
      'p.name',
      'pr.name as professional_name',
      'pr.profession',
      'pu.id as unit_id',
      'pu.name as unit_name',
    ])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.meeting_id', 'in', meetingIds)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export async function insertMeeting(trx: Transaction<DB>, row: Insertable<MeetingTable>): Promise<void> {
  await trx.insertInto('meeting').values(row).execute();
}

/** A citizen's meeting, locked for the rest of the transaction. */
export async function meetingForUpdate(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  meetingId: string,
) {
  return trx
    .selectFrom('meeting')
    .select(['kind', 'status', 'starts_at', 'place', 'online'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
}

/** The professionals invited to a meeting. */
export async function invitedProfessionalIds(
  trx: Transaction<DB>,
  municipalityId: string,
  meetingId: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('meeting_participant')
    .select('professional_id')
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'professional')
    .execute();
  return rows.flatMap((row) => (row.professional_id ? [row.professional_id] : []));
}

/** The meeting's other participants (network, civil society), by kind and name. */
export async function otherParticipantsOf(trx: Transaction<DB>, municipalityId: string, meetingId: string) {
  return trx
    .selectFrom('meeting_participant')
    .select(['kind', 'name', 'role', 'citizen_consent'])
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .where('kind', '!=', 'professional')
    .execute();
}

export async function deleteMeetingParticipants(
  trx: Transaction<DB>,
  municipalityId: string,
  meetingId: string,
): Promise<void> {
  await trx
    .deleteFrom('meeting_participant')
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function insertMeetingParticipants(
  trx: Transaction<DB>,
  rows: readonly Insertable<MeetingParticipantTable>[],
): Promise<void> {
  await trx.insertInto('meeting_participant').values(rows).execute();
}

export async function updateMeeting(
  trx: Transaction<DB>,
  municipalityId: string,
  meetingId: string,
  set: Updateable<MeetingTable>,
): Promise<void> {
  await trx
    .updateTable('meeting')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', meetingId)
    .execute();
}

/** Which of these professionals are active in the municipality. */
export async function activeProfessionalIdsAmong(
  db: Executor,
  municipalityId: string,
  ids: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  return rows.map((row) => row.id);
}
