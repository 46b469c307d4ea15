import { Alert, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { formatDateTime } from '../registers/labels.js';

type Policy = components['schemas']['Policy'];
const COLOURS = { acknowledged: 'teal.9', pending: 'gray.7', overdue: 'red.9' } as const;

/** Who has acknowledged the version in force, with the percentage the monitoring test reads. */
export function PolicyAcknowledgements({ policy }: { policy: Policy }) {
  const acks = useQuery({
    queryKey: ['policies', policy.id, 'acknowledgements'],
    queryFn: async () =>
      unwrap(await api.GET('/api/policies/{id}/acknowledgements', { params: { path: { id: policy.id } } })),
  });
  if (!policy.acknowledgements)
    return <Text c="dimmed">Nothing to acknowledge until a version is published.</Text>;
  if (acks.error) return <Alert color="red">{acks.error.message}</Alert>;
  const summary = policy.acknowledgements;
  return (
    <Stack>
      <Group>
        <Text fw={600}>
          {summary.acknowledged} of {summary.assigned} acknowledged version {summary.version} (
          {summary.percent}%)
        </Text>
      </Group>
      <Progress value={summary.percent} aria-label="Acknowledged" />
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Acknowledgements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Department</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(acks.data?.items ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.personName}</Table.Td>
                <Table.Td>{a.department}</Table.Td>
                <Table.Td>{a.dueOn}</Table.Td>
                <Table.Td>
                  <Badge color={COLOURS[a.status]} miw="max-content">
                    {a.status === 'acknowledged'
                      ? `Acknowledged ${formatDateTime(a.acknowledgedAt)}`
                      : a.status}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
