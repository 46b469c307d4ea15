import { LineChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { ExpiriesCard } from '../components/monitoring/ExpiriesCard.js';
import { FailingTestsCard } from '../components/monitoring/FailingTestsCard.js';
import { IssuesCard } from '../components/monitoring/IssuesCard.js';
import { PdcaBoard } from '../components/monitoring/PdcaBoard.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function DashboardPage() {
  const readiness = useQuery({
    queryKey: ['readiness'],
    queryFn: async () => unwrap(await api.GET('/api/readiness')),
  });
  const history = useQuery({
    queryKey: ['readiness-history'],
    queryFn: async () => unwrap(await api.GET('/api/readiness/history')),
  });
  const reviews = useQuery({
    queryKey: ['reviews-due'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/ai-systems', {
          params: { query: { reviewDueBefore: inDays(30), sort: 'nextReviewDue', limit: 10 } },
        }),
      ),
  });

  if (readiness.isPending) return <Loader role="status" aria-label="Loading readiness" />;
  if (readiness.error) return <Alert color="red">{readiness.error.message}</Alert>;

  // One row per day, one column per framework: the shape a line chart wants.
  const byDay = new Map<string, Record<string, number | string>>();
  for (const point of history.data?.items.filter((p) => p.trigger === 'daily') ?? []) {
    byDay.set(point.day, {
      ...(byDay.get(point.day) ?? { day: point.day }),
      [point.frameworkId]: point.percent,
    });
  }
  const trend = [...byDay.values()];
  const colours = ['blue', 'grape', 'teal', 'orange', 'cyan'];

  return (
    <Stack>
      <Title order={2}>Are we ready?</Title>
      {readiness.data.items.length === 0 && <Text>No framework is in scope yet.</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {readiness.data.items.map((r) => (
          <Card key={r.frameworkId} withBorder component={Link} to={`/frameworks/${r.frameworkId}`}>
            <Group justify="space-between">
              <Text fw={600}>{r.name}</Text>
              <Text fw={700} size="xl" data-testid={`readiness-${r.frameworkId}`}>
                {r.percent}%
              </Text>
            </Group>
            <Progress value={r.percent} mt="sm" aria-label={`${r.name} readiness`} />
            <Group mt="sm" gap="xs">
              <Badge color="teal.9">{r.counts.met} met</Badge>
              <Badge color="yellow.5" autoContrast>
                {r.counts.partial} partial
              </Badge>
              <Badge color="red.9">{r.counts.not_met} not met</Badge>
              <Badge color="gray.7">{r.counts.not_applicable} n/a</Badge>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FailingTestsCard />
        <IssuesCard />
      </SimpleGrid>
      <PdcaBoard
        iso42001Percent={readiness.data.items.find((r) => r.frameworkId === 'iso-42001-2023')?.percent}
      />
      {trend.length > 1 && (
        <Card withBorder>
          <Text fw={600} mb="sm">
            Readiness over time
          </Text>
          <LineChart
            h={240}
            data={trend}
            dataKey="day"
            unit="%"
            withLegend
            series={readiness.data.items.map((r, i) => ({
              name: r.frameworkId,
              label: r.name,
              color: `${colours[i % colours.length]}.6`,
            }))}
          />
        </Card>
      )}
      <Card withBorder>
        <Text fw={600} mb="sm">
          AI system reviews due in the next 30 days (or overdue)
        </Text>
        {reviews.data?.items.length === 0 && <Text c="dimmed">Nothing due.</Text>}
        <Table>
          <Table.Tbody>
            {reviews.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.owner?.name}</Table.Td>
                <Table.Td>
                  <Badge
                    color={s.nextReviewDue && s.nextReviewDue < inDays(0) ? 'red.9' : 'yellow.5'}
                    autoContrast
                  >
                    {s.nextReviewDue}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <ExpiriesCard />
    </Stack>
  );
}
