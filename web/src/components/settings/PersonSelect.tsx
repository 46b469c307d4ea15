import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';

/** Owners are people (not only users); the list is small enough to load once and search in the browser. */
export function PersonSelect<Values>({
  form,
  field,
  label = 'Owner',
}: {
  form: UseFormReturnType<Values>;
  field: string;
  label?: string;
}) {
  const people = useQuery({
    queryKey: ['people', 'options', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/people', { params: { query: { limit: 500, sort: 'name' } } })),
    staleTime: 60_000,
  });
  return (
    <Select
      label={label}
      placeholder="Nobody"
      searchable
      clearable
      nothingFoundMessage="Nobody matches"
      data={people.data?.items.map((p) => ({ value: p.id, label: p.name })) ?? []}
      {...form.getInputProps(field)}
    />
  );
}
