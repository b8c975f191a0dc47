import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { CitizenRetention } from '../../../src/domain/retention/retention.schemas.js';
import { apiJson } from './client.js';
import { citizenPath, queryKeys } from './queryKeys.js';

/** How long the citizen's data is kept, and the day it would be deleted (one schema, the server's). */
export function useCitizenRetention(citizenId: string): UseQueryResult<CitizenRetention> {
  return useQuery({
    queryKey: queryKeys.retention(citizenId),
    queryFn: ({ signal }) => apiJson<CitizenRetention>(`${citizenPath(citizenId)}/retention`, { signal }),
  });
}
