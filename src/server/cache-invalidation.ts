import type { Database, Listening } from '../db/database.js';
import type { SessionStore } from './auth/session-store.js';
import type { PlanStore } from './plan/plan-store.js';

/** The channel migration 009's triggers notify on. */
export const CACHE_CHANNEL = 'samspil_cache';

/**
 * Keeps this process's caches true to changes made by any process on the same database: the
 * triggers of migration 009 name what changed, at commit; this forgets the cached copies. When
 * notifications may have been missed (the listening connection dropped), everything is forgotten.
 * `caughtUp()` before a request reads the caches makes a change acknowledged by another process
 * visible here at once, not a moment later.
 */
export async function followCacheChanges(
  database: Database,
  caches: { plans: PlanStore; sessions: SessionStore },
): Promise<Listening> {
  const { plans, sessions } = caches;
  return database.listen(
    CACHE_CHANNEL,
    (payload) => {
      const [kind, ...parts] = payload.split(':');
      const [municipalityId = '', citizenId = '', version = ''] = parts;
      switch (kind) {
        case 'plan':
          plans.forget(municipalityId, citizenId, Number(version));
          break;
        case 'plans':
          plans.forgetMunicipality(municipalityId);
          break;
        case 'grant':
          plans.grants.invalidate(municipalityId, citizenId);
          break;
        case 'grants':
          plans.grants.invalidateMunicipality(municipalityId);
          break;
        case 'session':
          // The rest is the token hash in base64, which may itself hold no ':'.
          sessions.forgetCached(parts.join(':'));
          break;
        case 'sessions':
          sessions.forgetAllCached();
          break;
      }
    },
    () => {
      plans.clear();
      plans.grants.clear();
      sessions.forgetAllCached();
    },
  );
}
