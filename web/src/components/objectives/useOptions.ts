import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { Option } from '../registers/labels.js';

const LIMIT = 500;

/** Monitoring tests, Prometheus integrations and objectives to link to, loaded only while a form is open. */
export function useLinkOptions(enabled: boolean) {
  const tests = useQuery({
    queryKey: ['tests', 'picker'],
    enabled,
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/api/tests', { params: { query: { limit: LIMIT, sort: 'title' } } })).items,
  });
  const integrations = useQuery({
    queryKey: ['integrations', 'picker', 'prometheus'],
    enabled,
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/api/integrations', { params: { query: { limit: LIMIT, kind: 'prometheus' } } }))
        .items,
  });
  const objectives = useQuery({
    queryKey: ['objectives', 'picker'],
    enabled,
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/api/objectives', { params: { query: { limit: LIMIT, sort: 'title' } } })).items,
  });
  const toOptions = (items: Array<{ id: string; title?: string; name?: string }> | undefined): Option[] =>
    (items ?? []).map((i) => ({ value: i.id, label: i.title ?? i.name ?? i.id }));
  return {
    tests: toOptions(tests.data),
    integrations: toOptions(integrations.data),
    objectives: toOptions(objectives.data),
  };
}
