import type { TFunction } from 'i18next';
import type { InboxItem } from '../../api/inbox.js';
import type { Language } from '../../i18n/index.js';
import { dayInWords, isDay } from '../../../../src/domain/calendar.js';

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

/** A meeting's time as the sentence says it: "3. december 2026 kl. 10.00", Danish time. */
function meetingTime(iso: string, language: Language): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(instant);
}

/** A reminder's day in words ("16. marts 2026"); the text as sent if it is not a day. */
function reminderDay(day: string, language: Language): string {
  return isDay(day) ? dayInWords(day, language) : day;
}

/**
 * The notification's sentence in the reader's language, from its kind and data (the server sends
 * no sentence). An intervention the reader may not see in detail comes without its type and
 * without who did it: the sentence then says "an intervention" and names only the unit.
 */
export function notificationText(item: InboxItem, t: TFunction, language: Language): string {
  const someone = item.actor?.name || t('inbox.kind.someone');
  switch (item.kind) {
    case 'intervention-changed': {
      const { intervention, action, byUnit } = item.payload;
      const unit = byUnit ?? intervention.unit;
      const act = t(`inbox.kind.action.${action}`);
      return intervention.type
        ? t('inbox.kind.interventionChanged', { unit, action: act, type: intervention.type })
        : t('inbox.kind.interventionChangedHidden', { unit, action: act });
    }
    case 'referral-requested':
      return t('inbox.kind.referralRequested', { by: someone });
    case 'referral-accepted':
    case 'referral-declined':
    case 'referral-started':
    case 'referral-completed':
    case 'referral-withdrawn':
      return t('inbox.kind.referralUpdated', { by: someone });
    case 'meeting-invited':
      return t('inbox.kind.meetingInvited', {
        by: someone,
        when: meetingTime(item.payload.startsAt, language),
      });
    case 'meeting-cancelled':
      return t('inbox.kind.meetingCancelled', {
        by: someone,
        when: meetingTime(item.payload.startsAt, language),
      });
    case 'proposal-made':
      return t('inbox.kind.proposalMade', { unit: item.payload.unit ?? someone });
    case 'proposal-accepted':
      return t('inbox.kind.proposalAccepted', { unit: item.payload.unit ?? someone });
    case 'proposal-declined':
      return t('inbox.kind.proposalDeclined', { unit: item.payload.unit ?? someone });
    case 'plan-approved':
      return t('inbox.kind.planApproved');
    case 'plan-commented':
      return t('inbox.kind.planCommented');
    case 'hearing-answered':
      return item.payload.title
        ? t('inbox.kind.hearingAnswered', { title: item.payload.title })
        : t('inbox.kind.hearingAnsweredUntitled');
    case 'reminder-meeting':
      return t('reminders.inbox.meeting', { when: meetingTime(item.payload.at, language) });
    case 'reminder-hearing-deadline':
      return t('reminders.inbox.hearingDeadline', { day: reminderDay(item.payload.at, language) });
    case 'reminder-follow-up':
      return t('reminders.inbox.followUp', { day: reminderDay(item.payload.at, language) });
    case 'team-case-returned':
      return t('teamCases.returnedNotification', { meeting: item.payload.meeting });
  }
}

/** The citizen's name the notification carries, if any (only sent to those who may see her). */
export function notificationCitizen(item: InboxItem): string | null {
  return 'citizen' in item.payload ? (item.payload.citizen?.name ?? null) : null;
}

/** Referral notifications lead to the referrals page; the rest to the citizen's plan. */
export function isReferralNotification(item: InboxItem): boolean {
  return item.kind.startsWith('referral-');
}
