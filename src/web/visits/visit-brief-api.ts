import { useQuery } from '@tanstack/react-query';
import { apiDownload, apiGet } from '../app/api.js';
import type { VisitBrief } from '../../contracts/visit-brief.js';

export type { BriefDemand, BriefEnterprise, BriefFigureYear, FigureChange, RatioChange, VisitBrief } from '../../contracts/visit-brief.js';

export const visitBriefKeys = {
  detail: (id: string) => ['visits', 'brief', id] as const,
};

/** The brief of a visit (走访简报), assembled by the server on the zone's today. */
export function useVisitBrief(id: string | undefined) {
  return useQuery({
    queryKey: visitBriefKeys.detail(id ?? ''),
    queryFn: () => apiGet<VisitBrief>(`/api/visits/${id}/brief`),
    enabled: Boolean(id),
  });
}

/** Downloads the brief as a .docx (the server names it 走访简报-<number>.docx and records the export). */
export function downloadVisitBrief(id: string, fallbackName: string): Promise<void> {
  return apiDownload(`/api/visits/${id}/brief.docx`, undefined, fallbackName);
}
