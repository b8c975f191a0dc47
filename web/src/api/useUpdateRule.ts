import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { CoordinationRule, FlagRuleId } from './coordination-types.js';

export interface RuleUpdate {
  ruleId: FlagRuleId;
  enabled: boolean;
  /** Only the settings to change; the others keep their value. */
  settings: Record<string, number | boolean>;
}

/** Switches a rule on or off or changes its thresholds for the municipality (leaders). */
export function useUpdateRule(): UseMutationResult<CoordinationRule, Error, RuleUpdate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ruleId, enabled, settings }) =>
      apiJson<CoordinationRule>(`/api/coordination/rules/${encodeURIComponent(ruleId)}`, {
        method: 'PUT',
        body: { enabled, settings },
      }),
    onSuccess: (rule) =>
      queryClient.setQueryData<CoordinationRule[]>(coordinationKeys.rules, (rules) =>
        rules?.map((item) => (item.id === rule.id ? rule : item)),
      ),
  });
}
