import { Alert, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { dateTime } from './badges.js';
import { ScrollTable } from './ScrollTable.js';

type Run = components['schemas']['TestDetail']['recentRuns'][number];

/** The test's latest runs: when, why, which version, what it concluded. */
export function RecentRuns({ runs }: { runs: Run[] }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Recent runs
      </Title>
      {runs.length === 0 && <Text c="dimmed">Not run yet.</Text>}
      {runs.length > 0 && (
        <ScrollTable minWidth={640} label="Recent runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Pass / fail / error</Table.Th>
              <Table.Th>Changes</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Duration</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{dateTime(r.startedAt)}</Table.Td>
                <Table.Td>{r.trigger}</Table.Td>
                <Table.Td>v{r.testVersion}</Table.Td>
                <Table.Td>
                  {r.counts.pass ?? 0} / {r.counts.fail ?? 0} / {r.counts.error ?? 0}
                </Table.Td>
                <Table.Td>{r.transitions}</Table.Td>
                <Table.Td>{r.status.replace('_', ' ')}</Table.Td>
                <Table.Td>{r.durationMs} ms</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Card>
  );
}

/** Every saved version of the definition, newest first, with who saved it. */
export function TestVersions({ testId }: { testId: string }) {
  const versions = useQuery({
    queryKey: ['test-versions', testId],
    queryFn: async () =>
      unwrap(await api.GET('/api/tests/{id}/versions', { params: { path: { id: testId } } })),
  });
  const rows = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Versions
      </Title>
      {versions.error && (
        <Alert variant="filled" color="red.9">
          {versions.error.message}
        </Alert>
      )}
      <ScrollTable minWidth={480} label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved by</Table.Th>
            <Table.Th>Saved at</Table.Th>
            <Table.Th>Condition</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>v{v.version}</Table.Td>
              <Table.Td>{v.createdBy}</Table.Td>
              <Table.Td>{dateTime(v.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {String(v.definition.condition ?? '')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Card>
  );
}
