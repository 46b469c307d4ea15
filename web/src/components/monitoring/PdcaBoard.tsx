import { Alert, Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';

/**
 * The management system's Plan–Do–Check–Act cycle: every record type in its phase, with how many there are
 * and how many are overdue, counted by the API in one request.
 */
export function PdcaBoard({ iso42001Percent }: { iso42001Percent: number | undefined }) {
  const pdca = useQuery({ queryKey: ['pdca'], queryFn: async () => unwrap(await api.GET('/api/pdca')) });
  return (
    <section aria-labelledby="pdca-heading">
      <Title order={3} size="h4" mb="sm" id="pdca-heading">
        Plan – Do – Check – Act
      </Title>
      {pdca.isPending && <Loader aria-label="Loading the PDCA cycle" />}
      {pdca.error && <Alert color="red">{pdca.error.message}</Alert>}
      {pdca.data && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {pdca.data.phases.map((phase) => (
            <Card withBorder key={phase.phase} data-testid={`pdca-phase-${phase.phase}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={4} size="h5">
                  {phase.title}
                </Title>
                {phase.overdue > 0 && (
                  <Badge
                    color="red"
                    variant="light"
                    miw="max-content"
                    data-testid={`pdca-${phase.phase}-overdue`}
                  >
                    {phase.overdue} overdue
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                {phase.purpose}
              </Text>
              <Stack gap={4}>
                {phase.records.map((record) => (
                  <Group key={record.type} justify="space-between" wrap="nowrap" gap="xs">
                    <Anchor component={Link} to={record.link} size="sm">
                      {record.label}
                    </Anchor>
                    <Group gap={4} wrap="nowrap">
                      {record.overdue ? (
                        <Badge color="red" size="sm" data-testid={`pdca-${record.type}-overdue`}>
                          {record.overdue} overdue
                        </Badge>
                      ) : null}
                      <Text fw={700} size="sm" data-testid={`pdca-${record.type}`}>
                        {record.total}
                      </Text>
                    </Group>
                  </Group>
                ))}
                {phase.phase === 'check' && (
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm">ISO 42001 readiness</Text>
                    <Text fw={700} size="sm" data-testid="pdca-iso-42001">
                      {iso42001Percent === undefined ? '—' : `${iso42001Percent}%`}
                    </Text>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
