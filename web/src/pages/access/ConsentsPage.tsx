import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../api/access-types.js';
import { useConsents } from '../../api/useConsents.js';
import { useWithdrawConsent } from '../../api/useWithdrawConsent.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { sectorLabel } from '../coordination/flag-text.js';
import { useToggle } from '../../hooks/useToggle.js';
import { CitizenOnly } from './CitizenOnly.js';
import { ConsentForm } from './ConsentForm.js';
import { Fact } from '../coordination/Fact.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/** "Samtykker": what the citizen has agreed to share, with whom and why; give and withdraw; history. */
export function ConsentsPage(): ReactElement {
  return <CitizenOnly render={(citizenId) => <ConsentsView citizenId={citizenId} />} />;
}

function ConsentsView({ citizenId }: { citizenId: string }): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('consents.title'));
  const consents = useConsents(citizenId);
  const withdraw = useWithdrawConsent(citizenId);
  const giving = useToggle();
  const current = (consents.data ?? []).filter(
    (item) => item.status === 'active' || item.status === 'not-yet-valid',
  );
  const past = (consents.data ?? []).filter((item) => !current.includes(item));

  return (
    <>
      <h1>{t('consents.title')}</h1>
      <p className="font-lead">{t('consents.intro')}</p>
      <QueryStatus query={consents} />
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      {withdraw.isSuccess ? (
        <p className="samspil-history-note" role="status">
          {t('consents.withdrawn')}
        </p>
      ) : null}
      {giving.open ? (
        <ConsentForm citizenId={citizenId} onDone={giving.hide} />
      ) : (
        <p>
          <OpenFormButton toggle={giving} label={t('consents.give')} primary />
        </p>
      )}
      {consents.data ? (
        <>
          <h2>{t('consents.current')}</h2>
          {current.length === 0 ? <p>{t('consents.noneCurrent')}</p> : null}
          <ul className="samspil-consents no-max-width">
            {current.map((consent) => (
              <ConsentCard
                key={consent.id}
                consent={consent}
                pending={withdraw.isPending}
                onWithdraw={() => withdraw.mutate(consent.id)}
              />
            ))}
          </ul>
          {past.length > 0 ? (
            <>
              <h2>{t('consents.history')}</h2>
              <ul className="samspil-consents no-max-width">
                {past.map((consent) => (
                  <ConsentCard key={consent.id} consent={consent} pending={false} onWithdraw={null} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

interface ConsentCardProps {
  consent: Consent;
  pending: boolean;
  /** Only the citizen's own consents can be withdrawn here; legal bases are not consents. */
  onWithdraw: (() => void) | null;
}

function ConsentCard({ consent, pending, onWithdraw }: ConsentCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const to =
    consent.granteeUnit?.name ?? (consent.granteeSector ? sectorLabel(consent.granteeSector, language) : '');
  const headingId = `consent-${consent.id}`;
  const canWithdraw = onWithdraw !== null && consent.basis === 'consent';
  return (
    <li className="samspil-consent">
      <article aria-labelledby={headingId}>
        <div className="samspil-item-heading">
          <h3 id={headingId} className="h5">
            {t(consent.basis === 'consent' ? 'consents.cardTitle' : 'consents.cardTitleLegal', { to })}
          </h3>
          <span
            className={
              consent.status === 'active' ? 'badge samspil-badge badge-success' : 'badge samspil-badge'
            }
          >
            {t(`consents.status.${consent.status}`)}
          </span>
        </div>
        <dl className="samspil-facts">
          <Fact label={t('consents.what')}>
            {consent.categories.map((category) => t(`consents.category.${category}`)).join(', ')}
          </Fact>
          <Fact label={t('consents.why')}>{t(`consents.purpose.${consent.purpose}`)}</Fact>
          {consent.caseReference ? (
            <Fact label={t('consents.caseReference')}>{consent.caseReference}</Fact>
          ) : null}
          <Fact label={t('consents.valid')}>
            {consent.validUntil
              ? t('consents.validPeriod', {
                  from: formatDate(consent.validFrom, language),
                  until: formatDate(consent.validUntil, language),
                })
              : t('consents.validFrom', { from: formatDate(consent.validFrom, language) })}
          </Fact>
          <Fact label={t('consents.recorded')}>
            {formatDateTime(consent.recordedAt, language)} –{' '}
            {consent.recordedBy.kind === 'citizen'
              ? t('consents.byYou')
              : (consent.recordedBy.name ?? t('consents.byProfessional'))}
          </Fact>
          {consent.withdrawnAt ? (
            <Fact label={t('consents.withdrawnAt')}>{formatDateTime(consent.withdrawnAt, language)}</Fact>
          ) : null}
        </dl>
        {canWithdraw ? (
          <button type="button" className="button button-secondary" disabled={pending} onClick={onWithdraw}>
            {t('consents.withdraw')}
            <span className="sr-only">: {t('consents.cardTitle', { to })}</span>
          </button>
        ) : null}
      </article>
    </li>
  );
}
