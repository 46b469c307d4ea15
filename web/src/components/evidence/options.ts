import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';

/** Active people as Select options, for owner fields. */
export function usePeopleOptions(enabled = true) {
  const people = useQuery({
    queryKey: ['people-options'],
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/people', { params: { query: { limit: 500, sort: 'name', active: 'true' } } }),
      ),
    staleTime: 60_000,
  });
  return (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
}

/** Every control as Select options ("AIMS-GOV-01 AI policy approved…"), for linking evidence. */
export function useControlOptions(enabled = true) {
  const controls = useQuery({
    queryKey: ['control-options'],
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/controls', { params: { query: { limit: 500, sort: 'id' } } })),
    staleTime: 60_000,
  });
  return (controls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.name}` }));
}
