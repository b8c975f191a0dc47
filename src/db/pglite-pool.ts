import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Makes one PGlite instance look like a `pg` pool of one connection, so Kysely's own
 * PostgreSQL dialect drives it. PGlite is a single session: a transaction must own it from
 * BEGIN to COMMIT, so connections are handed out one at a time, in order.
 */
export function pgliteAsPool(pglite: PGlite): PostgresPool & { stats(): { queued: number } } {
  let tail: Promise<void> = Promise.resolve();
  /** Connections handed out or waiting for their turn. */
  let queued = 0;

  // Kysely never asks a PGlite pool for a cursor, so only the (sql, parameters) form exists.
  const query = async <R>(
    sql: string,
    parameters: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> => {
    const result = await pglite.query<R>(sql, parameters as unknown[], { rowMode: 'object' });
    const command = (
      sql.trimStart().split(/\s/, 1)[0] ?? ''
    ).toUpperCase() as PostgresQueryResult<R>['command'];
    return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
  };

  return {
    connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      queued += 1;
      const turn = new Promise<void>((resolve) => {
        let released = false;
        release = () => {
          if (!released) queued -= 1;
          released = true;
          resolve();
        };
      });
      const ready = tail;
      tail = tail.then(() => turn);
      return ready.then(() => ({ query, release }) as PostgresPoolClient);
    },
    async end(): Promise<void> {
      await tail;
    },
    stats: () => ({ queued }),
  };
}
