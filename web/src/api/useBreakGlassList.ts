import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { BreakGlassAccess } from './access-types.js';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { ItemList } from './coordination-types.js';

/** Break-the-glass accesses for the leader to review (a team leader's unit, an administrator's all). */
export function useBreakGlassList(): UseQueryResult<BreakGlassAccess[]> {
  return useQuery({
    queryKey: coordinationKeys.breakGlass,
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<BreakGlassAccess>>('/api/break-glass?status=all&limit=200', { signal })).items,
  });
}
