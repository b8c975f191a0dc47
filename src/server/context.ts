import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { CprVault } from '../security/cpr-vault.js';
import type { AuditWriter } from './audit/audit-writer.js';
import type { SessionStore } from './auth/session-store.js';
import type { PlanStore } from './plan/plan-store.js';

/** What every route module is given: the services of one running Samspil. */
export interface AppContext {
  config: Config;
  database: Database;
  vault: CprVault;
  audit: AuditWriter;
  sessions: SessionStore;
  plans: PlanStore;
  /** The app's clock: "now" for every act that is dated (tests set it; `new Date()` otherwise). */
  clock: () => Date;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
