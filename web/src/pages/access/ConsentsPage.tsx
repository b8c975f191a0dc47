import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type Consent, useAnswerConsent, useConsents, useWithdrawConsent } from '../../api/consent.js';
import { useMe } from '../../api/auth.js';
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
  const me = useMe();
  const consents = useConsents(citizenId);
  const withdraw = useWithdrawConsent(citizenId);
  const answer = useAnswerConsent(citizenId);
  const giving = useToggle();
  // A relative acts on consent only when her power of attorney includes it: otherwise no forms.
  const mayAct = !me.data?.actingFor || me.data.actingFor.mayConsent === true;
  const waiting = (consents.data ?? []).filter((item) => item.status === 'pending');
  const current = (consents.data ?? []).filter(
    (item) => item.status === 'active' || item.status === 'not-yet-valid',
  );
  const past = (consents.data ?? []).filter((item) => !current.includes(item) && !waiting.includes(item));

  return (
    <>
      <h1>{t('consents.title')}</h1>
      <p className="font-lead">{mayAct ? t('consents.intro') : t('consents.relativeCannot')}</p>
      <QueryStatus query={consents} />
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      {answer.error ? <ErrorAlert error={answer.error} /> : null}
      {withdraw.isSuccess ? (
        <p className="samspil-history-note" role="status">
          {t('consents.withdrawn')}
        </p>
      ) : null}
      {mayAct && giving.open ? <ConsentForm citizenId={citizenId} onDone={giving.hide} /> : null}
      {mayAct && !giving.open ? (
        <p>
          <OpenFormButton toggle={giving} label={t('consents.give')} primary />
        </p>
      ) : null}
      {waiting.length > 0 ? (
        <>
          <h2>{t('consents.pendingHeading')}</h2>
          <p>{t('consents.pendingIntro')}</p>
          <ul className="samspil-consents no-max-width">
            {waiting.map((consent) => (
              <ConsentCard
                key={consent.id}
                consent={consent}
                pending={answer.isPending}
                onWithdraw={null}
                onAnswer={mayAct ? (reply) => answer.mutate({ consentId: consent.id, answer: reply }) : null}
              />
            ))}
          </ul>
        </>
      ) : null}
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
                onWithdraw={mayAct ? () => withdraw.mutate(consent.id) : null}
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
  /** A consent registered by a professional, waiting for the citizen: confirm or reject. */
  onAnswer?: ((answer: 'confirm' | 'reject') => void) | null;
  /** A professional reads the citizen's consents: "waiting for the citizen", not "for you". */
  viewer?: 'citizen' | 'professional';
}

export function ConsentCard({
  consent,
  pending,
  onWithdraw,
  onAnswer = null,
  viewer = 'citizen',
}: ConsentCardProps): ReactElement {
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
            {viewer === 'professional' && consent.status === 'pending'
              ? t('consents.professional.pendingStatus')
              : t(`consents.status.${consent.status}`)}
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
          {consent.legalProvision ? (
            <Fact label={t('consents.provision')}>{t(`consents.provisions.${consent.legalProvision}`)}</Fact>
          ) : null}
          {consent.declaration ? (
            <Fact label={t('consents.declaration')}>
              {t('consents.declarationValue', {
                reference: consent.declaration.reference,
                date: formatDate(consent.declaration.signedOn, language),
              })}
            </Fact>
          ) : null}
          {consent.withdrawnAt ? (
            <Fact label={t('consents.withdrawnAt')}>{formatDateTime(consent.withdrawnAt, language)}</Fact>
          ) : null}
        </dl>
        {onAnswer ? (
          <div className="samspil-inline-form">
            <button
              type="button"
              className="button button-primary"
              disabled={pending}
              onClick={() => onAnswer('confirm')}
            >
              {t('consents.confirm')}
              <span className="sr-only">: {t('consents.cardTitle', { to })}</span>
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={pending}
              onClick={() => onAnswer('reject')}
            >
              {t('consents.reject')}
              <span className="sr-only">: {t('consents.cardTitle', { to })}</span>
            </button>
          </div>
        ) : null}
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
