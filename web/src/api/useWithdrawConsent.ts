import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Consent } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';

/** Withdraws a consent; it takes effect at once. */
export function useWithdrawConsent(citizenId: string): UseMutationResult<Consent, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consentId) =>
      apiJson<Consent>(`${citizenPath(citizenId)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.consents(citizenId) }),
  });
}
