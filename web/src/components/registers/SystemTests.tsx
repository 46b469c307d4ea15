import { Alert, Anchor, Badge, Loader, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { formatDateTime, humanise } from './labels.js';

const OUTCOME_COLOURS: Record<string, string> = {
  pass: 'teal',
  fail: 'red',
  error: 'orange',
  not_applicable: 'gray',
};

/**
 * The automated test results for one AI system: monitoring sees the system as an `ai-system` resource
 * whose external id is the record's id.
 */
export function SystemTests({ systemId }: { systemId: string }) {
  const [showAll, setShowAll] = useState(false);
  const resource = useQuery({
    queryKey: ['resources', 'ai-system', systemId],
    queryFn: async () => {
      const found = unwrap(
        await api.GET('/api/resources', { params: { query: { type: 'ai-system', q: systemId, limit: 10 } } }),
      ).items.find((r) => r.externalId === systemId);
      if (!found) return null;
      return unwrap(await api.GET('/api/resources/{id}', { params: { path: { id: found.id } } }));
    },
  });
  if (resource.isPending) return <Loader size="sm" aria-label="Loading test results" />;
  if (resource.error) return <Alert color="red">{resource.error.message}</Alert>;
  if (!resource.data)
    return (
      <Text c="dimmed">
        Monitoring has not collected this system yet; results appear after the next sync.
      </Text>
    );
  const all = [...resource.data.results].sort(
    (a, b) => Number(b.outcome === 'fail') - Number(a.outcome === 'fail') || a.testId.localeCompare(b.testId),
  );
  if (all.length === 0) return <Text c="dimmed">No automated test covers this system.</Text>;
  const applicable = all.filter((r) => r.outcome !== 'not_applicable');
  const results = showAll ? all : applicable;
  const failing = all.filter((r) => r.outcome === 'fail').length;
  return (
    <>
      <Text size="sm">
        {applicable.length} applicable tests, {failing} failing. Last collected{' '}
        {formatDateTime(resource.data.collectedAt)}.
      </Text>
      <Switch
        label={`Also show the ${all.length - applicable.length} tests that do not apply`}
        checked={showAll}
        onChange={(e) => setShowAll(e.currentTarget.checked)}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Automated test results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Test</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.map((r) => (
              <Table.Tr key={r.testId}>
                <Table.Td>
                  <Anchor component={Link} to={`/tests/${encodeURIComponent(r.testId)}`}>
                    {r.testTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge miw="max-content" color={OUTCOME_COLOURS[r.outcome] ?? 'gray'}>
                    {humanise(r.outcome)}
                  </Badge>
                  {r.excluded && (
                    <Badge variant="outline" ml={4}>
                      Excluded
                    </Badge>
                  )}
                  {r.flapping && (
                    <Badge variant="outline" color="yellow" ml={4}>
                      Flapping
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{r.severity}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.since)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
