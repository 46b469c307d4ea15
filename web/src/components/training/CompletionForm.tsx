import { Button, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

interface Values {
  score: number | string;
  completedAt: string | null;
  evidenceNote: string;
}

/** Records completion of one assignment; the API's field errors (a score below the pass mark…) show inline. */
export function CompletionForm({
  assignmentId,
  passScore,
}: {
  assignmentId: string;
  passScore: number | null;
}) {
  const client = useQueryClient();
  const form = useForm<Values>({ initialValues: { score: '', completedAt: null, evidenceNote: '' } });
  const complete = useMutation({
    mutationFn: async (values: Values) => {
      const today = dayjs().format('YYYY-MM-DD');
      // An earlier day is recorded at midday UTC; today means "now", which is never in the future.
      const completedAt =
        values.completedAt && values.completedAt !== today
          ? `${values.completedAt}T12:00:00.000Z`
          : undefined;
      return unwrap(
        await api.POST('/api/training-assignments/{id}/complete', {
          params: { path: { id: assignmentId } },
          body: {
            ...(values.score === '' ? {} : { score: Number(values.score) }),
            ...(completedAt ? { completedAt } : {}),
            ...(values.evidenceNote.trim() ? { evidenceNote: values.evidenceNote.trim() } : {}),
          },
        }),
      );
    },
    onSuccess: async (result) => {
      await Promise.all(
        [['training-assignments'], ['courses'], ['trail']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
      showSaved(result.next ? `Completed. Next due on ${result.next.dueOn}` : 'Training completed');
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => complete.mutate(values))}
      noValidate
      aria-label="Record completion"
    >
      <Stack>
        <NumberInput
          label={passScore === null ? 'Score (optional)' : `Score (pass mark ${passScore})`}
          withAsterisk={passScore !== null}
          min={0}
          max={100}
          allowDecimal={false}
          {...form.getInputProps('score')}
        />
        <DateInput
          label="Completed on"
          description="Default: now."
          valueFormat="YYYY-MM-DD"
          maxDate={dayjs().format('YYYY-MM-DD')}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear completed on' }}
          {...form.getInputProps('completedAt')}
        />
        <Textarea
          label="Evidence note"
          description="What was done: a quiz result, a workshop, a certificate."
          autosize
          minRows={2}
          {...form.getInputProps('evidenceNote')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={complete.isPending}>
            Record completion
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
