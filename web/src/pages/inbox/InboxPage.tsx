import type { ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InboxItem, useInbox, useMarkRead } from '../../api/inbox.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath, teamMeetingPath } from '../../routes.js';
import { referralsPath } from '../coordination/paths.js';
import { isReferralNotification, notificationCitizen, notificationText } from './inbox-text.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/** "Indbakke": others also work with my citizens — what they changed, and referrals; mark read. */
export function InboxPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('inbox.title'));
  const inbox = useInbox();
  const markRead = useMarkRead();

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p className="font-lead">{t('inbox.intro')}</p>
      <QueryStatus query={inbox} />
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
      {inbox.data ? (
        <>
          <div className="samspil-my-day-tools">
            <p role="status">
              {t('inbox.unread', {
                count: inbox.data.unread,
                formatted: formatNumber(inbox.data.unread, language),
              })}
            </p>
            {inbox.data.unread > 0 ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate(null)}
              >
                {t('inbox.markAllRead')}
              </button>
            ) : null}
          </div>
          {inbox.data.items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
          <ul className="samspil-inbox no-max-width">
            {inbox.data.items.map((item) => (
              <InboxEntry
                key={item.id}
                item={item}
                pending={markRead.isPending}
                onRead={() => markRead.mutate(item.id)}
              />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** What the entry's link opens: the referrals or the plan, of the named citizen when there is one. */
function openText(referral: boolean, citizen: string | null, t: TFunction): string {
  if (referral) return citizen ? t('inbox.openReferralsOf', { name: citizen }) : t('inbox.openReferrals');
  return citizen ? t('inbox.openPlanOf', { name: citizen }) : t('inbox.openPlan');
}

function InboxEntry({
  item,
  pending,
  onRead,
}: {
  item: InboxItem;
  pending: boolean;
  onRead: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = notificationText(item, t, language);
  const citizen = notificationCitizen(item);
  const unread = item.readAt === null;
  const referral = isReferralNotification(item);
  const planLink = item.citizenId ? planPath(item.citizenId) : null;
  // A case sent back to the team opens the team meeting's list, where it is now.
  const teamLink = item.kind === 'team-case-returned' ? teamMeetingPath(item.payload.teamMeetingId) : null;
  const link = teamLink ?? (referral ? referralsPath : planLink);
  return (
    <li className={unread ? 'samspil-inbox-item is-unread' : 'samspil-inbox-item'}>
      <p className="samspil-inbox-text">
        {unread ? <span className="badge samspil-badge badge-info">{t('inbox.new')}</span> : null} {text}
      </p>
      <p className="samspil-muted samspil-small">
        {formatDateTime(item.createdAt, language)}
        {item.actor ? ` · ${item.actor.name}` : ''}
      </p>
      <p className="samspil-item-actions">
        {link ? (
          <Link to={link} onClick={unread ? onRead : undefined}>
            {teamLink ? t('teamCases.openMeeting') : openText(referral, citizen, t)}
          </Link>
        ) : null}
        {unread ? (
          <button type="button" className="button button-tertiary" disabled={pending} onClick={onRead}>
            {t('inbox.markRead')}
            <span className="sr-only">: {text}</span>
          </button>
        ) : null}
      </p>
    </li>
  );
}
