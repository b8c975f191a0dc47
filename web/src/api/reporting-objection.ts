import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ReportingObjection } from '../../../src/domain/consent/reporting-objection.responses.js';
import { apiJson } from './client.js';
import { citizenPath } from './queryKeys.js';

export type { ReportingObjection } from '../../../src/domain/consent/reporting-objection.responses.js';

const key = (citizenId: string) => ['citizens', citizenId, 'reporting-objection'] as const;

/** Whether the citizen objects to her data in management figures (decision 0025), with its history. */
export function useReportingObjection(citizenId: string): UseQueryResult<ReportingObjection> {
  return useQuery({
    queryKey: key(citizenId),
    queryFn: ({ signal }) =>
      apiJson<ReportingObjection>(`${citizenPath(citizenId)}/reporting-objection`, { signal }),
  });
}

/** Sets it: she objects (true) or takes the objection back (false); it takes effect at once. */
export function useSetReportingObjection(
  citizenId: string,
): UseMutationResult<ReportingObjection, Error, boolean> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (objects) =>
      apiJson<ReportingObjection>(`${citizenPath(citizenId)}/reporting-objection`, {
        method: 'PUT',
        body: { objects },
      }),
    onSuccess: (answer) => queryClient.setQueryData(key(citizenId), answer),
  });
}
