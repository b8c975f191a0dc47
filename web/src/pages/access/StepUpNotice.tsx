import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys.js';
import { type Reauthentication, reauthenticate } from '../../api/step-up.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/**
 * Shown when the server asks for a fresh login before a sensitive act (revealing a CPR number,
 * breaking the glass, a CPR number in an export). The button logs the user in again: through
 * their identity provider, back to this page; in demo mode here, and then `onDone` retries.
 */
export function StepUpNotice({ how, onDone }: { how: Reauthentication; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = (): void => {
    setPending(true);
    setError(null);
    reauthenticate(how)
      .then((result) => {
        if (result.status !== 'done') return;
        queryClient.setQueryData(queryKeys.me, result.me);
        setPending(false);
        onDone();
      })
      .catch((failure: unknown) => {
        setPending(false);
        setError(failure);
      });
  };
  return (
    <Alert variant="warning" heading={t('stepUp.heading')} live>
      <p className="alert-text">{t('stepUp.text')}</p>
      <button type="button" className="button button-primary mt-4" disabled={pending} onClick={start}>
        {pending ? t('stepUp.pending') : t('stepUp.button')}
      </button>
      {error ? <ErrorAlert error={error} /> : null}
    </Alert>
  );
}
