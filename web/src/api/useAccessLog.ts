import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { AccessLog } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';

/** Who has looked at the citizen's data and why, newest first. */
export function useAccessLog(citizenId: string): UseQueryResult<AccessLog> {
  return useQuery({
    queryKey: coordinationKeys.accessLog(citizenId),
    queryFn: ({ signal }) => apiJson<AccessLog>(`${citizenPath(citizenId)}/access-log?limit=200`, { signal }),
    staleTime: 0,
  });
}
