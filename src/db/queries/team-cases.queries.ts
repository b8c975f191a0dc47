import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { newId } from '../ids.js';
import type { DB, TeamCaseTable } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Team meetings (the rehabilitation team's sessions) and the cases on their lists (migration 031). */

export async function insertTeamMeeting(
  trx: Transaction<DB>,
  row: { municipality_id: string; unit_id: string; title: string; starts_at: Date; created_by: string },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('team_meeting')
    .values({ ...row, id })
    .execute();
  return id;
}

/** A unit's team meetings, the next first, with how many cases each has and how many came back. */
export async function teamMeetingsOfUnit(db: Executor, municipalityId: string, unitId: string) {
  return db
    .selectFrom('team_meeting as m')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'm.municipality_id').onRef('u.id', '=', 'm.unit_id'),
    )
    .leftJoin('team_case as c', (join) =>
      join.onRef('c.municipality_id', '=', 'm.municipality_id').onRef('c.team_meeting_id', '=', 'm.id'),
    )
    .select((eb) => [
      'm.id',
      'm.unit_id',
      'u.name as unit_name',
      'm.title',
      'm.starts_at',
      eb.fn.count<string>('c.id').as('cases'),
      eb.fn.count<string>('c.id').filterWhere('c.status', '=', 'returned').as('returned'),
    ])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.unit_id', '=', unitId)
    .groupBy(['m.id', 'm.unit_id', 'u.name', 'm.title', 'm.starts_at'])
    .orderBy('m.starts_at', 'desc')
    .execute();
}

export async function teamMeetingById(db: Executor, municipalityId: string, meetingId: string) {
  return db
    .selectFrom('team_meeting as m')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'm.municipality_id').onRef('u.id', '=', 'm.unit_id'),
    )
    .select(['m.id', 'm.unit_id', 'u.name as unit_name', 'm.title', 'm.starts_at', 'm.created_by'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

/** A meeting's case list, in the order the cases were put on it, with her preparation if any. */
export async function teamCasesOf(db: Executor, municipalityId: string, meetingId: string) {
  return db
    .selectFrom('team_case as c')
    .innerJoin('citizen as z', (join) =>
      join.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .leftJoin('meeting_preparation as p', (join) =>
      join
        .onRef('p.municipality_id', '=', 'c.municipality_id')
        .onRef('p.meeting_id', '=', 'c.citizen_meeting_id'),
    )
    .select([
      'c.id',
      'c.citizen_id',
      'z.given_name',
      'z.family_name',
      'c.summary',
      'c.citizen_attends',
      'c.support_person',
      'c.status',
      'c.recommendation',
      'c.recommendation_reasons',
      'c.recommended_at',
      'c.returned_reason',
      'c.returned_at',
      'p.matters',
      'p.works',
      'p.talk_about',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.team_meeting_id', '=', meetingId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function insertTeamCase(trx: Transaction<DB>, row: Omit<Insertable<TeamCaseTable>, 'id'>) {
  const id = newId();
  await trx
    .insertInto('team_case')
    .values({ ...row, id })
    .execute();
  return id;
}

/** One case, locked while the team's recommendation (or its return) is written. */
export async function teamCaseForUpdate(trx: Transaction<DB>, municipalityId: string, caseId: string) {
  return trx
    .selectFrom('team_case as c')
    .innerJoin('team_meeting as m', (join) =>
      join.onRef('m.municipality_id', '=', 'c.municipality_id').onRef('m.id', '=', 'c.team_meeting_id'),
    )
    .select([
      'c.id',
      'c.citizen_id',
      'c.status',
      'c.team_meeting_id',
      'c.recommendation',
      'c.recommended_by',
      'c.created_by',
      'm.unit_id',
      'm.title',
      'm.created_by as meeting_created_by',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.id', '=', caseId)
    .forUpdate('c')
    .executeTakeFirst();
}

/** The case by id when it is the citizen's (a decision's link is checked against it). */
export async function teamCaseOfCitizen(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  caseId: string,
) {
  return db
    .selectFrom('team_case')
    .select(['id', 'status', 'recommendation'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

/** Which unit holds the meeting of a case (for the policy, before the case is locked). */
export async function teamCaseUnit(db: Executor, municipalityId: string, caseId: string) {
  const row = await db
    .selectFrom('team_case as c')
    .innerJoin('team_meeting as m', (join) =>
      join.onRef('m.municipality_id', '=', 'c.municipality_id').onRef('m.id', '=', 'c.team_meeting_id'),
    )
    .select(['m.unit_id', 'c.citizen_id'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return row ?? null;
}

export async function updateTeamCase(
  trx: Transaction<DB>,
  municipalityId: string,
  caseId: string,
  set: Updateable<TeamCaseTable>,
): Promise<void> {
  await trx
    .updateTable('team_case')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', caseId)
    .execute();
}
