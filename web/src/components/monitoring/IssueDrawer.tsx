import {
  Accordion,
  Alert,
  Anchor,
  Code,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { date, dateTime, SeverityBadge } from './badges.js';
import { IssueAssign } from './IssueAssign.js';
import { IssueComments } from './IssueComments.js';
import { IssueStatusBadges } from './IssueStatusBadges.js';

type Transition = components['schemas']['IssueTransition'];

function TransitionItem({ transition }: { transition: Transition }) {
  return (
    <Accordion.Item value={transition.id}>
      <Accordion.Control>
        <Text size="sm" fw={600}>
          {transition.kind === 'opened' ? 'Opened' : 'Resolved'} {dateTime(transition.at)}
        </Text>
        <Text size="xs" c="dimmed">
          {transition.from ?? 'new'} → {transition.to} (test v{transition.testVersion}): {transition.reason}
        </Text>
      </Accordion.Control>
      <Accordion.Panel>
        <Text size="xs" c="dimmed" mb={4}>
          Resource as evaluated, SHA-256 {transition.snapshotSha256.slice(0, 16)}…
        </Text>
        <Code block>{JSON.stringify(transition.snapshot, null, 2)}</Code>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** One issue: remediation, the transitions that opened and resolved it, assignment and discussion. */
export function IssueDrawer({ issueId, onClose }: { issueId: string | null; onClose: () => void }) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  const { canWrite } = usePermissions();
  const detail = useQuery({
    queryKey: ['issue', issueId],
    enabled: issueId !== null,
    queryFn: async () =>
      unwrap(await api.GET('/api/issues/{id}', { params: { path: { id: issueId ?? '' } } })),
  });
  const issue = detail.data;
  return (
    <Drawer
      opened={issueId !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close issue' }}
      position="right"
      size={isMobile ? '100%' : 'xl'}
      title={issue ? `#${issue.number} ${issue.testTitle}` : 'Issue'}
    >
      {detail.isLoading && <Loader role="status" aria-label="Loading issue" />}
      {detail.error && (
        <Alert variant="filled" color="red.9">
          {detail.error.message}
        </Alert>
      )}
      {issue && (
        <Stack>
          <Group gap="xs">
            <SeverityBadge severity={issue.severity} />
            <IssueStatusBadges issue={issue} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text size="sm">Resource: {issue.resourceName}</Text>
            <Text size="sm">
              Test:{' '}
              <Anchor component={Link} to={`/tests/${encodeURIComponent(issue.testId)}`}>
                {issue.testId}
              </Anchor>
            </Text>
            <Text size="sm">Opened: {dateTime(issue.openedAt)}</Text>
            <Text size="sm">Due: {date(issue.dueAt)}</Text>
            <Text size="sm">Owner: {issue.owner?.name ?? 'Unassigned'}</Text>
            {issue.resolvedAt && (
              <Text size="sm">
                Resolved: {dateTime(issue.resolvedAt)} ({issue.resolution?.replace('_', ' ')})
              </Text>
            )}
          </SimpleGrid>
          <Title order={3} size="h5">
            Remediation
          </Title>
          <Text size="sm">{issue.remediation || '—'}</Text>
          {canWrite && issue.status === 'open' && (
            <>
              <Title order={3} size="h5">
                Assignment
              </Title>
              <IssueAssign key={issue.id} issue={issue} />
            </>
          )}
          <Title order={3} size="h5">
            Transitions
          </Title>
          <Accordion variant="contained">
            {issue.transitions.map((t) => (
              <TransitionItem key={t.id} transition={t} />
            ))}
          </Accordion>
          <Title order={3} size="h5">
            Comments
          </Title>
          <IssueComments key={issue.id} issue={issue} />
        </Stack>
      )}
    </Drawer>
  );
}
