import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CalendarFeedCreated,
  useCalendarFeeds,
  useCreateCalendarFeed,
  useRevokeCalendarFeed,
} from '../../api/calendar-feeds.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * "Kalender-abonnement": a secret link for a calendar program to subscribe to (decision 0021),
 * a professional's meetings or the citizen's own appointments. A new link is shown this once,
 * to copy; the list below has the links made, each revocable. Folded in a closed <details>, so
 * the page it sits on does not grow.
 */
export function CalendarSubscription({ audience }: { audience: 'professional' | 'citizen' }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const text = (key: string) => t(`reminders.calendar.${audience}.${key}`);
  const make = (): void => {
    setCopied(false);
    create.mutate(undefined, { onSuccess: setCreated });
  };
  const copy = (url: string): void => {
    void navigator.clipboard?.writeText(url).then(() => setCopied(true));
  };
  return (
    <details
      className="samspil-calendar-subscription mt-6"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('reminders.calendar.heading')}</summary>
      {open ? (
        <div className="mt-3">
          <p>{text('intro')}</p>
          <p className="form-hint">{text('privacy')}</p>
          {created ? (
            <Alert variant="success" live heading={t('reminders.calendar.createdHeading')} className="mt-4">
              <p className="alert-text">{text('onlyNow')}</p>
              <label className="form-label" htmlFor={`${id}-url`}>
                {t('reminders.calendar.linkLabel')}
              </label>
              <input
                id={`${id}-url`}
                className="form-input samspil-issued-link"
                readOnly
                value={created.url}
                onFocus={(event) => event.target.select()}
              />
              <button
                type="button"
                className="button button-secondary mt-3"
                onClick={() => copy(created.url)}
              >
                {copied ? t('reminders.calendar.copied') : t('reminders.calendar.copy')}
              </button>
            </Alert>
          ) : null}
          <button
            type="button"
            className="button button-primary mt-4"
            onClick={make}
            disabled={create.isPending}
          >
            {t('reminders.calendar.create')}
          </button>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <h3 className="h5 mt-5">{t('reminders.calendar.activeHeading')}</h3>
          <QueryStatus query={feeds} />
          {feeds.data && feeds.data.length === 0 ? <p>{t('reminders.calendar.none')}</p> : null}
          {feeds.data && feeds.data.length > 0 ? (
            <ul className="samspil-calendar-links">
              {feeds.data.map((feed) => (
                <li key={feed.id} className="mb-3">
                  {t('reminders.calendar.madeAt', { when: formatDateTime(feed.createdAt, language) })}{' '}
                  {feed.lastFetchedAt
                    ? t('reminders.calendar.fetchedAt', {
                        when: formatDateTime(feed.lastFetchedAt, language),
                      })
                    : t('reminders.calendar.neverFetched')}{' '}
                  <button
                    type="button"
                    className="button button-tertiary"
                    disabled={revoke.isPending}
                    aria-label={t('reminders.calendar.revokeLabel', {
                      when: formatDateTime(feed.createdAt, language),
                    })}
                    onClick={() =>
                      revoke.mutate(feed.id, {
                        onSuccess: () => {
                          if (created?.id === feed.id) setCreated(null);
                        },
                      })
                    }
                  >
                    {t('reminders.calendar.revoke')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
        </div>
      ) : null}
    </details>
  );
}
