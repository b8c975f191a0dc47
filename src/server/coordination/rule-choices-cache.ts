import type { Kysely, Transaction } from 'kysely';
import { type ActiveRule, activeRules } from '../../domain/coordination/engine.js';
import { loadRuleChoices } from '../../db/queries/coordination-flags.queries.js';
import type { DB } from '../../db/schema.js';

/** How long a municipality's rule choices are trusted without re-reading (other processes may change them). */
const TTL_MS = 30_000;

const cache = new Map<string, { rules: ActiveRule[]; at: number }>();

/**
 * The active rules of a municipality, cached: the incremental check runs inside every plan write
 * and must not pay a round trip for configuration that changes a few times a year.
 */
export async function rulesFor(
  db: Kysely<DB> | Transaction<DB>,
  municipalityId: string,
): Promise<ActiveRule[]> {
  const cached = cache.get(municipalityId);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.rules;
  const rules = activeRules(await loadRuleChoices(db, municipalityId));
  cache.set(municipalityId, { rules, at: Date.now() });
  return rules;
}

/** Forgets a municipality's cached rules after its configuration changed. */
export function forgetRules(municipalityId: string): void {
  cache.delete(municipalityId);
}
