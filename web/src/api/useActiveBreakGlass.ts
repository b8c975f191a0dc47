import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath } from './coordinationKeys.js';

/** The professional's own emergency access to a citizen while it lasts (null when none). */
export function useActiveBreakGlass(
  citizenId: string,
  enabled: boolean,
): UseQueryResult<{ id: string; expiresAt: string } | null> {
  return useQuery({
    queryKey: ['citizens', citizenId, 'break-glass', 'active'],
    queryFn: async () =>
      (
        await apiJson<{ active: { id: string; expiresAt: string } | null }>(
          `${citizenPath(citizenId)}/break-glass/active`,
        )
      ).active,
    enabled,
  });
}
