import type { Static } from 'typebox';
import type { ZoneSettings, ZonePatch as ZonePatchSchema } from '../../contracts/identity.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../app/api.js';

export type Zone = Static<typeof ZoneSettings>;
export type ZonePatch = Static<typeof ZonePatchSchema>;

const ZONE_KEY = ['zone'] as const;

export function useZone() {
  return useQuery({ queryKey: ZONE_KEY, queryFn: () => apiGet<Zone>('/api/zone'), staleTime: 5 * 60_000 });
}

export function useUpdateZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ZonePatch) => apiSend<Zone>('PATCH', '/api/zone', body),
    onSuccess: (zone) => {
      queryClient.setQueryData(ZONE_KEY, zone);
      void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
