import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson, type Page } from './client.js';
import { queryKeys } from './queryKeys.js';
import type {
  CaseloadItem,
  CprSearchPage,
  MyDay,
  UnitOverview,
} from '../../../src/domain/workspace/workspace.responses.js';
import { useCallback, useRef, useState } from 'react';

export type {
  Attention,
  AttentionItem,
  AttentionTotals,
  CaseloadItem,
  CaseloadRelation,
  CprSearchPage,
  MyDay,
  UnitAttentionKind,
  UnitCitizens,
  UnitOverview,
  UnitProfessional,
} from '../../../src/domain/workspace/workspace.responses.js';
export { visibleChangeAt } from '../../../src/domain/workspace/workspace.responses.js';

/** The caseload's orders the server offers: by name, A–Å or Å–A. */
export type CaseloadSort = 'name' | '-name';

/** The logged-in professional's citizens, filtered by name, sorted and paged. */
export function useCaseload(
  q: string,
  page: number,
  pageSize: number,
  sort: CaseloadSort = 'name',
): UseQueryResult<Page<CaseloadItem>> {
  return useQuery({
    queryKey: [...queryKeys.caseload(q, page, pageSize), sort],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
      if (q) params.set('q', q);
      if (sort !== 'name') params.set('sort', sort);
      return apiJson<Page<CaseloadItem>>(`/api/citizens?${params.toString()}`, { signal });
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export type CprSearchState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; result: CprSearchPage }
  | { status: 'error'; error: unknown };

export interface CprSearch {
  state: CprSearchState;
  search: (cpr: string) => void;
  clear: () => void;
}

/**
 * Finds a citizen by CPR number. The number travels only in a POST body and is not kept
 * anywhere afterwards: not in a URL, browser history, storage or the query cache (which is
 * why this is plain state and not a TanStack mutation, whose state would keep the variables).
 */
export function useCprSearch(): CprSearch {
  const [state, setState] = useState<CprSearchState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const search = useCallback((cpr: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'pending' });
    apiJson<CprSearchPage>('/api/citizens/search', {
      method: 'POST',
      body: { cpr },
      signal: current.signal,
    })
      .then((result) => {
        if (!current.signal.aborted) setState({ status: 'success', result });
      })
      .catch((error: unknown) => {
        if (!current.signal.aborted) setState({ status: 'error', error });
      });
  }, []);

  const clear = useCallback(() => {
    controller.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, search, clear };
}

/** The logged-in professional's citizens with what needs attention today. */
export function useMyDay(): UseQueryResult<MyDay> {
  return useQuery({
    queryKey: queryKeys.myDay,
    queryFn: ({ signal }) => apiJson<MyDay>('/api/my-day', { signal }),
    staleTime: 30_000,
  });
}

/** A unit's caseloads and workload, for the unit's team leader. */
export function useUnitOverview(unitId: string | null): UseQueryResult<UnitOverview> {
  return useQuery({
    queryKey: queryKeys.unitOverview(unitId ?? ''),
    queryFn: ({ signal }) =>
      apiJson<UnitOverview>(`/api/units/${encodeURIComponent(unitId ?? '')}/overview`, { signal }),
    enabled: unitId !== null,
    staleTime: 60_000,
  });
}
