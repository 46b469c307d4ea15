import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePermissions } from '../../hooks/usePermissions.js';
import { useSession } from '../../session.js';
import { humanise } from '../registers/labels.js';
import { RecordTrail } from '../registers/RecordTrail.js';
import { ConcernStatus } from './ConcernStatus.js';
import { HandleConcern } from './HandleConcern.js';
import type { Concern } from './labels.js';

/** One concern in its drawer: what was reported, its deadline, handling and change history. */
export function ConcernDetails({ concern }: { concern: Concern }) {
  const { role, canWrite } = usePermissions();
  const personId = useSession().data?.personId;
  // The API's rule: managers and admins handle any concern, other writers only those assigned to them.
  const mayHandle =
    role === 'admin' || role === 'manager' || (canWrite && !!personId && concern.assigneeId === personId);
  return (
    <Stack>
      <Group gap="xs">
        <ConcernStatus concern={concern} />
        <Badge variant="outline" color="gray">
          {humanise(concern.category)}
        </Badge>
        {concern.anonymous && (
          <Badge variant="light" color="grape">
            Anonymous
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Text size="sm">Reported: {concern.reportedOn}</Text>
        <Text size="sm">
          Due: {concern.dueOn} ({concern.slaDays} days)
        </Text>
        <Text size="sm">Reporter: {concern.anonymous ? 'Anonymous' : (concern.reporter?.name ?? '—')}</Text>
        <Text size="sm">Assignee: {concern.assignee?.name ?? 'Unassigned'}</Text>
        <Text size="sm">
          AI system:{' '}
          {concern.aiSystem ? (
            <Anchor component={Link} to={`/ai-systems/${concern.aiSystem.id}`}>
              {concern.aiSystem.name}
            </Anchor>
          ) : (
            '—'
          )}
        </Text>
        {concern.closedAt && <Text size="sm">Closed: {concern.closedAt.slice(0, 10)}</Text>}
      </SimpleGrid>
      <Title order={4}>Description</Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{concern.description}</Text>
      {concern.status === 'closed' ? (
        <>
          <Title order={4}>Resolution</Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{concern.resolution}</Text>
        </>
      ) : (
        mayHandle && (
          <>
            <Title order={4}>Handling</Title>
            <HandleConcern key={concern.updatedAt} concern={concern} />
          </>
        )
      )}
      <Title order={4}>Change history</Title>
      <RecordTrail entityType="concern" entityId={concern.id} />
    </Stack>
  );
}
