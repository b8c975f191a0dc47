import type { InboxItem } from '../../api/inbox.js';
import type { Language } from '../../i18n/index.js';

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** The notification's sentence in the active language, from its payload; null when it has none. */
export function notificationText(item: InboxItem, language: Language): string | null {
  const text = record(item.payload.text);
  const chosen = text?.[language] ?? text?.da;
  return typeof chosen === 'string' ? chosen : null;
}

/** The citizen's name the payload carries, if any (only sent to those who work with them). */
export function notificationCitizen(item: InboxItem): string | null {
  const name = record(item.payload.citizen)?.name;
  return typeof name === 'string' ? name : null;
}

/** Referral notifications lead to the referrals page; the rest to the citizen's plan. */
export function isReferralNotification(item: InboxItem): boolean {
  return item.kind.startsWith('referral-');
}
