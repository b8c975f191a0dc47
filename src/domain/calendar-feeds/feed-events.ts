import { type CalendarEvent, icalCalendar } from './ical.js';

/**
 * What a calendar feed says, decided here: the least a calendar needs (decision 0021). A
 * professional's feed has her meetings as "Netværksmøde" / "Teammøde" with time and place, and
 * never the citizen (no name, no initials, no CPR, no purpose or agenda: a calendar is synced to
 * phones and shared with assistants). A citizen's feed has only her own meetings and her
 * hearings' last days. Cancelled meetings stay in the feed as cancelled, so a subscribed calendar
 * removes them. The link back is to Samspil's front page, behind the login.
 */

export interface FeedMeeting {
  id: string;
  kind: string;
  status: string;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  online: boolean;
  updatedAt: Date;
}

export interface FeedHearing {
  id: string;
  hearingUntil: string;
  createdAt: Date;
}

export const FEED_TEXTS = {
  professionalCalendar: 'Samspil – mine møder',
  citizenCalendar: 'Samspil – mine aftaler',
  network: 'Netværksmøde',
  team: 'Teammøde',
  citizenMeeting: 'Møde i Samspil',
  hearing: 'Sidste dag for dit svar i Samspil',
  online: 'Online',
  meetingDescription: 'Log ind i Samspil for at se mødet.',
  hearingDescription: 'Log ind i Samspil for at læse udkastet og svare.',
} as const;

function where(meeting: FeedMeeting): string | null {
  if (meeting.place && meeting.online) return `${meeting.place} (${FEED_TEXTS.online.toLowerCase()})`;
  return meeting.place ?? (meeting.online ? FEED_TEXTS.online : null);
}

function meetingEvent(meeting: FeedMeeting, summary: string, url: string): CalendarEvent {
  return {
    uid: `meeting-${meeting.id}@samspil`,
    summary,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    end: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
    location: where(meeting),
    description: FEED_TEXTS.meetingDescription,
    url,
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}

/** A professional's meetings: the kind of meeting, time and place, nothing about the citizen. */
export function professionalFeed(meetings: readonly FeedMeeting[], publicUrl: string): string {
  return icalCalendar(
    FEED_TEXTS.professionalCalendar,
    meetings.map((meeting) =>
      meetingEvent(meeting, meeting.kind === 'team' ? FEED_TEXTS.team : FEED_TEXTS.network, publicUrl),
    ),
  );
}

/** A citizen's own appointments: her meetings, and the last day of each hearing she may answer. */
export function citizenFeed(
  meetings: readonly FeedMeeting[],
  hearings: readonly FeedHearing[],
  publicUrl: string,
): string {
  return icalCalendar(FEED_TEXTS.citizenCalendar, [
    ...meetings.map((meeting) => meetingEvent(meeting, FEED_TEXTS.citizenMeeting, publicUrl)),
    ...hearings.map(
      (hearing): CalendarEvent => ({
        uid: `hearing-${hearing.id}@samspil`,
        summary: FEED_TEXTS.hearing,
        stamp: hearing.createdAt,
        day: hearing.hearingUntil,
        description: FEED_TEXTS.hearingDescription,
        url: publicUrl,
        status: 'CONFIRMED',
      }),
    ),
  ]);
}
