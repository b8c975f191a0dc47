import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { BreakGlassDetail } from './access-types.js';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';

/** One break-the-glass access with what was read and done under it, for its reviewer. */
export function useBreakGlassDetail(breakGlassId: string | null): UseQueryResult<BreakGlassDetail> {
  return useQuery({
    queryKey: [...coordinationKeys.breakGlass, breakGlassId],
    queryFn: () => apiJson<BreakGlassDetail>(`/api/break-glass/${encodeURIComponent(breakGlassId ?? '')}`),
    enabled: breakGlassId !== null,
  });
}
