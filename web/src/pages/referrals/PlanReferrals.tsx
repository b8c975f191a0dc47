import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCitizenReferrals } from '../../api/referrals.js';
import { useMe } from '../../api/auth.js';
import { useToggle } from '../../hooks/useToggle.js';
import { usePlanContext } from '../plan/PlanContext.js';
import { referralsPath } from '../coordination/paths.js';
import { NewReferralForm } from './NewReferralForm.js';
import { ReferralCard } from './ReferralCard.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { QueryStatus } from '../../components/QueryStatus.js';

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
      <QueryStatus query={referrals} />
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
          <OpenFormButton toggle={creating} label={t('referrals.new.open')} />
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
