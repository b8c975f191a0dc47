import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveBreakGlass } from '../../api/break-glass.js';
import { useConsents } from '../../api/consent.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useToggle } from '../../hooks/useToggle.js';
import { ConsentForm } from './ConsentForm.js';
import { ConsentCard } from './ConsentsPage.js';
import { ReportingObjectionSetting } from './ReportingObjectionSetting.js';

/**
 * On the plan, for professionals: the citizen's consents and legal bases (read-only: a consent
 * is the citizen's to withdraw), and the registration of a consent she gave outside Samspil.
 * Only team leaders are offered a legal basis instead of consent.
 */
export function PlanConsents({
  citizenId,
  teamLeader,
}: {
  citizenId: string;
  teamLeader: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const consents = useConsents(citizenId);
  // An emergency access reads; it gives no say over consent (the server refuses it too).
  const emergency = useActiveBreakGlass(citizenId, true);
  const canRegister = emergency.isSuccess && emergency.data === null;
  const registering = useToggle();
  return (
    <>
      <section aria-labelledby="plan-consents-heading" className="samspil-plan-section">
        <h2 id="plan-consents-heading">{t('consents.professional.heading')}</h2>
        <p>{t('consents.professional.intro')}</p>
        {canRegister && registering.open ? (
          <ConsentForm
            citizenId={citizenId}
            onDone={registering.hide}
            by={teamLeader ? 'team-leader' : 'professional'}
          />
        ) : null}
        {canRegister && !registering.open ? (
          <p>
            <OpenFormButton toggle={registering} label={t('consents.professional.register')} />
          </p>
        ) : null}
        <QueryStatus query={consents} />
        {consents.data?.length === 0 ? <p>{t('consents.professional.none')}</p> : null}
        <ul className="samspil-consents no-max-width">
          {(consents.data ?? []).map((consent) => (
            <ConsentCard
              key={consent.id}
              consent={consent}
              pending={false}
              onWithdraw={null}
              viewer="professional"
            />
          ))}
        </ul>
        <ReportingObjectionSetting citizenId={citizenId} viewer="professional" mayChange={canRegister} />
      </section>
    </>
  );
}
