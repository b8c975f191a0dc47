import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { DemoPersona } from './types.js';

/** The personas one can log in as in demo mode. */
export function useDemoPersonas(): UseQueryResult<DemoPersona[]> {
  return useQuery({
    queryKey: queryKeys.demoPersonas,
    queryFn: async () => (await apiJson<{ personas: DemoPersona[] }>('/api/auth/demo-personas')).personas,
    staleTime: 10 * 60_000,
  });
}
