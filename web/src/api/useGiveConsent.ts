import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Consent, NewConsent } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';

/** The citizen gives a consent. */
export function useGiveConsent(citizenId: string): UseMutationResult<Consent, Error, NewConsent> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consent) =>
      apiJson<Consent>(`${citizenPath(citizenId)}/consents`, { method: 'POST', body: consent }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.consents(citizenId) }),
  });
}
