import { Button, Group, Modal, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePeopleOptions } from '../monitoring/usePeople.js';
import type { RequestBody } from '../registers/api-types.js';
import { RaciEditor, type RoleFormValues } from './RaciEditor.js';

type Role = components['schemas']['AimsRole'];

type Values = RoleFormValues;

const valuesOf = (role: Role | null): Values => ({
  name: role?.name ?? '',
  description: role?.description ?? '',
  responsibilities: role?.responsibilities ?? '',
  isoRefs: role?.isoRefs ?? [],
  aimsOwner: role?.aimsOwner ?? false,
  assignments: (role?.assignments ?? []).map((a) => ({
    key: a.personId,
    personId: a.personId,
    raci: a.raci,
  })),
});

const toApi = (values: Values) => ({
  ...values,
  assignments: values.assignments.map((a) => ({ personId: a.personId ?? '', raci: a.raci })),
});

/** On edit only what changed is sent, so a save never overwrites someone else's change to another field. */
function bodyOf(values: Values, initial: Values | null) {
  const before: Record<string, unknown> | null = initial && toApi(initial);
  const entries = Object.entries(toApi(values)).filter(
    ([key, value]) => !before || JSON.stringify(value) !== JSON.stringify(before[key]),
  );
  return Object.fromEntries(entries) as RequestBody<'/api/aims-roles/{id}', 'patch'>;
}

function RoleForm({ role, onDone }: { role: Role | null; onDone: () => void }) {
  const client = useQueryClient();
  const initial = valuesOf(role);
  const form = useForm<Values>({ initialValues: initial });
  // Active people, plus anyone inactive who still holds the role, so their row stays readable.
  const active = usePeopleOptions();
  const people = [
    ...active,
    ...(role?.assignments ?? [])
      .filter((a) => !a.person.active)
      .map((a) => ({ value: a.personId, label: `${a.person.name} (inactive)` })),
  ];
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = bodyOf(values, role ? initial : null);
      return role
        ? unwrap(await api.PATCH('/api/aims-roles/{id}', { params: { path: { id: role.id } }, body }))
        : unwrap(await api.POST('/api/aims-roles', { body: { ...body, name: values.name } }));
    },
    onSuccess: async (saved) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['aims-roles'] }),
        client.invalidateQueries({ queryKey: ['trail'] }),
      ]);
      showSaved(`${saved.name} saved`);
      onDone();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Textarea
          label="Responsibilities"
          description="Markdown: one bullet per duty."
          autosize
          minRows={4}
          {...form.getInputProps('responsibilities')}
        />
        <TagsInput
          label="ISO/IEC 42001 references"
          placeholder="e.g. 5.3, A.3.2"
          {...form.getInputProps('isoRefs')}
        />
        <Switch
          label="AIMS owner role"
          description="Its accountable person receives every concern reported about AI. Only one role can be it."
          {...form.getInputProps('aimsOwner', { type: 'checkbox' })}
        />
        <RaciEditor form={form} people={people} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {role ? 'Save' : 'Create role'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creates or edits an AIMS role with its RACI (managers and admins). */
export function RoleFormModal({
  role,
  opened,
  onClose,
}: {
  role: Role | null;
  opened: boolean;
  onClose: () => void;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={role ? `Edit ${role.name}` : 'New AIMS role'}
      size="lg"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <RoleForm role={role} onDone={onClose} />}
    </Modal>
  );
}
