import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDelegations, useRevokeDelegation } from '../../api/delegations.js';
import { useMe } from '../../api/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { useToggle } from '../../hooks/useToggle.js';
import { CitizenOnly } from './CitizenOnly.js';
import { DelegationForm } from './DelegationForm.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/** "Fuldmagt": relatives who may see the citizen's plan on their behalf; grant and revoke. */
export function DelegationsPage(): ReactElement {
  return <CitizenOnly render={(citizenId) => <DelegationsView citizenId={citizenId} />} />;
}

function DelegationsView({ citizenId }: { citizenId: string }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('delegations.title'));
  const delegations = useDelegations(citizenId);
  const revoke = useRevokeDelegation(citizenId);
  const granting = useToggle();
  // Only the citizen grants and revokes powers of attorney: a relative sees them, no forms.
  const me = useMe();
  const isCitizen = me.data?.kind === 'citizen' && !me.data.actingFor;

  /** When the power of attorney was revoked, or the period it holds for. */
  const validity = (delegation: {
    revokedAt: string | null;
    validFrom: string;
    validUntil: string | null;
  }): string => {
    if (delegation.revokedAt)
      return t('delegations.revokedAt', { date: formatDateTime(delegation.revokedAt, language) });
    if (delegation.validUntil)
      return t('delegations.validPeriod', {
        from: formatDate(delegation.validFrom, language),
        until: formatDate(delegation.validUntil, language),
      });
    return t('delegations.validFrom', { from: formatDate(delegation.validFrom, language) });
  };

  return (
    <>
      <h1>{t('delegations.title')}</h1>
      <p className="font-lead">{t('delegations.intro')}</p>
      <QueryStatus query={delegations} />
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
      {isCitizen && granting.open ? <DelegationForm citizenId={citizenId} onDone={granting.hide} /> : null}
      {isCitizen && !granting.open ? (
        <p>
          <OpenFormButton toggle={granting} label={t('delegations.grant')} primary />
        </p>
      ) : null}
      {delegations.data?.length === 0 ? <p>{t('delegations.none')}</p> : null}
      <ul className="samspil-consents no-max-width">
        {(delegations.data ?? []).map((delegation) => (
          <li key={delegation.id} className="samspil-consent">
            <h2 className="h5">{delegation.granteeName}</h2>
            <p>{validity(delegation)}</p>
            {delegation.includesConsent ? <p>{t('delegations.coversConsent')}</p> : null}
            {delegation.revokedAt || !isCitizen ? null : (
              <button
                type="button"
                className="button button-secondary"
                disabled={revoke.isPending}
                aria-label={`${t('delegations.revoke')}: ${delegation.granteeName}`}
                onClick={() => revoke.mutate(delegation.id)}
              >
                {t('delegations.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
