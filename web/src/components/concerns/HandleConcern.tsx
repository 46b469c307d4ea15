import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { usePeopleOptions } from '../monitoring/usePeople.js';
import { humanise } from '../registers/labels.js';
import { clearButton } from '../registers/RecordSelect.js';
import type { Concern } from './labels.js';

interface Values {
  assigneeId: string | null;
  status: Concern['status'];
  resolution: string;
}

const NEXT: Record<Concern['status'], Concern['status'][]> = {
  open: ['open', 'in_progress', 'closed'],
  in_progress: ['in_progress', 'closed'],
  closed: ['closed'],
};

/** Assign, progress or close a concern; closing needs a resolution (the API names the field otherwise). */
export function HandleConcern({ concern }: { concern: Concern }) {
  const client = useQueryClient();
  const { canConfigure } = usePermissions();
  const people = usePeopleOptions();
  const initial: Values = {
    assigneeId: concern.assigneeId,
    status: concern.status,
    resolution: concern.resolution ?? '',
  };
  const form = useForm<Values>({ initialValues: initial });
  const save = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.PATCH('/api/concerns/{id}', {
          params: { path: { id: concern.id } },
          body: {
            ...(values.assigneeId !== initial.assigneeId ? { assigneeId: values.assigneeId } : {}),
            ...(values.status !== initial.status ? { status: values.status } : {}),
            ...(values.resolution !== initial.resolution ? { resolution: values.resolution } : {}),
          },
        }),
      ),
    onSuccess: async (saved) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['concerns'] }),
        client.invalidateQueries({ queryKey: ['trail'] }),
      ]);
      showSaved(`Concern #${saved.number} saved`);
    },
    onError: (error) => showProblem(form, error),
  });
  const closing = form.values.status === 'closed';
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate aria-label="Handle concern">
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label="Assignee"
            placeholder="Unassigned"
            searchable
            clearable
            clearButtonProps={clearButton('assignee')}
            disabled={!canConfigure}
            description={canConfigure ? undefined : 'Managers and admins reassign concerns.'}
            data={people}
            {...form.getInputProps('assigneeId')}
          />
          <Select
            label="Status"
            allowDeselect={false}
            data={NEXT[concern.status].map((s) => ({ value: s, label: humanise(s) }))}
            {...form.getInputProps('status')}
          />
        </Group>
        <Textarea
          label="Resolution"
          description={closing ? 'Required to close: what was found and what changed.' : 'Notes so far.'}
          required={closing}
          autosize
          minRows={3}
          {...form.getInputProps('resolution')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={save.isPending}>
            {closing && concern.status !== 'closed' ? 'Close concern' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
