import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { AccessLog } from '../../../src/domain/access/access.responses.js';
import { apiJson, type ItemList } from './client.js';
import { queryKeys, citizenPath } from './queryKeys.js';
import type { AuditFilter, AuditVisit } from '../../../src/domain/audit/audit.responses.js';

export type { AuditEvent, AuditFilter, AuditVisit } from '../../../src/domain/audit/audit.responses.js';
export type { AccessLogEntry, AccessLog } from '../../../src/domain/access/access.responses.js';

/** Who has looked at the citizen's data and why, newest first. */
export function useAccessLog(citizenId: string): UseQueryResult<AccessLog> {
  return useQuery({
    queryKey: queryKeys.accessLog(citizenId),
    queryFn: ({ signal }) => apiJson<AccessLog>(`${citizenPath(citizenId)}/access-log?limit=200`, { signal }),
    staleTime: 0,
  });
}

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
    queryKey: queryKeys.audit({ ...Object.fromEntries(params), by: 'visit' }),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<AuditVisit>>(`/api/audit/visits?${params.toString()}`, { signal })).items,
    enabled: filter !== null,
  });
}
