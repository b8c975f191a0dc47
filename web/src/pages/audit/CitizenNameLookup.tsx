import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseload } from '../../api/workspace.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';

export interface ChosenCitizen {
  id: string;
  name: string;
}

/** Citizens of the leader's unit whose name matches, each with a button to choose them for the search. */
export function CitizenNameLookup({
  query,
  onChoose,
}: {
  query: string;
  onChoose: (citizen: ChosenCitizen) => void;
}): ReactElement {
  const { t } = useTranslation();
  const matches = useCaseload(query, 1, 10);
  if (matches.isPending) return <Loading />;
  if (matches.isError) return <ErrorAlert error={matches.error} />;
  if (matches.data.items.length === 0) return <p role="status">{t('audit.noNameMatch')}</p>;
  return (
    <ul className="samspil-inline-list no-max-width" aria-label={t('audit.nameMatches')}>
      {matches.data.items.map((item) => {
        const name = `${item.givenName} ${item.familyName}`;
        return (
          <li key={item.id}>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => onChoose({ id: item.id, name })}
            >
              {t('audit.choose', { name, cpr: item.cprMasked })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
