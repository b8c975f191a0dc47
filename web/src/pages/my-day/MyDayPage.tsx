import { type ReactElement, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useCprSearch, useMyDay } from '../../api/workspace.js';
import { useMe } from '../../api/auth.js';
import { useMyDayFlags } from '../../api/coordination.js';
import { Alert } from '../../components/Alert.js';
import { looksLikeCpr, NameSearch } from '../../components/NameSearch.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDate } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { homePath } from '../../routes.js';
import { CalendarSubscription } from '../calendar/CalendarSubscription.js';
import { CprSearchForm } from '../caseload/CprSearchForm.js';
import { CprSearchResult } from '../caseload/CprSearchResult.js';
import { ATTENTION_KINDS, type AttentionKind, filterAndSort, type SortKey } from './attention-filter.js';
import { AttentionTable } from './AttentionTable.js';
import { type MyDayView, paramsFor, sortedBy, viewFrom } from './my-day-view.js';

/**
 * "Mit overblik" (My day): the professional's citizens, one line each, with what needs attention
 * today — the most severe first (a severe coordination flag or an overdue follow-up before a gap).
 * Filters, name search and the column sorted by live in the address (my-day-view.ts), so reload,
 * back and forward return to the same view; a CPR number never does.
 */
export function MyDayPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('myDay.title'));
  const id = useId();
  const me = useMe();
  const myDay = useMyDay();
  const flags = useMyDayFlags();
  const cprSearch = useCprSearch();
  const [params, setParams] = useSearchParams();
  const fromAddress = useMemo(() => viewFrom(params), [params]);
  // The view lives in state for an immediate response (router navigations are transitions,
  // which would make the checkboxes lag a click behind) and follows the address on back/forward.
  const [view, setView] = useState<MyDayView>(fromAddress);
  const [q, setQ] = useState(fromAddress.q);
  // Folded unless filters are chosen, so the list starts high on the screen.
  const [filtersOpen, setFiltersOpen] = useState(() => fromAddress.kinds.length > 0);
  useEffect(() => {
    setView(fromAddress);
    setQ((current) => (looksLikeCpr(current) ? current : fromAddress.q));
  }, [fromAddress]);

  if (me.data && me.data.kind !== 'professional') return <Navigate to={homePath(me.data)} replace />;

  /** A sort or a filter is a step back can undo; typing a name replaces the address as you go. */
  const update = (next: MyDayView, step: boolean): void => {
    setView(next);
    setParams((previous) => paramsFor(next, previous), { replace: !step });
  };
  const toggle = (kind: AttentionKind, on: boolean): void =>
    update({ ...view, kinds: on ? [...view.kinds, kind] : view.kinds.filter((item) => item !== kind) }, true);
  const sortBy = (key: SortKey): void => update(sortedBy(view, key), true);

  const data = myDay.data;
  const options = { ...view, q: looksLikeCpr(q) ? '' : q, flags: flags.data };
  const items = data ? filterAndSort(data.items, options) : [];
  // Citizens with each kind of attention, for the filter labels.
  const citizensWith = (kind: AttentionKind): number =>
    data ? filterAndSort(data.items, { q: '', kinds: [kind], sort: 'name' }).length : 0;

  return (
    <>
      <div className="samspil-list-head">
        <h1>{t('myDay.title')}</h1>
        <p className="samspil-list-intro">
          {data ? t('myDay.introShort', { date: formatDate(data.today, language) }) : t('myDay.introNoDate')}
        </p>
      </div>
      {myDay.isPending ? <Loading /> : null}
      {myDay.isError ? <ErrorAlert error={myDay.error} onRetry={() => void myDay.refetch()} /> : null}
      {data ? (
        <>
          <div className="samspil-list-tools">
            <NameSearch
              id={`${id}-q`}
              value={q}
              onChange={(value) => {
                setQ(value);
                if (!looksLikeCpr(value)) update({ ...view, q: value }, false);
              }}
            />
            <details
              className="samspil-panel samspil-filters samspil-filter-dropdown"
              open={filtersOpen}
              onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
            >
              <summary className="samspil-filter-summary">
                {t('myDay.filterLegend')}
                {view.kinds.length > 0 ? (
                  <span className="samspil-filter-count">
                    {' '}
                    {t('myDay.filterChosen', { count: view.kinds.length })}
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
                      checked={view.kinds.includes(kind)}
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
            <p className="samspil-count samspil-list-count" aria-live="polite">
              {t('myDay.count', { count: items.length, total: data.items.length })}
            </p>
          </div>
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
              sort={{ key: view.sort, direction: view.direction, onSort: sortBy }}
            />
          )}
          <div className="samspil-find-other">
            <CprSearchForm onSearch={cprSearch.search} pending={cprSearch.state.status === 'pending'} />
            <CprSearchResult state={cprSearch.state} onClear={cprSearch.clear} />
          </div>
        </>
      ) : null}
      <CalendarSubscription audience="professional" />
    </>
  );
}
