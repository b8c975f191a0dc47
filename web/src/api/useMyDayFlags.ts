import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { MyDayFlagCount } from './coordination-types.js';

/** Open coordination flags per citizen on My day, by citizen id. */
export function useMyDayFlags(): UseQueryResult<ReadonlyMap<string, MyDayFlagCount>> {
  return useQuery({
    queryKey: coordinationKeys.myDayFlags,
    queryFn: async ({ signal }) => {
      const body = await apiJson<{ items: MyDayFlagCount[] }>('/api/my-day/flags', { signal });
      return new Map(body.items.map((item) => [item.citizenId, item]));
    },
  });
}
