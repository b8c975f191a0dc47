import { type ReactElement, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useCaseload } from '../../api/useCaseload.js';
import { useCprSearch } from '../../api/useCprSearch.js';
import { useMe } from '../../api/useMe.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { Pagination } from '../../components/Pagination.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { homePath } from '../../routes.js';
import { CaseloadTable } from './CaseloadTable.js';
import { CprSearchForm } from './CprSearchForm.js';
import { CprSearchResult } from './CprSearchResult.js';

const PAGE_SIZE = 25;

function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('side'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * "Mine borgere": the professional's caseload with a name search and paging. Only the name
 * search and the page are kept in the address (never a CPR number).
 */
export function CaseloadPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('caseload.title'));
  const id = useId();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const [input, setInput] = useState(q);
  // A name has no digits; digits here are most likely a CPR number, which must never reach
  // the address bar or the server's logs through a query string.
  const looksLikeCpr = /\d/.test(input);
  const debounced = useDebouncedValue(looksLikeCpr ? q : input.trim(), 300);
  const caseload = useCaseload(q, page, PAGE_SIZE);
  const cprSearch = useCprSearch();

  useEffect(() => {
    if (debounced === q) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        next.delete('side');
        return next;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);

  if (me.data && me.data.kind !== 'professional') return <Navigate to={homePath(me.data)} replace />;

  const setPage = (next: number): void => {
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      if (next > 1) updated.set('side', String(next));
      else updated.delete('side');
      return updated;
    });
    document.getElementById(`${id}-count`)?.focus();
  };

  const data = caseload.data;
  return (
    <>
      <h1>{t('caseload.title')}</h1>
      <p className="font-lead">{t('caseload.intro')}</p>
      <div className="samspil-search-row">
        <search className="samspil-panel samspil-name-search">
          <div className={looksLikeCpr ? 'form-group form-error' : 'form-group'}>
            <label className="form-label" htmlFor={`${id}-q`}>
              {t('caseload.nameSearchLabel')}
            </label>
            <span className="form-hint" id={`${id}-q-hint`}>
              {t('caseload.nameSearchHint')}
            </span>
            {looksLikeCpr ? (
              <span className="form-error-message" id={`${id}-q-error`} role="alert">
                {t('caseload.nameSearchDigits')}
              </span>
            ) : null}
            <input
              id={`${id}-q`}
              className="form-input"
              type="search"
              autoComplete="off"
              value={input}
              aria-describedby={looksLikeCpr ? `${id}-q-hint ${id}-q-error` : `${id}-q-hint`}
              aria-invalid={looksLikeCpr || undefined}
              // Only point at the table when there is one, or the reference dangles.
              aria-controls={caseload.data && caseload.data.items.length > 0 ? `${id}-table` : undefined}
              onChange={(event) => setInput(event.target.value)}
            />
          </div>
        </search>
        <CprSearchForm onSearch={cprSearch.search} pending={cprSearch.state.status === 'pending'} />
      </div>
      <CprSearchResult state={cprSearch.state} onClear={cprSearch.clear} />
      {caseload.isPending ? <Loading /> : null}
      {caseload.isError ? (
        <ErrorAlert error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : null}
      {data ? (
        <>
          <p id={`${id}-count`} className="samspil-count" tabIndex={-1} aria-live="polite">
            {t('caseload.count', { count: data.total })}
            {caseload.isPlaceholderData ? (
              <span className="samspil-muted"> · {t('caseload.updating')}</span>
            ) : null}
          </p>
          {data.items.length === 0 ? (
            <Alert variant="info">{q ? t('caseload.emptyFiltered', { q }) : t('caseload.empty')}</Alert>
          ) : (
            <CaseloadTable
              id={`${id}-table`}
              items={data.items}
              caption={q ? t('caseload.captionFiltered', { q }) : t('caseload.caption')}
            />
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
