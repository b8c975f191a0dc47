import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlag } from '../../api/coordination.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/** A flag's history, fetched when the person opens it: who opened, took on, resolved or dismissed it, and why. */
export function FlagHistory({ flagId, statusAt }: { flagId: string; statusAt: string }): ReactElement {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="samspil-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('coordination.historyHeading')}</summary>
      {/* statusAt in the key: a new status means a new history to fetch. */}
      {open ? <FlagHistoryList key={statusAt} flagId={flagId} /> : null}
    </details>
  );
}

function FlagHistoryList({ flagId }: { flagId: string }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const flag = useFlag(flagId);
  if (flag.isPending) return <Loading />;
  if (flag.isError) return <ErrorAlert error={flag.error} onRetry={() => void flag.refetch()} />;
  return (
    <ol className="samspil-flag-history no-max-width">
      {(flag.data.history ?? []).map((entry) => (
        <li key={`${entry.at}-${entry.action}`}>
          <span className="samspil-nowrap">{formatDateTime(entry.at, language)}</span>:{' '}
          {t(`coordination.historyAction.${entry.action}`)}
          {entry.actor ? ` – ${entry.actor.name}` : ''}
          {entry.comment ? <q className="samspil-block">{entry.comment}</q> : null}
        </li>
      ))}
    </ol>
  );
}
