import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { Option } from './labels.js';

// Pickers load up to the API's page limit once and filter in the browser: an organisation's registers
// stay well below 500 records, and every picker then searches instantly.
const LIMIT = 500;

const FETCH = {
  people: async () =>
    unwrap(await api.GET('/api/people', { params: { query: { limit: LIMIT, sort: 'name' } } })).items,
  'ai-systems': async () =>
    unwrap(await api.GET('/api/ai-systems', { params: { query: { limit: LIMIT, sort: 'name' } } })).items,
  datasets: async () =>
    unwrap(await api.GET('/api/datasets', { params: { query: { limit: LIMIT, sort: 'name' } } })).items,
  vendors: async () =>
    unwrap(await api.GET('/api/vendors', { params: { query: { limit: LIMIT, sort: 'name' } } })).items,
  'risk-scenarios': async () =>
    unwrap(await api.GET('/api/risk-scenarios', { params: { query: { limit: LIMIT, sort: 'id' } } })).items,
};

export type RecordKind = keyof typeof FETCH;
type Item<K extends RecordKind> = Awaited<ReturnType<(typeof FETCH)[K]>>[number];

/** Every record of a register, cached under the register's own query key so saves refresh the pickers. */
export function useRecords<K extends RecordKind>(kind: K) {
  return useQuery({
    queryKey: [kind, 'picker'],
    queryFn: FETCH[kind] as () => Promise<Item<K>[]>,
    staleTime: 60_000,
  });
}

function labelOf(item: Item<RecordKind>): string {
  if ('category' in item) return `${item.id} · ${item.title}`;
  if ('active' in item && !item.active) return `${item.name} (inactive)`;
  return item.name;
}

export function useRecordOptions(kind: RecordKind): Option[] {
  const records = useRecords(kind);
  return (records.data ?? []).map((item) => ({ value: item.id, label: labelOf(item) }));
}

/** id → display name, for showing linked records by name. */
export function useRecordNames(kind: RecordKind): Map<string, string> {
  return new Map(useRecordOptions(kind).map((o) => [o.value, o.label]));
}
