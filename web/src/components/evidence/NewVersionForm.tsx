import { Button, Group, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { PRIMARY } from '../controls/colours.js';
import { invalidateEvidence } from './invalidate.js';

type Evidence = components['schemas']['Evidence'];

/** The next version of a link or note item (files are uploaded through the dropzone instead). */
export function NewVersionForm({ evidence }: { evidence: Evidence }) {
  const client = useQueryClient();
  const form = useForm({
    initialValues: { url: '', note: '', validUntil: null as string | null },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) => {
      const body = {
        ...(evidence.kind === 'link' ? { url: values.url } : { note: values.note }),
        ...(values.validUntil ? { validUntil: values.validUntil } : {}),
      };
      return unwrap(
        await api.POST('/api/evidence/{id}/versions', {
          params: { path: { id: evidence.id } },
          // The route takes JSON for links and notes, multipart for files, so its body is untyped.
          body: body as never,
        }),
      );
    },
    onSuccess: async (result) => {
      form.reset();
      showSaved(`Version ${result.latestVersion} added.`);
      await invalidateEvidence(client);
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      {evidence.kind === 'link' ? (
        <TextInput label="URL" required {...form.getInputProps('url')} />
      ) : (
        <Textarea label="Note" required autosize minRows={3} {...form.getInputProps('note')} />
      )}
      <Group align="flex-end" mt="xs">
        <DateInput
          label="Valid until"
          valueFormat="YYYY-MM-DD"
          clearable
          {...form.getInputProps('validUntil')}
        />
        <Button color={PRIMARY} type="submit" loading={save.isPending}>
          Add version
        </Button>
      </Group>
    </form>
  );
}
