import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Calendar feed links (migration 032): only a token's SHA-256 is stored. */

export interface FeedOwnerKey {
  municipalityId: string;
  kind: 'professional' | 'citizen';
  id: string;
}

export async function insertCalendarFeed(
  db: Executor,
  owner: FeedOwnerKey,
  feed: { id: string; tokenHash: string; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('calendar_feed')
    .values({
      municipality_id: owner.municipalityId,
      id: feed.id,
      owner_kind: owner.kind,
      owner_id: owner.id,
      token_hash: feed.tokenHash,
      created_at: feed.createdAt,
      last_fetched_at: null,
      revoked_at: null,
    })
    .execute();
}

/** The owner's links not revoked, newest first. */
export async function activeCalendarFeeds(db: Executor, owner: FeedOwnerKey) {
  return db
    .selectFrom('calendar_feed')
    .select(['id', 'created_at', 'last_fetched_at'])
    .where('municipality_id', '=', owner.municipalityId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of the owner's links; when, or undefined when it is not an active link of theirs. */
export async function revokeCalendarFeed(db: Executor, owner: FeedOwnerKey, feedId: string, at: Date) {
  return db
    .updateTable('calendar_feed')
    .set({ revoked_at: at })
    .where('municipality_id', '=', owner.municipalityId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .where('id', '=', feedId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'revoked_at'])
    .executeTakeFirst();
}

/** The active link with this token hash, if any. */
export async function calendarFeedByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('calendar_feed')
    .select(['municipality_id', 'id', 'owner_kind', 'owner_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchCalendarFeed(db: Executor, municipalityId: string, feedId: string, at: Date) {
  await db
    .updateTable('calendar_feed')
    .set({ last_fetched_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', feedId)
    .execute();
}

const MEETING_COLUMNS = [
  'm.id',
  'm.citizen_id',
  'm.kind',
  'm.status',
  'm.starts_at',
  'm.duration_minutes',
  'm.place',
  'm.online',
  'm.updated_at',
] as const;

/** The meetings a professional organises or is invited to, starting from `from`, oldest first. */
export async function professionalFeedMeetings(
  db: Executor,
  municipalityId: string,
  professionalId: string,
  from: Date,
) {
  return db
    .selectFrom('meeting as m')
    .select(MEETING_COLUMNS)
    .where('m.municipality_id', '=', municipalityId)
    .where('m.starts_at', '>=', from)
    .where((eb) =>
      eb.or([
        eb('m.organiser_id', '=', professionalId),
        eb.exists(
          eb
            .selectFrom('meeting_participant as p')
            .select('p.id')
            .whereRef('p.municipality_id', '=', 'm.municipality_id')
            .whereRef('p.meeting_id', '=', 'm.id')
            .where('p.professional_id', '=', professionalId),
        ),
      ]),
    )
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
}

/** A citizen's own meetings from `from`, oldest first. */
export async function citizenFeedMeetings(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  from: Date,
) {
  return db
    .selectFrom('meeting as m')
    .select(MEETING_COLUMNS)
    .where('m.municipality_id', '=', municipalityId)
    .where('m.citizen_id', '=', citizenId)
    .where('m.starts_at', '>=', from)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
}

/** A citizen's decisions in hearing whose last day is `fromDay` or later. */
export async function citizenFeedHearings(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  fromDay: string,
) {
  return db
    .selectFrom('decision')
    .select(['id', 'hearing_until', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('status', '=', 'hearing')
    .where('hearing_until', '>=', fromDay)
    .orderBy('hearing_until')
    .orderBy('id')
    .execute();
}
