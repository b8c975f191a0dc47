import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { TemplateDefinition } from '../../../src/domain/plan/pathway-template.js';
import type {
  TemplateList,
  TemplateVersionView,
} from '../../../src/domain/plan/pathway-template.responses.js';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';

export type { TemplateDefinition, TemplateStage } from '../../../src/domain/plan/pathway-template.js';
export type {
  TemplateList,
  TemplateVersionView,
} from '../../../src/domain/plan/pathway-template.responses.js';

const base = '/api/pathway-templates';
const versionPath = (id: string) => `${base}/versions/${encodeURIComponent(id)}`;

/** The municipality's pathway templates with their versions (decision 0019). */
export function usePathwayTemplates(): UseQueryResult<TemplateList> {
  return useQuery({
    queryKey: queryKeys.pathwayTemplates,
    queryFn: ({ signal }) => apiJson<TemplateList>(base, { signal }),
  });
}

/** One version with its stages, transitions and rules. */
export function usePathwayTemplateVersion(id: string | null): UseQueryResult<TemplateVersionView> {
  return useQuery({
    queryKey: queryKeys.pathwayTemplateVersion(id ?? ''),
    queryFn: ({ signal }) => apiJson<TemplateVersionView>(versionPath(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

type TemplateWrite =
  | { kind: 'copy'; versionId: string; code?: string }
  | { kind: 'edit'; versionId: string; definition: TemplateDefinition }
  | { kind: 'publish'; versionId: string };

/** Copy a version to a draft, edit a draft, or publish it; the list and the version are read again. */
export function usePathwayTemplateWrite(): UseMutationResult<TemplateVersionView, Error, TemplateWrite> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write) => {
      switch (write.kind) {
        case 'copy':
          return apiJson<TemplateVersionView>(`${versionPath(write.versionId)}/copy`, {
            method: 'POST',
            body: write.code ? { code: write.code } : {},
          });
        case 'edit':
          return apiJson<TemplateVersionView>(versionPath(write.versionId), {
            method: 'PUT',
            body: write.definition,
          });
        case 'publish':
          return apiJson<TemplateVersionView>(`${versionPath(write.versionId)}/publish`, { method: 'POST' });
      }
    },
    onSuccess: (version) => {
      queryClient.setQueryData(queryKeys.pathwayTemplateVersion(version.id), version);
      void queryClient.invalidateQueries({ queryKey: queryKeys.pathwayTemplates, exact: true });
    },
  });
}
