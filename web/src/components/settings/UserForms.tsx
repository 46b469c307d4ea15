import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { CLOSE } from './CloseLabel.js';

type User = components['schemas']['User'];
type Role = User['role'];
export const ROLES: Role[] = ['admin', 'manager', 'contributor', 'auditor', 'member'];

/** Gives someone a login: an existing person by email, or a new person when a name is given too. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const form = useForm({ initialValues: { email: '', name: '', role: 'contributor' as Role, password: '' } });
  const create = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(
        await api.POST('/api/users', {
          body: {
            email: values.email,
            role: values.role,
            ...(values.name.trim() ? { name: values.name } : {}),
            ...(values.password ? { password: values.password } : {}),
          },
        }),
      ),
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      showSaved(`${user.email} can now sign in as ${user.role}.`);
      form.reset();
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened={opened}
      onClose={onClose}
      title="Add a user"
      fullScreen={isMobile}
    >
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
          <TextInput
            label="Name"
            description="Needed only when nobody with this email is in People yet."
            {...form.getInputProps('name')}
          />
          <Select label="Role" required data={ROLES} allowDeselect={false} {...form.getInputProps('role')} />
          <PasswordInput
            label="Initial password"
            description="Optional: share it privately and ask them to change it. Without one, set it later from the command line."
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Changes one user's role; the API refuses to demote the last active admin and says so. */
export function ChangeRoleModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const client = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const form = useForm({ initialValues: { role: user?.role ?? ('member' as Role) } });
  const save = useMutation({
    mutationFn: async (values: { role: Role }) =>
      unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id: user?.id ?? '' } }, body: values })),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      showSaved(`${saved.email} is now ${saved.role}.`);
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened={user !== null}
      onClose={onClose}
      title={`Change the role of ${user?.name ?? ''}`}
      fullScreen={isMobile}
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack>
          <Select label="Role" required data={ROLES} allowDeselect={false} {...form.getInputProps('role')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save role
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
