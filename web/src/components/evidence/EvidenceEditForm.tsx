import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { PRIMARY } from '../controls/colours.js';
import { invalidateEvidence } from './invalidate.js';
import { useControlOptions, usePeopleOptions } from './options.js';

type Evidence = components['schemas']['Evidence'];

/** Title, owner, linked controls and validity of an evidence item (its content lives in versions). */
export function EvidenceEditForm({ evidence }: { evidence: Evidence }) {
  const client = useQueryClient();
  const people = usePeopleOptions();
  const controls = useControlOptions();
  const form = useForm({
    initialValues: {
      title: evidence.title,
      ownerId: evidence.ownerId,
      controlIds: evidence.controlIds,
      validUntil: evidence.validUntil,
    },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(await api.PATCH('/api/evidence/{id}', { params: { path: { id: evidence.id } }, body: values })),
    onSuccess: async (result) => {
      form.resetDirty(result);
      showSaved('Evidence saved.');
      await invalidateEvidence(client);
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="xs">
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Select label="Owner" data={people} searchable clearable {...form.getInputProps('ownerId')} />
        <MultiSelect label="Controls" data={controls} searchable {...form.getInputProps('controlIds')} />
        <DateInput
          label="Valid until"
          valueFormat="YYYY-MM-DD"
          clearable
          {...form.getInputProps('validUntil')}
        />
        <Group>
          <Button color={PRIMARY} type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
