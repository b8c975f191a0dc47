import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { AuditFilter, AuditVisit } from './access-types.js';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { ItemList } from './coordination-types.js';

/**
 * Searches the audit trail by page visit; nothing is fetched until a search is submitted
 * (filter not null). The citizen is named by id, so a CPR number never reaches the URL.
 */
export function useAuditVisits(filter: AuditFilter | null): UseQueryResult<AuditVisit[]> {
  const params = new URLSearchParams({ limit: '100' });
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  return useQuery({
    queryKey: coordinationKeys.audit({ ...Object.fromEntries(params), by: 'visit' }),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<AuditVisit>>(`/api/audit/visits?${params.toString()}`, { signal })).items,
    enabled: filter !== null,
  });
}
