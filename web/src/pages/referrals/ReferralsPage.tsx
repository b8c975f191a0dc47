import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../../api/auth.js';
import { useReferrals } from '../../api/referrals.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { homePath } from '../../routes.js';
import { ReferralCard } from './ReferralCard.js';
import { QueryStatus } from '../../components/QueryStatus.js';

type Direction = 'incoming' | 'outgoing';

/** "Henvisninger": my unit's referrals, received (to answer) and sent, with their status and actions. */
export function ReferralsPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('referrals.title'));
  const me = useMe();
  const [direction, setDirection] = useState<Direction>('incoming');
  const referrals = useReferrals(direction);
  if (me.data && me.data.kind !== 'professional') return <Navigate to={homePath(me.data)} replace />;
  const myUnitId = me.data?.unit?.id ?? null;
  const items = referrals.data ?? [];
  const overdue = items.filter((item) => item.overdue && item.status === 'requested').length;
  // The navigation's badge counts these: received and waiting for the unit's answer.
  const unanswered = items.filter((item) => item.status === 'requested').length;

  return (
    <>
      <h1>{t('referrals.title')}</h1>
      <p className="font-lead">{t('referrals.intro')}</p>
      <fieldset className="samspil-filter-set">
        <legend className="form-label">{t('referrals.show')}</legend>
        <ul className="nobullet-list samspil-inline-list no-max-width">
          {(['incoming', 'outgoing'] as const).map((option) => (
            <li key={option} className="form-group-radio">
              <input
                type="radio"
                className="form-radio"
                id={`referrals-${option}`}
                name="referrals-direction"
                checked={direction === option}
                onChange={() => setDirection(option)}
              />
              <label className="form-label" htmlFor={`referrals-${option}`}>
                {t(`referrals.direction.${option}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <h2>{t(`referrals.direction.${direction}`)}</h2>
      <QueryStatus query={referrals} />
      {referrals.data ? (
        <>
          <p role="status">
            {t('referrals.count', { count: items.length })}
            {direction === 'incoming' && unanswered > 0
              ? ` ${t('referrals.unansweredCount', { count: unanswered })}`
              : ''}
            {overdue > 0 ? ` ${t('referrals.overdueCount', { count: overdue })}` : ''}
          </p>
          <ul className="samspil-referrals no-max-width">
            {items.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} myUnitId={myUnitId} linkToPlan />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
