import { appendFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { type AuditAnchor, takeAuditAnchors } from '../../db/queries/audit-anchors.queries.js';
import type { DB } from '../../db/schema.js';

export interface AuditAnchoringOptions {
  everyMinutes: number;
  /** A JSON-lines file to append anchors to, ideally on storage the database's host cannot rewrite. */
  file: string | null;
  log: { info(object: object, message: string): void; error(message: string): void };
}

/**
 * Copies each municipality's audit-chain head out of the database at an interval: to the log
 * (which operations ship elsewhere) and to a file when configured. `samspil audit verify
 * --anchors FILE` then detects a removed tail even if the head was moved back with it.
 * Writes only heads that moved since the last anchor.
 */
export function startAuditAnchoring(
  db: Kysely<DB>,
  options: AuditAnchoringOptions,
): { stop(): Promise<void> } {
  const last = new Map<string, number>();
  let running: Promise<void> | null = null;
  const anchor = async (): Promise<void> => {
    const moved = (await takeAuditAnchors(db)).filter((item) => last.get(item.municipalityId) !== item.seq);
    if (moved.length === 0) return;
    if (options.file)
      await appendFile(options.file, moved.map((item) => `${JSON.stringify(item)}\n`).join(''));
    for (const item of moved) {
      options.log.info({ auditAnchor: item satisfies AuditAnchor }, 'audit chain anchor');
      last.set(item.municipalityId, item.seq);
    }
  };
  const tick = (): void => {
    if (running) return;
    running = anchor()
      .catch((error: unknown) =>
        options.log.error(
          `Audit anchoring failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.everyMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      // A last anchor on the way down, so a restart never leaves the newest records unanchored.
      tick();
      await running;
    },
  };
}
