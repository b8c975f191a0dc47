import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useCprSearch } from '../../api/useCprSearch.js';
import { useMe } from '../../api/useMe.js';
import { useMyDay } from '../../api/useMyDay.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDate } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { homePath } from '../../routes.js';
import { CprSearchForm } from '../caseload/CprSearchForm.js';
import { CprSearchResult } from '../caseload/CprSearchResult.js';
import {
  ATTENTION_KINDS,
  type AttentionKind,
  filterAndSort,
  SORTS,
  type SortKey,
} from './attention-filter.js';
import { AttentionTable } from './AttentionTable.js';

function kindsFrom(params: URLSearchParams): AttentionKind[] {
  const chosen = (params.get('vis') ?? '').split(',');
  return ATTENTION_KINDS.filter((kind) => chosen.includes(kind));
}

function sortFrom(params: URLSearchParams): SortKey {
  const value = params.get('sorter');
  return (SORTS as readonly string[]).includes(value ?? '') ? (value as SortKey) : 'attention';
}

/**
 * "Mit overblik" (My day): the professional's citizens with what needs attention today — overdue
 * and coming follow-ups, changes by others since I last looked, no active intervention, sub-goals
 * past their date, gaps — filterable and sortable. Filters and order live in the address, so the
 * back button returns to the same view; a CPR number never does.
 */
export function MyDayPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('myDay.title'));
  const id = useId();
  const me = useMe();
  const myDay = useMyDay();
  const cprSearch = useCprSearch();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  // The choices live in state for an immediate response and are mirrored into the address
  // (router navigations are transitions, which would make the checkboxes lag a click behind).
  const [kinds, setKinds] = useState<AttentionKind[]>(() => kindsFrom(params));
  const [sort, setSort] = useState<SortKey>(() => sortFrom(params));
  // Open beside the list on wide screens; folded on a phone, so the list comes sooner.
  const [filtersOpen, setFiltersOpen] = useState(
    () => kindsFrom(params).length > 0 || window.matchMedia('(min-width: 768px)').matches,
  );

  if (me.data && me.data.kind !== 'professional') return <Navigate to={homePath(me.data)} replace />;

  const update = (next: { kinds?: AttentionKind[]; sort?: SortKey }): void => {
    if (next.kinds) setKinds(next.kinds);
    if (next.sort) setSort(next.sort);
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        const chosenKinds = next.kinds ?? kinds;
        if (chosenKinds.length > 0) updated.set('vis', chosenKinds.join(','));
        else updated.delete('vis');
        const chosenSort = next.sort ?? sort;
        if (chosenSort !== 'attention') updated.set('sorter', chosenSort);
        else updated.delete('sorter');
        return updated;
      },
      { replace: true },
    );
  };
  const toggle = (kind: AttentionKind, on: boolean): void =>
    update({ kinds: on ? [...kinds, kind] : kinds.filter((item) => item !== kind) });

  const data = myDay.data;
  const looksLikeCpr = /\d/.test(q);
  const items = data ? filterAndSort(data.items, { q: looksLikeCpr ? '' : q, kinds, sort }) : [];
  // Citizens with each kind of attention, for the filter labels.
  const citizensWith = (kind: AttentionKind): number =>
    data ? filterAndSort(data.items, { q: '', kinds: [kind], sort: 'attention' }).length : 0;

  return (
    <>
      <h1>{t('myDay.title')}</h1>
      <p className="font-lead">
        {data ? t('myDay.intro', { date: formatDate(data.today, language) }) : t('myDay.introNoDate')}
      </p>
      {myDay.isPending ? <Loading /> : null}
      {myDay.isError ? <ErrorAlert error={myDay.error} onRetry={() => void myDay.refetch()} /> : null}
      {data ? (
        <div className="samspil-my-day">
          <div className="samspil-my-day-tools">
            <details
              className="samspil-panel samspil-filters"
              open={filtersOpen}
              onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
            >
              <summary className="h4 samspil-panel-heading">
                {t('myDay.filterLegend')}
                {kinds.length > 0 ? (
                  <span className="samspil-filter-count">
                    {' '}
                    {t('myDay.filterChosen', { count: kinds.length })}
                  </span>
                ) : null}
              </summary>
              <fieldset className="samspil-filter-set">
                <legend className="sr-only">{t('myDay.filterLegend')}</legend>
                <p className="form-hint">{t('myDay.filterHint')}</p>
                {ATTENTION_KINDS.map((kind) => (
                  <div className="form-group-checkbox" key={kind}>
                    <input
                      type="checkbox"
                      id={`${id}-${kind}`}
                      className="form-checkbox"
                      checked={kinds.includes(kind)}
                      onChange={(event) => toggle(kind, event.target.checked)}
                    />
                    <label className="form-label" htmlFor={`${id}-${kind}`}>
                      {t(`myDay.filter.${kind}`)}{' '}
                      <span className="samspil-filter-count">({citizensWith(kind)})</span>
                    </label>
                  </div>
                ))}
              </fieldset>
            </details>
            <search className="samspil-panel">
              <div className={looksLikeCpr ? 'form-group form-error' : 'form-group'}>
                <label className="form-label" htmlFor={`${id}-q`}>
                  {t('caseload.nameSearchLabel')}
                </label>
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
                  value={q}
                  aria-describedby={looksLikeCpr ? `${id}-q-error` : undefined}
                  aria-invalid={looksLikeCpr || undefined}
                  onChange={(event) => setQ(event.target.value)}
                />
              </div>
              <div className="form-group">
                <label className="form-label" htmlFor={`${id}-sort`}>
                  {t('myDay.sortLabel')}
                </label>
                <select
                  id={`${id}-sort`}
                  className="form-select"
                  value={sort}
                  onChange={(event) =>
                    update({ sort: sortFrom(new URLSearchParams({ sorter: event.target.value })) })
                  }
                >
                  {SORTS.map((option) => (
                    <option key={option} value={option}>
                      {t(`myDay.sort.${option}`)}
                    </option>
                  ))}
                </select>
              </div>
            </search>
            <CprSearchForm onSearch={cprSearch.search} pending={cprSearch.state.status === 'pending'} />
          </div>
          <div className="samspil-my-day-list">
            <CprSearchResult state={cprSearch.state} onClear={cprSearch.clear} />
            <p className="samspil-count" aria-live="polite">
              {t('myDay.count', { count: items.length, total: data.items.length })}
            </p>
            {items.length === 0 ? (
              <Alert variant="info">
                {data.items.length === 0 ? t('caseload.empty') : t('myDay.emptyFiltered')}
              </Alert>
            ) : (
              <AttentionTable
                id={`${id}-table`}
                items={items}
                caption={t('myDay.caption')}
                today={data.today}
              />
            )}
          </div>
        </div>
      ) : null}
    </>
  );
}
