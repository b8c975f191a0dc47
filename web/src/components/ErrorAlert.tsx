import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client.js';
import { Alert } from './Alert.js';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows an API error to a person: the server's `detail`, field errors if any, and a retry. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps): ReactElement {
  const { t } = useTranslation();
  let message = t('errors.unknown');
  let fieldErrors: { field: string; message: string }[] = [];
  if (error instanceof ApiError) {
    message = error.problem.detail ?? error.problem.title ?? message;
    fieldErrors = error.problem.errors ?? [];
  } else if (error instanceof NetworkError) {
    message = t('errors.network');
  }
  return (
    <Alert variant="error" heading={t('errors.heading')} live>
      <p className="alert-text">{message}</p>
      {fieldErrors.length > 0 ? (
        <>
          <p className="alert-text">{t('errors.fieldErrors')}</p>
          <ul className="alert-text">
            {fieldErrors.map((fieldError) => (
              <li key={`${fieldError.field}:${fieldError.message}`}>
                {fieldError.field}: {fieldError.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button-secondary mt-4" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </Alert>
  );
}
