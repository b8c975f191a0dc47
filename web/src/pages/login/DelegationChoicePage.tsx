import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useChooseDelegation, useDelegationChoices, useLogout } from '../../api/auth.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { homePath } from '../../routes.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/**
 * "Vælg fuldmagt": a relative with delegated access (fuldmagt) from several citizens chooses
 * whose plan to act for, right after login and whenever they want to switch.
 */
export function DelegationChoicePage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('delegationChoice.title'));
  const choices = useDelegationChoices();
  const choose = useChooseDelegation();
  const logout = useLogout();
  const navigate = useNavigate();

  return (
    <>
      <h1>{t('delegationChoice.title')}</h1>
      <p className="font-lead">{t('delegationChoice.intro')}</p>
      <QueryStatus query={choices} />
      {choices.data === null ? (
        <Alert variant="info" heading={t('delegationChoice.loggedOutHeading')}>
          <p className="alert-text">
            <Link to="/login">{t('delegationChoice.loginAgain')}</Link>
          </p>
        </Alert>
      ) : null}
      {choices.data?.length === 0 ? <p>{t('delegationChoice.none')}</p> : null}
      {choose.error ? <ErrorAlert error={choose.error} /> : null}
      {choices.data && choices.data.length > 0 ? (
        <ul className="samspil-card-grid no-max-width" aria-label={t('delegationChoice.listLabel')}>
          {choices.data.map((choice) => (
            <li key={choice.delegationId} className="samspil-panel">
              <h2 className="h4">{choice.citizenName}</h2>
              <p>
                {choice.validUntil
                  ? t('delegationChoice.validUntil', { date: formatDate(choice.validUntil, language) })
                  : t('delegationChoice.noEnd')}
              </p>
              {choice.current ? <p className="samspil-muted">{t('delegationChoice.current')}</p> : null}
              <button
                type="button"
                className="button button-primary"
                disabled={choose.isPending}
                aria-label={t('delegationChoice.chooseNamed', { name: choice.citizenName })}
                onClick={() =>
                  choose.mutate(choice.delegationId, {
                    onSuccess: (me) => navigate(homePath(me), { replace: true }),
                  })
                }
              >
                {choose.isPending && choose.variables === choice.delegationId
                  ? t('delegationChoice.choosing')
                  : t('delegationChoice.choose')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {choices.data ? (
        // Before choosing there is no menu (and no log-out button in the header) yet.
        <p className="mt-7">
          <button
            type="button"
            className="button button-tertiary"
            disabled={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
          >
            {t('header.logout')}
          </button>
        </p>
      ) : null}
    </>
  );
}
