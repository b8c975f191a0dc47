import { appendFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { type AuditAnchor, takeAuditAnchors } from '../../db/queries/audit-anchors.queries.js';
import type { DB } from '../../db/schema.js';
import { messageOf } from '../../error-message.js';
import { startPeriodicJob } from '../periodic-job.js';

export interface AuditAnchoringOptions {
  everyMinutes: number;
  /** A JSON-lines file to append anchors to, ideally on storage the database's host cannot rewrite. */
  file: string | null;
  log: { info(object: object, message: string): void; error(message: string): void };
}

/**
 * Copies the head of each municipality's audit chains (lanes) out of the database at an interval: to the log
 * (which operations ship elsewhere) and to a file when configured. `samspil audit verify
 * --anchors FILE` then detects a removed tail even if the head was moved back with it.
 * Writes only heads that moved since the last anchor.
 */
export function startAuditAnchoring(
  db: Kysely<DB>,
  options: AuditAnchoringOptions,
): { stop(): Promise<void> } {
  const last = new Map<string, number>();
  const anchor = async (): Promise<void> => {
    const key = (item: AuditAnchor): string => `${item.municipalityId}:${item.lane}`;
    const moved = (await takeAuditAnchors(db)).filter((item) => last.get(key(item)) !== item.seq);
    if (moved.length === 0) return;
    if (options.file)
      await appendFile(options.file, moved.map((item) => `${JSON.stringify(item)}\n`).join(''));
    for (const item of moved) {
      options.log.info({ auditAnchor: item satisfies AuditAnchor }, 'audit chain anchor');
      last.set(key(item), item.seq);
    }
  };
  const job = startPeriodicJob('audit-anchoring', options.everyMinutes * 60_000, anchor, (error) =>
    options.log.error(`Audit anchoring failed: ${messageOf(error)}`),
  );
  return {
    async stop() {
      await job.stop();
      // A last anchor on the way down, so a restart never leaves the newest records unanchored.
      await job.runNow();
    },
  };
}
