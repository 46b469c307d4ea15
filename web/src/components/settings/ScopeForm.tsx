import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { CLOSE } from './CloseLabel.js';

type ScopeVersion = components['schemas']['ScopeVersion'];

/** Revises the scope statement; saving never overwrites, it adds the next version. */
export function ScopeFormModal({
  opened,
  current,
  onClose,
}: {
  opened: boolean;
  current: ScopeVersion | null;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const form = useForm({
    initialValues: {
      statement: current?.statement ?? '',
      boundaries: current?.boundaries ?? '',
      exclusions: current?.exclusions ?? '',
    },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) => unwrap(await api.PUT('/api/scope', { body: values })),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['scope'] });
      showSaved(`Scope version ${saved.version} saved.`);
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened={opened}
      onClose={onClose}
      title="Revise the scope"
      size="xl"
      fullScreen={isMobile}
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack>
          <Textarea
            label="Scope statement"
            description="What the AI management system covers (ISO/IEC 42001 clause 4.3). Markdown: headings, lists, links."
            required
            autosize
            minRows={5}
            {...form.getInputProps('statement')}
          />
          <Textarea
            label="Boundaries"
            description="Organisational units, sites, AI systems and activities inside the scope."
            autosize
            minRows={3}
            {...form.getInputProps('boundaries')}
          />
          <Textarea
            label="Exclusions"
            description="What is left out, and why."
            autosize
            minRows={3}
            {...form.getInputProps('exclusions')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save as new version
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
