import type { FastifyRequest } from 'fastify';
import { type Actor, type CalendarFeedOwner, decideCalendarFeed } from '../../domain/access/policy.js';
import { danishToday, momentPlusDays } from '../../domain/calendar.js';
import type {
  CalendarFeed,
  CalendarFeedCreated,
} from '../../domain/calendar-feeds/calendar-feeds.responses.js';
import { citizenFeed, type FeedMeeting, professionalFeed } from '../../domain/calendar-feeds/feed-events.js';
import type { ProfessionalRole, Sector } from '../../domain/organisation/sectors.js';
import { newId } from '../../db/ids.js';
import {
  activeCalendarFeeds,
  calendarFeedByTokenHash,
  citizenFeedHearings,
  citizenFeedMeetings,
  type FeedOwnerKey,
  insertCalendarFeed,
  professionalFeedMeetings,
  revokeCalendarFeed,
  touchCalendarFeed,
} from '../../db/queries/calendar-feeds.queries.js';
import { activeProfessional, sessionCitizen } from '../../db/queries/session.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { auditOrigin } from '../audit/visit.js';
import type { AppContext } from '../context.js';
import { Problem, problems, refusedProblem } from '../problem.js';
import { newToken, tokenHash } from '../surveys/invitations.commands.js';

/**
 * Secret calendar links (iCal feeds; decision 0021). The owner makes one for herself and sees its
 * address once; only the token's SHA-256 is kept. A calendar fetches the feed without a login:
 * the token is the whole grant, so a link can be revoked (and a new one made) at any time, and
 * each fetch is audited as the owner's read of what it shows.
 */

/** The public path a feed is served at; the token (and `.ics`) follows. */
export const FEED_PATH = '/api/calendar/';
const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
/** Meetings this many days back are still in the feed (a calendar keeps the recent past). */
const PAST_DAYS = 30;

function ownerOf(actor: Actor): FeedOwnerKey {
  return { municipalityId: actor.municipalityId, kind: actor.kind, id: actor.id };
}

/** Asks the policy whether the actor may keep a feed for herself; a refusal is 403 in her language. */
function authorise(request: FastifyRequest, actor: Actor): FeedOwnerKey {
  const owner = ownerOf(actor);
  const target: CalendarFeedOwner = { kind: owner.kind, id: owner.id };
  const decision = decideCalendarFeed(actor, target);
  if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
  return owner;
}

const citizenOfOwner = (owner: FeedOwnerKey): string | null => (owner.kind === 'citizen' ? owner.id : null);

/** The actor's active links, newest first. */
export async function listCalendarFeeds(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
): Promise<CalendarFeed[]> {
  const owner = authorise(request, actor);
  const rows = await activeCalendarFeeds(context.database.db, owner);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastFetchedAt: row.last_fetched_at ? row.last_fetched_at.toISOString() : null,
  }));
}

/** A new link for the actor, its address returned this once. */
export async function createCalendarFeed(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
): Promise<CalendarFeedCreated> {
  const owner = authorise(request, actor);
  return context.database.db.transaction().execute(async (trx) => {
    const token = newToken();
    const id = newId();
    const createdAt = context.clock();
    await insertCalendarFeed(trx, owner, { id, tokenHash: tokenHash(token), createdAt });
    await auditInTransaction(trx, {
      actor,
      citizenId: citizenOfOwner(owner),
      action: 'create',
      resource: `calendar-feed:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
    return {
      id,
      url: `${context.config.publicUrl}${FEED_PATH}${token}.ics`,
      createdAt: createdAt.toISOString(),
      lastFetchedAt: null,
    };
  });
}

/** Revokes one of the actor's links: from now on its address is a 404. */
export async function revokeFeed(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  feedId: string,
): Promise<{ id: string; revokedAt: string }> {
  const owner = authorise(request, actor);
  return context.database.db.transaction().execute(async (trx) => {
    const revoked = await revokeCalendarFeed(trx, owner, feedId, context.clock());
    if (!revoked?.revoked_at) throw problems.notFound('The calendar link');
    await auditInTransaction(trx, {
      actor,
      citizenId: citizenOfOwner(owner),
      action: 'withdraw',
      resource: `calendar-feed:${feedId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
    return { id: revoked.id, revokedAt: revoked.revoked_at.toISOString() };
  });
}

/** Revokes a link and makes a new one in its place (a link that may have been seen by others). */
export async function regenerateFeed(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  feedId: string,
): Promise<CalendarFeedCreated> {
  await revokeFeed(context, request, actor, feedId);
  return createCalendarFeed(context, request, actor);
}

/** The one answer for a link that does not work: unknown, revoked or malformed alike. */
function noSuchFeed(): Problem {
  return new Problem(404, 'Not found', 'There is no calendar at this address.');
}

/** The feed's owner as the audit trail's actor: an active professional, or the citizen. */
async function feedActor(context: AppContext, owner: FeedOwnerKey): Promise<Actor | null> {
  const { db } = context.database;
  if (owner.kind === 'professional') {
    const professional = await activeProfessional(db, owner.municipalityId, owner.id);
    return professional
      ? {
          kind: 'professional',
          municipalityId: owner.municipalityId,
          id: professional.id,
          name: professional.name,
          role: professional.role as ProfessionalRole,
          unitId: professional.unit_id,
          sector: professional.sector as Sector,
        }
      : null;
  }
  const citizen = await sessionCitizen(db, owner.municipalityId, owner.id);
  return citizen
    ? {
        kind: 'citizen',
        municipalityId: owner.municipalityId,
        id: citizen.id,
        name: `${citizen.given_name} ${citizen.family_name}`,
      }
    : null;
}

const asFeedMeeting = (row: Awaited<ReturnType<typeof citizenFeedMeetings>>[number]): FeedMeeting => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  startsAt: row.starts_at,
  durationMinutes: row.duration_minutes,
  place: row.place,
  online: row.online,
  updatedAt: row.updated_at,
});

/**
 * The calendar behind a link, as iCalendar text; a 404 that says nothing for any link that does
 * not work (also a disabled professional's). The fetch is audited as the owner's read, naming
 * the citizens whose meetings it showed; the token is never logged or stored.
 */
export async function fetchCalendarFeed(
  context: AppContext,
  request: FastifyRequest,
  file: string,
): Promise<string> {
  const token = TOKEN_FILE.exec(file)?.[1];
  if (!token) throw noSuchFeed();
  const { db } = context.database;
  const feed = await calendarFeedByTokenHash(db, tokenHash(token));
  if (!feed) throw noSuchFeed();
  const owner: FeedOwnerKey = {
    municipalityId: feed.municipality_id,
    kind: feed.owner_kind as FeedOwnerKey['kind'],
    id: feed.owner_id,
  };
  const actor = await feedActor(context, owner);
  if (!actor || decideCalendarFeed(actor, { kind: owner.kind, id: owner.id }).allowed !== true)
    throw noSuchFeed();
  const now = context.clock();
  const from = momentPlusDays(now, -PAST_DAYS);
  const publicUrl = context.config.publicUrl;
  let text: string;
  let citizens: string[];
  if (owner.kind === 'professional') {
    const meetings = await professionalFeedMeetings(db, owner.municipalityId, owner.id, from);
    text = professionalFeed(meetings.map(asFeedMeeting), publicUrl);
    citizens = meetings.map((row) => row.citizen_id);
  } else {
    const [meetings, hearings] = await Promise.all([
      citizenFeedMeetings(db, owner.municipalityId, owner.id, from),
      citizenFeedHearings(db, owner.municipalityId, owner.id, danishToday(now)),
    ]);
    text = citizenFeed(
      meetings.map(asFeedMeeting),
      hearings.flatMap((row) =>
        row.hearing_until ? [{ id: row.id, hearingUntil: row.hearing_until, createdAt: row.created_at }] : [],
      ),
      publicUrl,
    );
    citizens = [owner.id];
  }
  await touchCalendarFeed(db, owner.municipalityId, feed.id, now);
  await context.audit.record({
    actor,
    citizenId: owner.kind === 'citizen' ? owner.id : null,
    action: 'read',
    resource: `calendar-feed:${feed.id}`,
    outcome: 'allowed',
    ...auditOrigin(request),
    ...(owner.kind === 'professional' ? { seenCitizens: citizens } : {}),
  });
  return text;
}
