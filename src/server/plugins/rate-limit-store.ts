import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { countRateLimitHit } from '../../db/queries/rate-limit.queries.js';
import type { DB } from '../../db/schema.js';

/**
 * A @fastify/rate-limit store in the database, so that every server process behind the proxy
 * counts one client's requests together: with the library's memory store, two processes gave a
 * client twice the limit. One statement per limited request (logins, CPR search, exports, PDFs,
 * public survey links): routes where a round trip is nothing beside the work they guard.
 * The key is hashed: the table never holds a client address.
 */
export function databaseRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    // The root store counts nothing itself; each limited route gets a child named for it.
    constructor(
      _options: unknown,
      private readonly route = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const keyHash = createHash('sha256').update(`${this.route}\n${key}`).digest('hex');
      countRateLimitHit(db, keyHash, timeWindow).then(
        ({ hits, msLeft }) => callback(null, { current: hits, ttl: msLeft }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // Typed as route options; at run time the route's merged limit settings, with the route in routeInfo.
      const info = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(
        routeOptions,
        `${String(info.method ?? '')} ${String(info.url ?? '')}`,
      );
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
