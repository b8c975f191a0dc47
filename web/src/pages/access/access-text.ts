import type { TFunction } from 'i18next';
import { CONSENT_PURPOSES } from '../../api/consent.js';

const KNOWN_WHAT = new Set(['plan', 'cpr', 'referral', 'consent', 'delegation', 'flags', 'citizen']);
const KNOWN_ACTIONS = new Set([
  'read',
  'reveal',
  'search',
  'list',
  'create',
  'update',
  'end',
  'withdraw',
  'break-glass',
]);

/**
 * What was done, in plain words for the citizen ("Så din plan", "Så dit fulde CPR-nummer"),
 * from the audit trail's action and resource codes; unknown codes fall back to generic words.
 */
export function accessWhat(t: TFunction, action: string, what: string): string {
  const object = t(`accessLog.object.${KNOWN_WHAT.has(what) ? what : 'other'}`);
  return t(`accessLog.verb.${KNOWN_ACTIONS.has(action) ? action : 'other'}`, { what: object });
}

/** Why: a known purpose in plain words, the professional's own reason as written, or "as part of your case". */
export function accessWhy(t: TFunction, why: string | null): string {
  if (why === null || why === '') return t('accessLog.noReason');
  const purpose = CONSENT_PURPOSES.find((item) => item === why);
  return purpose ? t(`consents.purpose.${purpose}`) : why;
}
