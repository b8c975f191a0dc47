import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { CaseloadItem, Page } from './types.js';

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
