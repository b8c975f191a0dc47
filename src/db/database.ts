import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgliteAsPool } from './pglite-pool.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgresql';

/** The one way the rest of the code reaches storage: Kysely over either engine, same SQL. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** Runs plain SQL with several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs work that only one process may do at a time (migrations, first seeding). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Listens to a notification channel (NOTIFY, delivered at commit). `onGap` is called when
   * notifications may have been missed (the listening connection was lost and re-made), so a
   * listener that caches must forget everything.
   */
  listen(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<Listening>;
  /** Connections of the pool now (for /metrics). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** A channel being listened to. */
export interface Listening {
  /**
   * Resolves once every notification committed before the call has reached `onMessage`: a
   * cache consulted after it is no older than any commit a client has been told of, in any
   * process (read-your-writes across processes).
   */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface PoolStats {
  /** Connections open (PGlite: its one session). */
  total: number;
  /** Open and not handed out. */
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

export type DatabaseTarget =
  | { engine: 'postgresql'; url: string; poolSize?: number }
  | { engine: 'pglite'; dataDir?: string };

// Any constant shared by every Samspil process.
const EXCLUSIVE_LOCK_KEY = 7_266_001;
const DATE_OID = 1082;
const INT8_OID = 20;
// Days stay 'YYYY-MM-DD' strings (no time-zone shifts); money in øre fits a JS number
// exactly up to 90 trillion kroner, so bigint columns are read as numbers.
const parseDate = (value: string): string => value;
const parseInt8 = (value: string): number => Number(value);

/** Opens a database: PostgreSQL when a URL is given, otherwise PGlite (in memory without a dataDir). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgresql') return openPostgres(target.url, target.poolSize ?? 10);
  return openPglite(target.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return parseDate;
      if (oid === INT8_OID) return parseInt8;
      return pg.types.getTypeParser(oid, format);
    }) as typeof pg.types.getTypeParser,
  };
  // A server that does not answer fails a request after 5 s (a 503) instead of holding it.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, connectionTimeoutMillis: 5_000 });
  // An idle connection can be ended by the server (restart, failover, a database dropped
  // WITH (FORCE)). The pool discards it and the next query connects afresh; without this
  // listener the 'error' event would be unhandled and take the whole process down.
  pool.on('error', () => undefined);
  // The same for a connection that is checked out but between queries (a transaction awaiting
  // its next statement) when the server goes away: the pool leaves such a client without an
  // error listener, so PostgreSQL's "terminating connection" would crash the process. The next
  // query on it fails (503), and the pool discards the client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // Fail here, with the URL's host named, rather than on the first request.
  const probe = await pool.connect().catch((error: Error) => {
    throw new Error(`Cannot connect to PostgreSQL at ${describeUrl(url)}: ${error.message}`);
  });
  probe.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgresql',
    async exec(sql) {
      await pool.query(sql);
    },
    async exclusively(work) {
      // A session-level advisory lock on a connection held for the whole work.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [EXCLUSIVE_LOCK_KEY]);
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [EXCLUSIVE_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    listen: (channel, onMessage, onGap) => listenOnPostgres(url, types, channel, onMessage, onGap),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await db.destroy();
    },
  };
}

/**
 * A dedicated connection for LISTEN (a pooled one would be handed to queries). If it drops, the
 * caller is told there may be a gap, and it reconnects with a growing pause until stopped.
 */
async function listenOnPostgres(
  url: string,
  types: pg.ClientConfig['types'],
  channel: string,
  onMessage: (payload: string) => void,
  onGap: () => void,
): Promise<Listening> {
  let stopped = false;
  let client: pg.Client | null = null;
  let pause = 250;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, types });
    next.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    const lost = (): void => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners('end');
      next.end().catch(() => undefined);
      if (stopped) return;
      onGap();
      setTimeout(() => void reconnect(), pause).unref();
      pause = Math.min(pause * 2, 10_000);
    };
    next.on('error', lost);
    next.on('end', lost);
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
    pause = 250;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped) return;
    try {
      await connect();
      // Whatever changed while nobody listened is unknown: forget it all once more.
      onGap();
    } catch {
      setTimeout(() => void reconnect(), pause).unref();
      pause = Math.min(pause * 2, 10_000);
    }
  };
  // PostgreSQL signals listening backends at commit, before the committing client hears back,
  // and a backend hands its pending notifications to its client before it says it is ready for
  // the next query. So one round trip on the listening connection, begun after a commit was
  // acknowledged, returns after that commit's notification. LISTEN again on the same channel is
  // a no-op that makes that round trip (and keeps the connection's last query a LISTEN).
  // Concurrent callers share a round trip: one begun before a call may not cover it, so such
  // a call waits for the next one, which serves everyone who came in the meantime.
  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const roundTrip = (): Promise<void> => {
    const current = client;
    // No connection: the gap handler has forgotten everything, and will again on reconnecting.
    if (!current) return Promise.resolve();
    const trip = current
      .query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      .then(
        () => undefined,
        () => undefined, // a lost connection is a gap, reported by its 'error' or 'end'
      )
      .finally(() => {
        if (inFlight === trip) inFlight = null;
      });
    inFlight = trip;
    return trip;
  };
  await connect();
  return {
    caughtUp() {
      if (!inFlight) return roundTrip();
      next ??= inFlight.then(() => {
        next = null;
        return roundTrip();
      });
      return next;
    },
    async stop() {
      stopped = true;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8 },
  });
  const pool = pgliteAsPool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    async exec(sql) {
      // Through the pool, so a migration never interleaves with a transaction.
      const connection = await pool.connect();
      try {
        await pglite.exec(sql);
      } finally {
        connection.release();
      }
    },
    // One process owns a PGlite data folder (see data-folder.ts), so nothing to coordinate.
    exclusively: (work) => work(),
    async listen(channel, onMessage) {
      // Through the pool's turn: LISTEN on PGlite's one session must not land inside another
      // caller's open transaction (where a rollback would undo it).
      const connection = await pool.connect();
      try {
        const unlisten = await pglite.listen(channel, onMessage);
        // One session in one process: a commit's notification is handed over with the commit.
        return { caughtUp: () => Promise.resolve(), stop: () => unlisten() };
      } finally {
        connection.release();
      }
    },
    poolStats: () => {
      const { queued } = pool.stats();
      return { total: 1, idle: queued === 0 ? 1 : 0, waiting: Math.max(0, queued - 1) };
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}
