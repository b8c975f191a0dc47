import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { apiDownload } from './client.js';
import { citizenPath } from './coordinationKeys.js';

export interface PlanExportRequest {
  /** Professionals allowed to reveal it only, with a reason (audited). */
  includeCpr: boolean;
  reason?: string;
}

/**
 * Exports a citizen's plan as a JSON file and hands it to the browser as a download. The file
 * lives in memory only until saved: never in the query cache or storage (it may hold a CPR number).
 */
export function usePlanExport(citizenId: string): UseMutationResult<string, Error, PlanExportRequest> {
  return useMutation({
    mutationFn: async (request) => {
      const { blob, filename } = await apiDownload(`${citizenPath(citizenId)}/export`, request);
      const url = URL.createObjectURL(blob);
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
      }
      return filename;
    },
  });
}
