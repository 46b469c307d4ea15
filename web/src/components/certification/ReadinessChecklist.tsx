import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';

const STATUS = {
  pass: { color: 'teal', label: 'Ready' },
  warning: { color: 'yellow', label: 'Attention' },
  fail: { color: 'red', label: 'Not ready' },
} as const;

/** The live checklist for the next external audit: what an auditor would find today, with where to act. */
export function ReadinessChecklist() {
  const readiness = useQuery({
    queryKey: ['certification', 'readiness'],
    queryFn: async () => unwrap(await api.GET('/api/certification/readiness')),
  });
  if (readiness.isPending) return <Loader aria-label="Loading readiness" />;
  if (readiness.error) return <Alert color="red">{readiness.error.message}</Alert>;
  const { target, summary, checks, ready } = readiness.data;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={3} size="h4">
            Readiness checklist
          </Title>
          <Text size="sm" c="dimmed">
            {target ? `For ${target.label} on ${target.plannedStart}` : 'No external audit planned yet'}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge color={ready ? 'teal' : 'red'} size="lg" data-testid="readiness-verdict">
            {ready ? 'Ready' : `${summary.fail} to fix`}
          </Badge>
          {summary.warning > 0 && (
            <Badge color="yellow" variant="light" size="lg">
              {summary.warning} to watch
            </Badge>
          )}
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Readiness checklist" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status</Table.Th>
              <Table.Th>Check</Table.Th>
              <Table.Th>Finding</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checks.map((check) => (
              <Table.Tr key={check.key} data-testid={`readiness-${check.key}`}>
                <Table.Td>
                  <Badge color={STATUS[check.status].color} variant="light" miw="max-content">
                    {STATUS[check.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={check.link} size="sm">
                    {check.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{check.detail}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
