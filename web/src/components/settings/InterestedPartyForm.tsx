import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
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

type InterestedParty = components['schemas']['InterestedParty'];
export const PARTY_CATEGORIES: InterestedParty['category'][] = [
  'customer',
  'regulator',
  'employee',
  'supplier',
  'investor',
  'affected_community',
  'partner',
  'certification_body',
  'internal',
];
export const partyCategoryLabel = (category: string) => category.replace(/_/g, ' ');

interface Values {
  name: string;
  category: InterestedParty['category'];
  needs: string;
  expectations: string;
  ownerId: string | null;
}

/** Creates an interested party (`party` is "new") or edits one; managers may delete it from here too. */
export function InterestedPartyModal({
  party,
  onClose,
}: {
  party: InterestedParty | 'new';
  onClose: () => void;
}) {
  const client = useQueryClient();
  const { canDelete } = usePermissions();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const existing = party === 'new' ? null : party;
  const form = useForm<Values>({
    initialValues: {
      name: existing?.name ?? '',
      category: existing?.category ?? 'customer',
      needs: existing?.needs ?? '',
      expectations: existing?.expectations ?? '',
      ownerId: existing?.ownerId ?? null,
    },
  });
  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: ['interested-parties'] });
    await client.invalidateQueries({ queryKey: ['scope', 'current'] });
    showSaved(message);
    onClose();
  };
  const save = useMutation({
    mutationFn: async (values: Values) =>
      existing
        ? unwrap(
            await api.PATCH('/api/scope/interested-parties/{id}', {
              params: { path: { id: existing.id } },
              body: values,
            }),
          )
        : unwrap(await api.POST('/api/scope/interested-parties', { body: values })),
    onSuccess: (saved) => done(`Interested party “${saved.name}” saved.`),
    onError: (error) => showProblem(form, error),
  });
  const remove = useMutation({
    mutationFn: async () => {
      const { response } = await api.DELETE('/api/scope/interested-parties/{id}', {
        params: { path: { id: existing?.id ?? '' } },
      });
      if (!response.ok) throw new Error(`Could not delete (${response.status})`);
    },
    onSuccess: () => done('Interested party deleted.'),
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened
      onClose={onClose}
      title={existing ? `Edit “${existing.name}”` : 'New interested party'}
      size="lg"
      fullScreen={isMobile}
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack>
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Select
            label="Category"
            required
            allowDeselect={false}
            data={PARTY_CATEGORIES.map((c) => ({ value: c, label: partyCategoryLabel(c) }))}
            {...form.getInputProps('category')}
          />
          <Textarea label="Needs" autosize minRows={3} {...form.getInputProps('needs')} />
          <Textarea label="Expectations" autosize minRows={3} {...form.getInputProps('expectations')} />
          <PersonSelect form={form} field="ownerId" />
          <Group justify="space-between">
            <div>
              {existing && canDelete && (
                <ConfirmButton
                  title={`Delete “${existing.name}”?`}
                  message="The party is removed from the register; the audit trail keeps its history."
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
