import { Anchor, Card, Group, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { date } from './badges.js';
import { shown, useTotal } from './useTotal.js';

const OPEN = { status: 'open', limit: 1 } as const;
const OVERDUE = { status: 'open', overdue: 'true', sort: 'dueAt', limit: 5 } as const;

/** Open and overdue issue counts, and the five most overdue, each opening its drawer. */
export function IssuesCard() {
  const open = useTotal(['issues', OPEN], async () =>
    unwrap(await api.GET('/api/issues', { params: { query: OPEN } })),
  );
  const overdue = useQuery({
    queryKey: ['issues', OVERDUE],
    queryFn: async () => unwrap(await api.GET('/api/issues', { params: { query: OVERDUE } })),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Issues
      </Title>
      <Group gap="xl" mb="sm">
        <Anchor component={Link} to="/issues">
          <Text span fw={700} size="xl" data-testid="issues-open">
            {shown(open)}
          </Text>{' '}
          open
        </Anchor>
        <Anchor component={Link} to="/issues?overdue=true">
          <Text span fw={700} size="xl" data-testid="issues-overdue">
            {shown(overdue.data?.total)}
          </Text>{' '}
          overdue
        </Anchor>
      </Group>
      {overdue.data?.items.length === 0 && <Text c="dimmed">Nothing is overdue.</Text>}
      <List size="sm" spacing={4}>
        {overdue.data?.items.map((i) => (
          <List.Item key={i.id}>
            <Anchor component={Link} to={`/issues?overdue=true&issue=${i.id}`}>
              #{i.number} {i.title}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              due {date(i.dueAt)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
