import { Badge, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components, paths } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { useListParams } from '../../hooks/useListParams.js';
import { type Column, ListTable } from '../ListTable.js';
import { ConfirmButton } from './ConfirmButton.js';
import { Timestamp } from './Timestamp.js';
import { ChangeRoleModal, CreateUserModal, ROLES } from './UserForms.js';

type User = components['schemas']['User'];
type Query = NonNullable<paths['/api/users']['get']['parameters']['query']>;

/** Logins and their roles (admins only): add a user, change a role, deactivate or reactivate a login. */
export function UsersTab() {
  const list = useListParams(['role'], 'email');
  const client = useQueryClient();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure();
  const [editing, setEditing] = useState<User | null>(null);
  const users = useQuery({
    queryKey: ['users', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/users', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(list.filters.role ? { role: list.filters.role as User['role'] } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const setActive = useMutation({
    mutationFn: async ({ user, active }: { user: User; active: boolean }) =>
      unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { active } })),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      showSaved(saved.active ? `${saved.email} can sign in again.` : `${saved.email} is deactivated.`);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }),
  });

  const columns: Column<User>[] = [
    { key: 'name', label: 'Name', sort: 'name', render: (u) => u.name },
    { key: 'email', label: 'Email', sort: 'email', render: (u) => u.email },
    {
      key: 'role',
      label: 'Role',
      sort: 'role',
      render: (u) => (
        <Badge miw="max-content" variant="light">
          {u.role}
        </Badge>
      ),
    },
    {
      key: 'active',
      label: 'Status',
      render: (u) => (
        <Badge miw="max-content" color={u.active ? 'teal' : 'gray'}>
          {u.active ? 'active' : 'deactivated'}
        </Badge>
      ),
    },
    {
      key: 'lastLogin',
      label: 'Last sign-in',
      sort: 'lastLoginAt',
      render: (u) => <Timestamp value={u.lastLoginAt} empty="never" />,
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (u) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            aria-label={`Change role of ${u.name}`}
            onClick={() => setEditing(u)}
          >
            Change role
          </Button>
          {u.active ? (
            <ConfirmButton
              aria-label={`Deactivate ${u.name}`}
              title={`Deactivate ${u.name}?`}
              message="They are signed out at once and cannot sign in until reactivated. Their records and API tokens' history stay."
              loading={setActive.isPending}
              onConfirm={() => setActive.mutate({ user: u, active: false })}
            >
              Deactivate
            </ConfirmButton>
          ) : (
            <Button
              size="xs"
              variant="light"
              aria-label={`Reactivate ${u.name}`}
              onClick={() => setActive.mutate({ user: u, active: true })}
            >
              Reactivate
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <TextInput
            aria-label="Search users"
            placeholder="Search name or email"
            defaultValue={list.q}
            onChange={(e) => list.update({ q: e.currentTarget.value })}
          />
          <Select
            aria-label="Role"
            placeholder="Any role"
            clearable
            data={ROLES}
            value={list.filters.role}
            onChange={(value) => list.update({ role: value })}
          />
        </Group>
        <Button onClick={openCreate}>Add user</Button>
      </Group>
      <ListTable
        label="Users"
        columns={columns}
        rows={users.data?.items}
        total={users.data?.total}
        rowKey={(u) => u.id}
        loading={users.isFetching}
        error={users.error}
        empty="No users match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <CreateUserModal opened={creating} onClose={closeCreate} />
      <ChangeRoleModal key={editing?.id ?? 'none'} user={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
