import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { useSession } from '../../session.js';
import { formatDateTime, humanise } from '../registers/labels.js';
import { RegisterDrawer } from '../registers/RegisterDrawer.js';
import { CompletionForm } from './CompletionForm.js';
import { CourseMaterial } from './CourseDetails.js';
import { StatusBadge } from './StatusBadge.js';

type Assignment = components['schemas']['TrainingAssignment'] | components['schemas']['MyTrainingAssignment'];

/** The caller's own assignment comes with its material; others' are read from the register (readers only). */
async function loadAssignment(id: string, canRead: boolean): Promise<Assignment> {
  const mine = unwrap(
    await api.GET('/api/training-assignments/mine', { params: { query: { limit: 500, sort: 'dueOn' } } }),
  );
  const own = mine.items.find((a) => a.id === id);
  if (own || !canRead) {
    if (!own) throw new Error('This is not one of your training assignments.');
    return own;
  }
  return unwrap(await api.GET('/api/training-assignments/{id}', { params: { path: { id } } }));
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

/** One assignment, opened by `?assignment=<id>`; the assignee, an admin or a manager records completion. */
export function AssignmentDrawer() {
  const { canRead, canConfigure } = usePermissions();
  const personId = useSession().data?.personId;
  return (
    <RegisterDrawer
      param="assignment"
      queryKey="training-assignments"
      load={(id) => loadAssignment(id, canRead)}
      title={(a) => a.course.title}
    >
      {(a) => (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label="Status">
              <StatusBadge status={a.status} />
            </Fact>
            <Fact label="Person">{a.person.name}</Fact>
            <Fact label="Due on">{a.dueOn}</Fact>
            <Fact label="Assigned">{formatDateTime(a.assignedAt)}</Fact>
            <Fact label="Reason">{humanise(a.reason)}</Fact>
            <Fact label="Pass score">{a.course.passScore ?? 'None'}</Fact>
            {a.completedAt && <Fact label="Completed">{formatDateTime(a.completedAt)}</Fact>}
            {a.completedAt && <Fact label="Score">{a.score ?? ''}</Fact>}
            {a.completedAt && <Fact label="Recorded by">{a.completedByLabel ?? ''}</Fact>}
            {a.completedAt && <Fact label="Evidence note">{a.evidenceNote}</Fact>}
          </SimpleGrid>
          {'material' in a.course && (
            <>
              <Title order={4}>Material</Title>
              <CourseMaterial course={a.course} />
            </>
          )}
          {a.status !== 'completed' && (canConfigure || a.personId === personId) && (
            <>
              <Title order={4}>Record completion</Title>
              <CompletionForm assignmentId={a.id} passScore={a.course.passScore} />
            </>
          )}
        </Stack>
      )}
    </RegisterDrawer>
  );
}
