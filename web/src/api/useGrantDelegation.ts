import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Delegation } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';

export interface NewDelegation {
  granteeCpr: string;
  granteeName: string;
  validUntil?: string;
  /** Whether the relative may also give and withdraw consent (not by default). */
  includesConsent?: boolean;
}

export interface GrantDelegation {
  pending: boolean;
  error: unknown;
  grant: (delegation: NewDelegation) => Promise<boolean>;
}

/**
 * Grants a relative delegated access. Plain state rather than a TanStack mutation: a mutation
 * keeps its variables — here the relative's CPR number — in the mutation cache.
 */
export function useGrantDelegation(citizenId: string): GrantDelegation {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const grant = useCallback(
    async (delegation: NewDelegation): Promise<boolean> => {
      setPending(true);
      setError(null);
      try {
        await apiJson<Delegation>(`${citizenPath(citizenId)}/delegations`, {
          method: 'POST',
          body: delegation,
        });
        await queryClient.invalidateQueries({ queryKey: coordinationKeys.delegations(citizenId) });
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      } finally {
        setPending(false);
      }
    },
    [citizenId, queryClient],
  );
  return { pending, error, grant };
}
