import type { z } from 'zod';
import type { AccessLogRow } from '../../db/queries/access-log.queries.js';
import { type accessLogEntrySchema, presentAccessLogEntry } from './access-log.presenter.js';

type AccessLogEntryView = z.infer<typeof accessLogEntrySchema>;
type Review = { outcome: string; comment: string | null; at: Date };

/** The break-the-glass id an access-log resource names ("break_glass:<id>"), if it names one. */
function glassId(resource: string): string | undefined {
  return resource.startsWith('break_glass:') ? resource.slice('break_glass:'.length) : undefined;
}

/** The break-the-glass accesses these access-log rows record, whose reviews the log shows. */
export function breakGlassIdsOf(rows: readonly AccessLogRow[]): string[] {
  return rows.flatMap((row) => {
    const id = row.action === 'break-glass' ? glassId(row.resource) : undefined;
    return id ? [id] : [];
  });
}

/** The citizen's access log: each entry, and for a break-the-glass its review once reviewed. */
export function presentAccessLog(
  rows: readonly AccessLogRow[],
  showsNames: boolean,
  reviews: ReadonlyMap<string, Review>,
): AccessLogEntryView[] {
  return rows.map((row) => {
    const breakGlass = row.action === 'break-glass';
    const review = breakGlass ? reviews.get(glassId(row.resource) ?? '') : undefined;
    return {
      ...presentAccessLogEntry(row, showsNames),
      breakGlass,
      ...(breakGlass
        ? {
            review: review
              ? {
                  outcome: review.outcome as 'justified' | 'not-justified',
                  comment: review.comment,
                  at: review.at.toISOString(),
                }
              : null,
          }
        : {}),
    };
  });
}
