import type { Transaction } from 'kysely';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import type { DB } from '../../db/schema.js';

/** What the incremental coordination check is given by the plan write it runs inside. */
export interface CoordinationCheckScope {
  trx: Transaction<DB>;
  municipalityId: string;
  citizenId: string;
  actorId: string;
  /** The acting professional's unit, named in the notifications (the intervention may be another unit's). */
  actorUnitName?: string | null;
  changes: readonly PlanChange[];
  /** The plan document just rebuilt in the same transaction. */
  plan: PlanOverview;
  /** The moment of the write, whose Danish day the rules check against; now by default. */
  now?: Date;
}
