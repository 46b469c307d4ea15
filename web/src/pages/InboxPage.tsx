import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components } from '../api/schema.js';

type Item = components['schemas']['InboxItem'];

const KIND_LABELS: Record<Item['kind'], string> = {
  policy_acknowledgement: 'Policy to acknowledge',
  policy_review: 'Policy review',
  training: 'Training',
  concern: 'Concern',
  issue: 'Monitoring issue',
  record_review: 'Review',
  objective_measurement: 'Objective measurement',
  audit: 'Internal audit',
  corrective_action: 'Corrective action',
  effectiveness_check: 'Effectiveness check',
  review_action: 'Management review',
};

/** Everyone's own work: what is overdue first, then what falls due next, each with a link to do it. */
export function InboxPage() {
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: async () => unwrap(await api.GET('/api/inbox')) });
  if (inbox.isPending) return <Loader aria-label="Loading your inbox" />;
  if (inbox.error) return <Alert color="red">{inbox.error.message}</Alert>;
  const { items, counts } = inbox.data;
  return (
    <Stack>
      <Title order={2}>My inbox</Title>
      <Text>
        {counts.total === 0
          ? 'Nothing is waiting for you.'
          : `${counts.total} item${counts.total === 1 ? '' : 's'} waiting for you, ${counts.overdue} overdue.`}
      </Text>
      <Stack gap="xs" component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Your work">
        {items.map((item) => (
          <Card key={`${item.kind}:${item.id}`} withBorder component="li">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={2}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {KIND_LABELS[item.kind]}
                </Text>
                <Anchor component={Link} to={item.link} fw={600}>
                  {item.title}
                </Anchor>
                <Text size="sm">{item.detail}</Text>
              </Stack>
              {item.overdue && (
                <Badge color="red.9" miw="max-content">
                  Overdue
                </Badge>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
