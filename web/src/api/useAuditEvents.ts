import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { AuditEvent, AuditFilter } from './access-types.js';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { ItemList } from './coordination-types.js';

/** Searches the audit trail; nothing is fetched until a search is submitted (filter not null). */
export function useAuditEvents(filter: AuditFilter | null): UseQueryResult<AuditEvent[]> {
  const params = new URLSearchParams({ limit: '200' });
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  return useQuery({
    queryKey: coordinationKeys.audit(Object.fromEntries(params)),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<AuditEvent>>(`/api/audit/events?${params.toString()}`, { signal })).items,
    enabled: filter !== null,
  });
}
