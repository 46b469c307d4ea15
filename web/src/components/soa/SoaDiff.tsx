import { Alert, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { MUTED } from '../controls/colours.js';
import { useSoaVersions } from './SoaVersions.js';
import type { SoaFrameworkId } from './types.js';

const FIELD_LABELS: Record<string, string> = {
  applicable: 'Applicable',
  justification: 'Justification',
  implementationStatus: 'Implementation',
  controlIds: 'Controls',
  evidenceCount: 'Evidence',
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (field === 'applicable') return value ? 'Applicable' : 'Excluded';
  if (Array.isArray(value)) return value.join(', ') || '—';
  return String(value).replace('_', ' ');
}

/** What changed between two approved versions, or between a version and the working draft. */
export function SoaDiff({
  frameworkId,
  from,
  to,
  onChange,
}: {
  frameworkId: SoaFrameworkId;
  from: number | null;
  to: string;
  onChange: (changes: { from?: string | null; to?: string | null }) => void;
}) {
  const versions = useSoaVersions(frameworkId);
  const diff = useQuery({
    queryKey: ['soa', 'diff', frameworkId, from, to],
    enabled: from !== null,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/soa/diff', {
          params: {
            query: { frameworkId, from: from ?? 1, to: to === 'draft' ? 'draft' : Number(to) },
          },
        }),
      ),
  });
  const options = (versions.data?.items ?? []).map((v) => ({
    value: String(v.version),
    label: `Version ${v.version} (${v.approvedAt.slice(0, 10)})`,
  }));
  if (versions.data?.items.length === 0)
    return <Text c={MUTED}>Approve a version first; then compare it with later versions or the draft.</Text>;
  const changes = diff.data?.changes.flatMap((c) => c.fields.map((f) => ({ ...c, ...f }))) ?? [];
  return (
    <Stack>
      <Group>
        <Select
          label="From"
          placeholder="Choose a version"
          data={options}
          value={from === null ? null : String(from)}
          onChange={(value) => onChange({ from: value })}
        />
        <Select
          label="To"
          data={[{ value: 'draft', label: 'Working draft' }, ...options]}
          value={to}
          allowDeselect={false}
          onChange={(value) => onChange({ to: value })}
        />
      </Group>
      {diff.isFetching && <Loader size="sm" aria-label="Loading changes" />}
      {diff.error && <Alert color="red">{diff.error.message}</Alert>}
      {diff.data && changes.length === 0 && <Text c={MUTED}>No row changed.</Text>}
      {changes.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Changed rows" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Control</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={`${c.ref}:${c.field}`}>
                  <Table.Td>
                    {c.ref} {c.title}
                  </Table.Td>
                  <Table.Td>{FIELD_LABELS[c.field] ?? c.field}</Table.Td>
                  <Table.Td>{show(c.field, c.from)}</Table.Td>
                  <Table.Td>{show(c.field, c.to)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
