import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { CaseloadItem, Page } from './types.js';

/** The logged-in professional's citizens, filtered by name and paged. */
export function useCaseload(q: string, page: number, pageSize: number): UseQueryResult<Page<CaseloadItem>> {
  return useQuery({
    queryKey: queryKeys.caseload(q, page, pageSize),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
      if (q) params.set('q', q);
      return apiJson<Page<CaseloadItem>>(`/api/citizens?${params.toString()}`, { signal });
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
