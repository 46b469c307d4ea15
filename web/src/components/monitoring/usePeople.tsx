import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';

/** Active people as Select options, for owner pickers and filters. */
export function usePeopleOptions() {
  const people = useQuery({
    queryKey: ['people', 'options'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/people', { params: { query: { active: 'true', sort: 'name', limit: 500 } } }),
      ),
    staleTime: 60_000,
  });
  return (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
}
