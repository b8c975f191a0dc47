import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCitizenReferrals } from '../../api/useCitizenReferrals.js';
import { useMe } from '../../api/useMe.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useToggle } from '../plan/edit/useToggle.js';
import { usePlanContext } from '../plan/PlanContext.js';
import { referralsPath } from '../coordination/paths.js';
import { NewReferralForm } from './NewReferralForm.js';
import { ReferralCard } from './ReferralCard.js';

/** The citizen's referrals on the plan page, and — for professionals — a new referral. */
export function PlanReferrals(): ReactElement {
  const { t } = useTranslation();
  const { citizenId, plan, canEdit } = usePlanContext();
  const me = useMe();
  const referrals = useCitizenReferrals(citizenId);
  const creating = useToggle();
  const myUnitId = me.data?.kind === 'professional' ? (me.data.unit?.id ?? null) : null;

  return (
    <section aria-labelledby="plan-referrals" className="mt-7">
      <h2 id="plan-referrals">{t('referrals.planHeading')}</h2>
      {referrals.isPending ? <Loading /> : null}
      {referrals.error ? (
        <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : null}
      {referrals.data?.length === 0 ? <p>{t('referrals.none')}</p> : null}
      {referrals.data && referrals.data.length > 0 ? (
        <ul className="samspil-referrals no-max-width">
          {referrals.data.map((referral) => (
            <ReferralCard key={referral.id} referral={referral} myUnitId={myUnitId} linkToPlan={false} />
          ))}
        </ul>
      ) : null}
      {canEdit && !creating.open ? (
        <p className="samspil-item-actions">
          <button
            type="button"
            className="button button-secondary"
            ref={creating.trigger}
            onClick={creating.show}
          >
            {t('referrals.new.open')}
          </button>
          <Link to={referralsPath}>{t('referrals.allMine')}</Link>
        </p>
      ) : null}
      {creating.open ? (
        <NewReferralForm
          citizenId={citizenId}
          subGoals={plan.subGoals}
          myUnitId={myUnitId}
          onDone={creating.hide}
        />
      ) : null}
    </section>
  );
}
