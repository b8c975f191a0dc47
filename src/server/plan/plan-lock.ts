import type { Transaction } from 'kysely';
import { type PlanDocumentRow, rebuildPlanDocuments } from '../../db/queries/plan-document.queries.js';
import { lockedPlanVersion } from '../../db/queries/plan.queries.js';
import type { DB } from '../../db/schema.js';
import { problems } from '../problem.js';

/**
 * Locks the citizen's plan row for the rest of the transaction; another tenant's (or no) citizen
 * is 404. A command that changes what the plan's read model holds (a referral, a meeting) takes
 * it, so it serialises with plan writes and neither rebuilds the read model from stale data.
 */
export async function lockPlan(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<void> {
  const version = await lockedPlanVersion(trx, municipalityId, citizenId);
  if (version === undefined) throw problems.notFound('The citizen');
}

/** Rebuilds one citizen's plan read model inside the transaction that changed it. */
export async function rebuildPlanDocument(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<PlanDocumentRow> {
  const [document] = await rebuildPlanDocuments(trx, municipalityId, [citizenId]);
  if (!document) throw problems.notFound('The citizen');
  return document;
}
