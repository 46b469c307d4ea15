import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components, paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { type Column, ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { RegisterDrawer, useRecordParam } from '../registers/RegisterDrawer.js';
import { AssignModal } from './AssignModal.js';
import { CourseDetails } from './CourseDetails.js';
import { CourseFormModal } from './CourseFormModal.js';

type Course = components['schemas']['Course'];
type Query = NonNullable<paths['/api/courses']['get']['parameters']['query']>;

/** The course catalogue: create from the starter library, edit, and assign to the audience. */
export function CoursesTab() {
  const { canWrite, canEdit } = usePermissions();
  const list = useListParams(['active', 'ownerId'], 'title');
  const selected = useRecordParam('course');
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  const [assigning, setAssigning] = useState<Course | null>(null);
  const courses = useQuery({
    queryKey: ['courses', list.query],
    queryFn: async () => unwrap(await api.GET('/api/courses', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Course>[] = [
    {
      key: 'title',
      label: 'Title',
      sort: 'title',
      render: (c) => (
        <Anchor component={Link} to={selected.href(c.id)}>
          {c.title}
        </Anchor>
      ),
    },
    {
      key: 'active',
      label: 'Status',
      render: (c) => (
        <Badge miw="max-content" variant="light" color={c.active ? 'teal' : 'gray'}>
          {c.active ? 'Active' : 'Retired'}
        </Badge>
      ),
    },
    { key: 'audience', label: 'Audience', render: (c) => c.audienceRoles.join(', ') },
    {
      key: 'recurrence',
      label: 'Repeats',
      sort: 'recurrenceMonths',
      render: (c) => (c.recurrenceMonths ? `Every ${c.recurrenceMonths} months` : 'Once'),
    },
    {
      key: 'progress',
      label: 'Open / overdue / done',
      render: (c) => (
        <Text size="sm" c={c.assignments.overdue > 0 ? 'red' : undefined}>
          {c.assignments.open} / {c.assignments.overdue} / {c.assignments.completed}
        </Text>
      ),
    },
    { key: 'owner', label: 'Owner', render: (c) => c.owner?.name },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <ListFilters
          list={list}
          filters={[
            {
              param: 'active',
              label: 'Status',
              placeholder: 'Active or retired',
              options: [
                { value: 'true', label: 'Active' },
                { value: 'false', label: 'Retired' },
              ],
            },
            { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
          ]}
        />
        {canWrite && <Button onClick={() => setEditing('new')}>New course</Button>}
      </Group>
      <ListTable
        label="Courses"
        columns={columns}
        rows={courses.data?.items}
        total={courses.data?.total}
        rowKey={(c) => c.id}
        loading={courses.isFetching}
        error={courses.error}
        empty="No courses match. Start one from the course library."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="course"
        queryKey="courses"
        load={async (id) => unwrap(await api.GET('/api/courses/{id}', { params: { path: { id } } }))}
        title={(c) => c.title}
      >
        {(c) => (
          <CourseDetails
            course={c}
            onEdit={canEdit(c.ownerId) ? () => setEditing(c) : undefined}
            onAssign={canEdit(c.ownerId) && c.active ? () => setAssigning(c) : undefined}
          />
        )}
      </RegisterDrawer>
      <CourseFormModal editing={editing} onClose={() => setEditing(null)} />
      <AssignModal course={assigning} onClose={() => setAssigning(null)} />
    </Stack>
  );
}
