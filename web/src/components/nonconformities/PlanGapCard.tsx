import { Anchor, Badge, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { humanise } from '../registers/labels.js';
import {
  ACTION_STATUS_COLOURS,
  type CorrectiveActionPlan,
  GRADE_COLOURS,
  NC_STATUS_COLOURS,
} from './nc-fields.js';

type Gap = CorrectiveActionPlan['gaps'][number];

/** One gap of the plan: what is wrong and why, and the actions that close it. */
export function PlanGapCard({ gap }: { gap: Gap }) {
  return (
    <Card withBorder component="article" aria-label={`${gap.reference} ${gap.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Anchor component={Link} to={gap.link} fw={600}>
              {gap.reference} · {gap.title}
            </Anchor>
            <Group gap={4}>
              <Badge color={GRADE_COLOURS[gap.grade] ?? 'gray'} size="sm">
                {humanise(gap.grade)}
              </Badge>
              <Badge color={NC_STATUS_COLOURS[gap.status] ?? 'gray'} variant="light" size="sm">
                {humanise(gap.status)}
              </Badge>
              {gap.kind === 'incident' && (
                <Badge variant="outline" size="sm">
                  Incident
                </Badge>
              )}
              {gap.requirement && <Text size="xs">Requirement {gap.requirement}</Text>}
            </Group>
          </Stack>
          <Stack gap={2} miw={180}>
            <Text size="xs">
              {gap.progress}% done · next due {gap.nextDue ?? '—'}
              {gap.overdue ? ' (overdue)' : ''}
            </Text>
            <Progress value={gap.progress} aria-label={`${gap.reference} overall progress`} />
          </Stack>
        </Group>
        <Text size="sm">
          <b>Root cause:</b> {gap.rootCause || 'not yet known'}
        </Text>
        {gap.actions.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={`Actions of ${gap.reference}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Progress</Table.Th>
                  <Table.Th>Investment</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {gap.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {a.reference} {a.title}
                    </Table.Td>
                    <Table.Td>{a.owner ?? '—'}</Table.Td>
                    <Table.Td c={a.overdue ? 'red.8' : undefined}>
                      {a.dueDate}
                      {a.overdue ? ' (overdue)' : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={ACTION_STATUS_COLOURS[a.status]}
                        variant="light"
                        size="sm"
                        miw="max-content"
                      >
                        {humanise(a.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td miw={80}>
                      <Progress value={a.progress} aria-label={`${a.reference} progress`} />
                    </Table.Td>
                    <Table.Td>{a.investment ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
