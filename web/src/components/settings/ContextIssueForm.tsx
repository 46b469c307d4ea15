import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { CLOSE } from './CloseLabel.js';
import { ConfirmButton } from './ConfirmButton.js';
import { PersonSelect } from './PersonSelect.js';

type ContextIssue = components['schemas']['ContextIssue'];
export const ISSUE_KINDS: ContextIssue['kind'][] = ['internal', 'external'];
export const ISSUE_CATEGORIES: ContextIssue['category'][] = [
  'regulatory',
  'legal',
  'technological',
  'market',
  'social',
  'environmental',
  'organisational',
  'economic',
  'ethical',
];
export const ISSUE_EFFECTS: ContextIssue['effect'][] = ['risk', 'opportunity', 'neutral'];

interface Values {
  kind: ContextIssue['kind'];
  title: string;
  description: string;
  category: ContextIssue['category'];
  effect: ContextIssue['effect'];
  ownerId: string | null;
}

/** Creates a context issue (`issue` is "new") or edits one; managers may delete it from here too. */
export function ContextIssueModal({ issue, onClose }: { issue: ContextIssue | 'new'; onClose: () => void }) {
  const client = useQueryClient();
  const { canDelete } = usePermissions();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const existing = issue === 'new' ? null : issue;
  const form = useForm<Values>({
    initialValues: {
      kind: existing?.kind ?? 'internal',
      title: existing?.title ?? '',
      description: existing?.description ?? '',
      category: existing?.category ?? 'organisational',
      effect: existing?.effect ?? 'risk',
      ownerId: existing?.ownerId ?? null,
    },
  });
  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: ['context-issues'] });
    await client.invalidateQueries({ queryKey: ['scope', 'current'] });
    showSaved(message);
    onClose();
  };
  const save = useMutation({
    mutationFn: async (values: Values) =>
      existing
        ? unwrap(
            await api.PATCH('/api/scope/issues/{id}', {
              params: { path: { id: existing.id } },
              body: values,
            }),
          )
        : unwrap(await api.POST('/api/scope/issues', { body: values })),
    onSuccess: (saved) => done(`Context issue “${saved.title}” saved.`),
    onError: (error) => showProblem(form, error),
  });
  const remove = useMutation({
    mutationFn: async () => {
      const { response } = await api.DELETE('/api/scope/issues/{id}', {
        params: { path: { id: existing?.id ?? '' } },
      });
      if (!response.ok) throw new Error(`Could not delete (${response.status})`);
    },
    onSuccess: () => done('Context issue deleted.'),
    onError: (error) => showProblem(form, error),
  });
  const select = (field: keyof Values, label: string, data: string[]) => (
    <Select label={label} required allowDeselect={false} data={data} {...form.getInputProps(field)} />
  );
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened
      onClose={onClose}
      title={existing ? `Edit “${existing.title}”` : 'New context issue'}
      size="lg"
      fullScreen={isMobile}
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack>
          <TextInput label="Title" required {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {select('kind', 'Kind', ISSUE_KINDS)}
            {select('category', 'Category', ISSUE_CATEGORIES)}
            {select('effect', 'Effect', ISSUE_EFFECTS)}
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={3} {...form.getInputProps('description')} />
          <PersonSelect form={form} field="ownerId" />
          <Group justify="space-between">
            <div>
              {existing && canDelete && (
                <ConfirmButton
                  title={`Delete “${existing.title}”?`}
                  message="The issue is removed from the register; the audit trail keeps its history."
                  loading={remove.isPending}
                  onConfirm={() => remove.mutate()}
                >
                  Delete
                </ConfirmButton>
              )}
            </div>
            <Group>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
