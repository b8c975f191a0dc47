import {
  type UseQueryResult,
  useQuery,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson, type ItemList } from './client.js';
import { citizenPath, queryKeys } from './queryKeys.js';
import type {
  Flag,
  MyDayFlagCount,
  CoordinationOverview,
  CoordinationRule,
  FlagRuleId,
} from '../../../src/domain/coordination/flags.responses.js';

export type {
  FlagRuleId,
  FlagSeverity,
  FlagStatus,
  FlagHistoryEntry,
  Flag,
  MyDayFlagCount,
  PairCount,
  CoordinationOverview,
  LeaderFlagFilter,
  LeaderFlagList,
  CoordinationTrend,
  CoordinationRule,
} from '../../../src/domain/coordination/flags.responses.js';

/** A citizen's coordination flags, open and closed, each with its history. */
export function useCitizenFlags(citizenId: string, enabled = true): UseQueryResult<Flag[]> {
  return useQuery({
    queryKey: queryKeys.citizenFlags(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Flag>>(`${citizenPath(citizenId)}/flags?include=all`, { signal })).items,
    enabled,
  });
}

/** One flag with its history (the citizen's list leaves the history out). */
export function useFlag(flagId: string): UseQueryResult<Flag> {
  return useQuery({
    queryKey: queryKeys.flag(flagId),
    queryFn: ({ signal }) => apiJson<Flag>(`/api/flags/${encodeURIComponent(flagId)}`, { signal }),
  });
}

export type FlagAction = 'acknowledge' | 'resolve' | 'dismiss';

export interface FlagActionInput {
  flagId: string;
  action: FlagAction;
  /** A comment (acknowledge, resolve) or the reason (dismiss). */
  text: string;
  /** A dismissal's return date (YYYY-MM-DD): the flag opens again then if its cause remains. */
  returnDate?: string;
}

/** Acknowledges, resolves or dismisses a flag; refreshes the citizen's flags and My day's counts. */
export function useFlagAction(citizenId: string): UseMutationResult<Flag, Error, FlagActionInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, action, text, returnDate }) => {
      const trimmed = text.trim();
      const comment = trimmed === '' ? {} : { comment: trimmed };
      const body = action === 'dismiss' ? { reason: trimmed, returnDate } : comment;
      return apiJson<Flag>(`/api/flags/${encodeURIComponent(flagId)}/${action}`, { method: 'POST', body });
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.citizenFlags(citizenId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myDayFlags }),
        queryClient.invalidateQueries({ queryKey: queryKeys.nextSteps(citizenId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myDay }),
      ]);
    },
  });
}

/** Open coordination flags per citizen on My day, by citizen id. */
export function useMyDayFlags(): UseQueryResult<ReadonlyMap<string, MyDayFlagCount>> {
  return useQuery({
    queryKey: queryKeys.myDayFlags,
    queryFn: async ({ signal }) => {
      const body = await apiJson<{ items: MyDayFlagCount[] }>('/api/my-day/flags', { signal });
      return new Map(body.items.map((item) => [item.citizenId, item]));
    },
  });
}

/** The municipality-wide coordination overview for leaders. */
export function useCoordinationOverview(): UseQueryResult<CoordinationOverview> {
  return useQuery({
    queryKey: queryKeys.coordinationOverview,
    queryFn: ({ signal }) => apiJson<CoordinationOverview>('/api/coordination/overview', { signal }),
  });
}

/** The coordination rules and this municipality's settings for them. */
export function useCoordinationRules(): UseQueryResult<CoordinationRule[]> {
  return useQuery({
    queryKey: queryKeys.coordinationRules,
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<CoordinationRule>>('/api/coordination/rules', { signal })).items,
  });
}

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
      queryClient.setQueryData<CoordinationRule[]>(queryKeys.coordinationRules, (rules) =>
        rules?.map((item) => (item.id === rule.id ? rule : item)),
      ),
  });
}
