import { Alert, Anchor, Badge, Code, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { formatDateTime } from '../registers/labels.js';

type Policy = components['schemas']['Policy'];

const LINE_COLOURS = {
  added: 'var(--mantine-color-teal-light)',
  removed: 'var(--mantine-color-red-light)',
  same: undefined,
};

/** Every published version with its approval, hash and downloads; readers can compare any two. */
export function PolicyVersions({ policy }: { policy: Policy }) {
  const { canRead } = usePermissions();
  const versions = useQuery({
    queryKey: ['policies', policy.id, 'versions'],
    queryFn: async () =>
      unwrap(await api.GET('/api/policies/{id}/versions', { params: { path: { id: policy.id } } })),
  });
  if (versions.error) return <Alert color="red">{versions.error.message}</Alert>;
  const items = versions.data?.items ?? [];
  if (items.length === 0) return <Text c="dimmed">No version published yet.</Text>;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Published versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Changes</Table.Th>
              <Table.Th>Approved</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>Download</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  <Group gap={4}>
                    v{v.version}
                    {v.version === policy.publishedVersion && (
                      <Badge size="sm" color="teal">
                        In force
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{v.changelog}</Table.Td>
                <Table.Td>
                  {v.approvedBy}, {formatDateTime(v.approvedAt)}
                </Table.Td>
                <Table.Td>
                  {v.publishedBy}, {formatDateTime(v.publishedAt)}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {(['pdf', 'docx'] as const).map((format) => (
                      <Anchor
                        key={format}
                        href={`/api/policies/${policy.id}/versions/${v.version}/export?format=${format}`}
                      >
                        {format.toUpperCase()}
                        <VisuallyHidden> of version {v.version}</VisuallyHidden>
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canRead && <PolicyDiff policy={policy} versions={items.map((v) => v.version)} />}
    </Stack>
  );
}

function PolicyDiff({ policy, versions }: { policy: Policy; versions: number[] }) {
  const options = versions.map((v) => ({ value: String(v), label: `Version ${v}` }));
  const [from, setFrom] = useState(String(versions.at(-1) ?? 1));
  const [to, setTo] = useState<string>(versions.length > 1 ? String(versions[0]) : 'draft');
  const diff = useQuery({
    queryKey: ['policies', policy.id, 'diff', from, to],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/policies/{id}/diff', {
          params: {
            path: { id: policy.id },
            query: { from: Number(from), to: to === 'draft' ? 'draft' : Number(to) },
          },
        }),
      ),
  });
  return (
    <Stack gap="xs">
      <Group>
        <Select
          label="Compare"
          data={options}
          value={from}
          onChange={(v) => v && setFrom(v)}
          allowDeselect={false}
        />
        <Select
          label="with"
          data={[...options, { value: 'draft', label: 'Working draft' }]}
          value={to}
          onChange={(v) => v && setTo(v)}
          allowDeselect={false}
        />
        {diff.data && (
          <Text size="sm" mt="lg">
            {diff.data.added} lines added, {diff.data.removed} removed
          </Text>
        )}
      </Group>
      {diff.error && <Alert color="red">{diff.error.message}</Alert>}
      {diff.data && (
        // Focusable so keyboard users can scroll a long diff.
        <Code block aria-label="Differences" tabIndex={0} style={{ maxHeight: 480, overflow: 'auto' }}>
          {diff.data.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a diff line is its position; the list is rebuilt whole
            <div key={`${i}:${line.kind}`} style={{ background: LINE_COLOURS[line.kind] }}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
              {line.text}
            </div>
          ))}
        </Code>
      )}
    </Stack>
  );
}
