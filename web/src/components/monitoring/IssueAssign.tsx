import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { date, endOfDay } from './badges.js';
import { usePeopleOptions } from './usePeople.js';

type Issue = components['schemas']['IssueDetail'];

/** Assigns an open issue and sets its due date (contributors only on issues they own: the API decides). */
export function IssueAssign({ issue }: { issue: Issue }) {
  const client = useQueryClient();
  const people = usePeopleOptions();
  const form = useForm<{ ownerId: string | null; dueAt: string | null }>({
    initialValues: { ownerId: issue.ownerId, dueAt: date(issue.dueAt) },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(
        await api.PATCH('/api/issues/{id}', {
          params: { path: { id: issue.id } },
          body: {
            ...(values.ownerId !== issue.ownerId ? { ownerId: values.ownerId } : {}),
            ...(values.dueAt && values.dueAt !== date(issue.dueAt) ? { dueAt: endOfDay(values.dueAt) } : {}),
          },
        }),
      ),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['issue', issue.id] });
      await client.invalidateQueries({ queryKey: ['issues'] });
      showSaved(`Issue #${saved.number} saved`);
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label="Owner"
            placeholder="Unassigned"
            searchable
            clearable
            data={people}
            {...form.getInputProps('ownerId')}
          />
          <DateInput label="Due date" valueFormat="YYYY-MM-DD" {...form.getInputProps('dueAt')} />
        </Group>
        {save.error && (
          <Alert variant="filled" color="red.9">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={save.isPending}>
            Save assignment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
