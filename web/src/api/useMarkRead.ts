import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';

/** Marks one notification read, or all of them when no id is given. */
export function useMarkRead(): UseMutationResult<{ unread: number }, Error, string | null> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId) =>
      apiJson<{ unread: number }>(
        notificationId === null
          ? '/api/inbox/read-all'
          : `/api/inbox/${encodeURIComponent(notificationId)}/read`,
        { method: 'POST' },
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(coordinationKeys.unread, result.unread);
      await queryClient.invalidateQueries({ queryKey: coordinationKeys.inbox });
    },
  });
}
