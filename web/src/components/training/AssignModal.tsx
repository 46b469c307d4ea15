import { Alert, Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { RecordMultiSelect } from '../registers/RecordSelect.js';

type Course = components['schemas']['Course'];

interface Values {
  audience: boolean;
  personIds: string[];
  dueOn: string | null;
  reason: string;
}

/** Assigns a course to its audience and/or named people; people already holding it keep their assignment. */
export function AssignModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  const client = useQueryClient();
  const form = useForm<Values>({ initialValues: { audience: true, personIds: [], dueOn: null, reason: '' } });
  const assign = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/courses/{id}/assign', {
          params: { path: { id: course?.id ?? '' } },
          body: {
            ...(values.audience ? { audience: true as const } : {}),
            ...(values.personIds.length > 0 ? { personIds: values.personIds } : {}),
            ...(values.dueOn ? { dueOn: values.dueOn } : {}),
            ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (result) => {
      await Promise.all(
        [['courses'], ['training-assignments'], ['trail']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
      showSaved(`${result.created} assigned, ${result.existing} already had it`);
      form.reset();
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  const other = Object.entries(form.errors).filter(
    ([path]) => !['personIds', 'dueOn', 'reason'].includes(path),
  );
  return (
    <Modal
      opened={course !== null}
      onClose={onClose}
      title={`Assign ${course?.title ?? ''}`}
      size="lg"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit((values) => assign.mutate(values))} noValidate aria-label="Assign course">
        <Stack>
          <Switch
            label="Everyone in the course's audience"
            description={`Active people with the role ${course?.audienceRoles.join(', ') || '—'}${
              course?.audienceDepartments.length ? ` in ${course.audienceDepartments.join(', ')}` : ''
            }`}
            {...form.getInputProps('audience', { type: 'checkbox' })}
          />
          <RecordMultiSelect kind="people" label="People" {...form.getInputProps('personIds')} />
          <DateInput
            label="Due on"
            description="Default: 30 days from today."
            valueFormat="YYYY-MM-DD"
            clearable
            clearButtonProps={{ 'aria-label': 'Clear due on' }}
            {...form.getInputProps('dueOn')}
          />
          <TextInput
            label="Reason"
            placeholder="audience, manual, onboarding…"
            {...form.getInputProps('reason')}
          />
          {other.length > 0 && (
            <Alert color="red" title="Not assigned">
              {other.map(([path, message]) => (
                <div key={path}>
                  {path}: {String(message)}
                </div>
              ))}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={assign.isPending}>
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
