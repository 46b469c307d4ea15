import {
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { MUTED, PRIMARY } from '../controls/colours.js';
import { invalidateEvidence } from './invalidate.js';
import { useControlOptions } from './options.js';

type Evidence = components['schemas']['Evidence'];
type Kind = Evidence['kind'];

const INITIAL = {
  title: '',
  kind: 'file' as Kind,
  url: '',
  note: '',
  controlIds: [] as string[],
  validUntil: null as string | null,
};

/** A new evidence item; links and notes get their first version at once, files in the drawer that follows. */
export function NewEvidenceModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (evidence: Evidence) => void;
}) {
  const client = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const controls = useControlOptions(opened);
  const form = useForm({ initialValues: INITIAL });
  const create = useMutation({
    mutationFn: async ({ url, note, validUntil, ...values }: typeof form.values) =>
      unwrap(
        await api.POST('/api/evidence', {
          body: {
            ...values,
            ...(values.kind === 'link' ? { url } : {}),
            ...(values.kind === 'note' ? { note } : {}),
            ...(validUntil ? { validUntil } : {}),
          },
        }),
      ),
    onSuccess: async (created) => {
      form.reset();
      showSaved(`“${created.title}” created.`);
      onCreated(created);
      await invalidateEvidence(client);
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="New evidence"
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="new-evidence-kind">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="new-evidence-kind"
              data={[
                { value: 'file', label: 'File' },
                { value: 'link', label: 'Link' },
                { value: 'note', label: 'Note' },
              ]}
              {...form.getInputProps('kind')}
            />
            {form.errors.kind && (
              <Text size="sm" c="red">
                {form.errors.kind}
              </Text>
            )}
          </Stack>
          {form.values.kind === 'link' && <TextInput label="URL" required {...form.getInputProps('url')} />}
          {form.values.kind === 'note' && (
            <Textarea label="Note" required autosize minRows={3} {...form.getInputProps('note')} />
          )}
          {form.values.kind === 'file' && (
            <Text size="sm" c={MUTED}>
              Upload the file from the evidence drawer once the item exists.
            </Text>
          )}
          <MultiSelect
            label="Controls"
            placeholder="Controls this evidence supports"
            data={controls}
            searchable
            {...form.getInputProps('controlIds')}
          />
          <DateInput
            label="Valid until"
            valueFormat="YYYY-MM-DD"
            clearable
            {...form.getInputProps('validUntil')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color={PRIMARY} type="submit" loading={create.isPending}>
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
