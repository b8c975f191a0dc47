import { type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { type CaseloadSort, useCaseload, useCprSearch } from '../../api/workspace.js';
import { useMe } from '../../api/auth.js';
import { Alert } from '../../components/Alert.js';
import { looksLikeCpr, NameSearch } from '../../components/NameSearch.js';
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

/** The name column's direction, kept in the address as `retning=faldende` (A–Å needs no word). */
function sortFrom(params: URLSearchParams): CaseloadSort {
  return params.get('retning') === 'faldende' ? '-name' : 'name';
}

function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('side'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * "Mine borgere": the professional's caseload, one line per citizen, with a name search, the
 * name column sorting either way (on the server) and paging. The name search, the order and the
 * page are kept in the address (never a CPR number), so reload, back and forward keep them.
 */
export function CaseloadPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('caseload.title'));
  const id = useId();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const sort = sortFrom(params);
  const [input, setInput] = useState(q);
  // A name has no digits; digits here are most likely a CPR number, which must never reach
  // the address bar or the server's logs through a query string.
  const debounced = useDebouncedValue(looksLikeCpr(input) ? q : input.trim(), 300);
  const caseload = useCaseload(q, page, PAGE_SIZE, sort);
  const cprSearch = useCprSearch();

  // Typing writes the address once the input rests; back and forward write the input. Only a
  // new debounced value writes the address, so going back is not undone by a stale input.
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
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
  const shownQ = useRef(q);
  useEffect(() => {
    if (q === shownQ.current) return;
    shownQ.current = q;
    if (q !== lastDebounced.current) setInput(q);
  }, [q]);

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
  /** A new order is a step back can undo, and starts at the first page. */
  const toggleSort = (): void => {
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      if (sort === 'name') updated.set('retning', 'faldende');
      else updated.delete('retning');
      updated.delete('side');
      return updated;
    });
  };

  return (
    <>
      <div className="samspil-list-head">
        <h1>{t('caseload.title')}</h1>
        <p className="samspil-list-intro">{t('caseload.intro')}</p>
      </div>
      <div className="samspil-list-tools">
        <NameSearch
          id={`${id}-q`}
          value={input}
          onChange={setInput}
          withHint
          // Only point at the table when there is one, or the reference dangles.
          controls={caseload.data && caseload.data.items.length > 0 ? `${id}-table` : undefined}
        />
        {data ? (
          <p id={`${id}-count`} className="samspil-count samspil-list-count" tabIndex={-1} aria-live="polite">
            {t('caseload.count', { count: data.total })}
            {caseload.isPlaceholderData ? (
              <span className="samspil-muted"> · {t('caseload.updating')}</span>
            ) : null}
          </p>
        ) : null}
      </div>
      {caseload.isPending ? <Loading /> : null}
      {caseload.isError ? (
        <ErrorAlert error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : null}
      {data ? (
        <>
          {data.items.length === 0 ? (
            <Alert variant="info">{q ? t('caseload.emptyFiltered', { q }) : t('caseload.empty')}</Alert>
          ) : (
            <CaseloadTable
              id={`${id}-table`}
              items={data.items}
              caption={q ? t('caseload.captionFiltered', { q }) : t('caseload.caption')}
              nameSort={{ direction: sort === 'name' ? 'ascending' : 'descending', onSort: toggleSort }}
            />
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      ) : null}
      <div className="samspil-find-other">
        <CprSearchForm onSearch={cprSearch.search} pending={cprSearch.state.status === 'pending'} />
        <CprSearchResult state={cprSearch.state} onClear={cprSearch.clear} />
      </div>
    </>
  );
}
