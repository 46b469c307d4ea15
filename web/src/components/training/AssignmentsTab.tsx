import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { useRecordParam } from '../registers/RegisterDrawer.js';
import { assignmentColumns } from './assignment-columns.js';
import { STATUS_OPTIONS } from './status.js';

type Query = NonNullable<paths['/api/training-assignments']['get']['parameters']['query']>;

/** Every assignment, filtered by status, course or person; one person's record downloads for auditors. */
export function AssignmentsTab() {
  const list = useListParams(['status', 'courseId', 'personId'], 'dueOn');
  const selected = useRecordParam('assignment');
  const courses = useQuery({
    queryKey: ['courses', 'options'],
    queryFn: async () =>
      unwrap(await api.GET('/api/courses', { params: { query: { limit: 500, sort: 'title' } } })).items,
    staleTime: 60_000,
  });
  const assignments = useQuery({
    queryKey: ['training-assignments', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/training-assignments', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const personId = list.filters.personId;
  return (
    <Stack>
      <ListFilters
        list={list}
        filters={[
          { param: 'status', label: 'Status', placeholder: 'Any status', options: STATUS_OPTIONS },
          {
            param: 'courseId',
            label: 'Course',
            placeholder: 'Any course',
            options: (courses.data ?? []).map((c) => ({ value: c.id, label: c.title })),
          },
          { param: 'personId', label: 'Person', placeholder: 'Anyone', kind: 'people' },
        ]}
      />
      {personId && (
        <Group gap="xs">
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              variant="light"
              size="xs"
              href={`/api/people/${encodeURIComponent(personId)}/competence?format=${format}`}
              download
            >
              Competence record ({format.toUpperCase()})
            </Button>
          ))}
        </Group>
      )}
      <ListTable
        label="Training assignments"
        columns={assignmentColumns(selected.href, true)}
        rows={assignments.data?.items}
        total={assignments.data?.total}
        rowKey={(a) => a.id}
        loading={assignments.isFetching}
        error={assignments.error}
        empty="No assignments match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </Stack>
  );
}
