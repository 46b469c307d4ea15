import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components, paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { type Column, ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { RegisterDrawer, useRecordParam } from '../registers/RegisterDrawer.js';
import { RoleDetails } from './RoleDetails.js';
import { RoleFormModal } from './RoleFormModal.js';

type Role = components['schemas']['AimsRole'];
type Query = NonNullable<paths['/api/aims-roles']['get']['parameters']['query']>;

/** The AIMS roles (clause 5.3, A.3.2) and who is responsible, accountable, consulted and informed. */
export function RolesTab() {
  const { canConfigure } = usePermissions();
  const list = useListParams(['personId'], 'name');
  const selected = useRecordParam('role');
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const roles = useQuery({
    queryKey: ['aims-roles', list.query],
    queryFn: async () => unwrap(await api.GET('/api/aims-roles', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Role>[] = [
    {
      key: 'name',
      label: 'Role',
      sort: 'name',
      render: (r) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={selected.href(r.id)}>
            {r.name}
          </Anchor>
          {r.aimsOwner && (
            <Badge color="grape" variant="light">
              AIMS owner
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'accountable',
      label: 'Accountable',
      render: (r) =>
        r.accountable ? (
          `${r.accountable.name}${r.accountable.active ? '' : ' (inactive)'}`
        ) : (
          <Text size="sm" c="red.8">
            Nobody
          </Text>
        ),
    },
    {
      key: 'responsible',
      label: 'Responsible',
      render: (r) =>
        r.assignments
          .filter((a) => a.raci === 'responsible')
          .map((a) => a.person.name)
          .join(', '),
    },
    { key: 'refs', label: 'ISO/IEC 42001', render: (r) => r.isoRefs.join(', ') },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <ListFilters
          list={list}
          filters={[{ param: 'personId', label: 'Person', placeholder: 'Anyone', kind: 'people' }]}
        />
        {canConfigure && <Button onClick={() => setEditing('new')}>New role</Button>}
      </Group>
      <ListTable
        label="AIMS roles"
        columns={columns}
        rows={roles.data?.items}
        total={roles.data?.total}
        rowKey={(r) => r.id}
        loading={roles.isFetching}
        error={roles.error}
        empty="No AIMS roles yet."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="role"
        queryKey="aims-roles"
        load={async (id) => unwrap(await api.GET('/api/aims-roles/{id}', { params: { path: { id } } }))}
        title={(r) => r.name}
      >
        {(r) => (
          <RoleDetails
            role={r}
            onEdit={canConfigure ? () => setEditing(r) : undefined}
            onDeleted={selected.close}
          />
        )}
      </RegisterDrawer>
      <RoleFormModal
        role={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
