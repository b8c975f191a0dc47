import { z } from 'zod';

/** A calendar link as its owner's list shows it: never the token (it is shown once, at creation). */
export const calendarFeedSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    lastFetchedAt: z.string().nullable().describe('When a calendar last fetched it'),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** GET /api/calendar-feeds: my active links. */
export const calendarFeedListSchema = z
  .object({ items: z.array(calendarFeedSchema) })
  .meta({ id: 'CalendarFeedList' });

/** POST /api/calendar-feeds: a new link, its address shown this once. */
export const calendarFeedCreatedSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The secret address to subscribe to; shown only now, stored only hashed'),
    createdAt: z.string(),
    lastFetchedAt: z.null(),
  })
  .meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;

/** DELETE /api/calendar-feeds/{feedId}. */
export const calendarFeedRevokedSchema = z
  .object({ id: z.uuid(), revokedAt: z.string() })
  .meta({ id: 'CalendarFeedRevoked' });
