import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.js';
import { forgetSession } from '../../api/queryClient.js';
import type { CprSearchState } from '../../api/workspace.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { planPath } from '../../routes.js';
import { BreakGlassPanel } from '../access/BreakGlassPanel.js';
import { CaseloadTable } from './CaseloadTable.js';

interface CprSearchResultProps {
  state: CprSearchState;
  onClear: () => void;
}

/** The answer to a CPR search: the citizen(s) found, nobody, or the error. */
export function CprSearchResult({ state, onClear }: CprSearchResultProps): ReactElement | null {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const emergency = state.status === 'success' ? (state.result.emergencyAccess ?? null) : null;

  useEffect(() => {
    if (state.status === 'error' && isApiError(state.error, 401)) forgetSession(queryClient);
  }, [state, queryClient]);

  if (state.status !== 'success' && state.status !== 'error') return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-panel samspil-cpr-result">
      <h2 id={`${id}-heading`} className="h4 samspil-panel-heading">
        {t('cprSearch.resultTitle')}
      </h2>
      {state.status === 'error' ? <ErrorAlert error={state.error} /> : null}
      {state.status === 'success' && state.result.items.length === 0 && !emergency ? (
        <Alert variant="info" live>
          {t('cprSearch.noResult')}
        </Alert>
      ) : null}
      {emergency ? (
        <>
          <Alert variant="info" live>
            {t('breakGlass.search.noRelationship')}
          </Alert>
          <BreakGlassPanel
            citizenId={emergency.citizenId}
            onOpened={() => void navigate(planPath(emergency.citizenId))}
          />
        </>
      ) : null}
      {state.status === 'success' && state.result.items.length > 0 ? (
        <CaseloadTable items={state.result.items} caption={t('cprSearch.resultTitle')} />
      ) : null}
      <button type="button" className="button button-tertiary" onClick={onClear}>
        {t('cprSearch.clear')}
      </button>
    </section>
  );
}
