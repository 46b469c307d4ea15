import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { OwnedRecords } from '../components/accountability/OwnedRecords.js';
import { type Column, ListTable } from '../components/ListTable.js';
import type { RequestBody } from '../components/registers/api-types.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { PERSON_DEFAULTS, PERSON_FIELDS } from '../components/registers/person-fields.js';
import { RecordDetails } from '../components/registers/RecordDetails.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RegisterDrawer, useRecordParam } from '../components/registers/RegisterDrawer.js';
import { useRecords } from '../components/registers/useRecords.js';
import { showSaved } from '../hooks/useApiForm.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Person = components['schemas']['Person'];
type Query = NonNullable<paths['/api/people']['get']['parameters']['query']>;

const patchPerson = async (id: string, body: RequestBody<'/api/people/{id}', 'patch'>) =>
  unwrap(await api.PATCH('/api/people/{id}', { params: { path: { id } }, body }));

/** Switches a person between active and inactive (people leave; their records keep their name). */
function ActiveToggle({ person }: { person: Person }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => patchPerson(person.id, { active: !person.active }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['people'] }),
        client.invalidateQueries({ queryKey: ['trail'] }),
      ]);
      showSaved(person.active ? `${person.name} deactivated` : `${person.name} reactivated`);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }),
  });
  return (
    <Button
      variant="light"
      color={person.active ? 'red' : 'teal'}
      loading={toggle.isPending}
      onClick={() => toggle.mutate()}
    >
      {person.active ? 'Deactivate' : 'Reactivate'}
    </Button>
  );
}

/** The people register: owners, approvers and managers (with or without a login). */
export function PeoplePage() {
  const { canConfigure } = usePermissions();
  const list = useListParams(['active', 'department'], 'name');
  const selected = useRecordParam('person');
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const everyone = useRecords('people');
  const departments = [...new Set((everyone.data ?? []).map((p) => p.department).filter((d) => !!d))]
    .sort()
    .map((d) => ({ value: d as string, label: d as string }));
  const people = useQuery({
    queryKey: ['people', list.query],
    queryFn: async () => unwrap(await api.GET('/api/people', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Person>[] = [
    {
      key: 'name',
      label: 'Name',
      sort: 'name',
      render: (p) => (
        <Anchor component={Link} to={selected.href(p.id)}>
          {p.name}
        </Anchor>
      ),
    },
    { key: 'email', label: 'Email', sort: 'email', render: (p) => p.email },
    { key: 'job', label: 'Job title', sort: 'jobTitle', render: (p) => p.jobTitle },
    { key: 'department', label: 'Department', sort: 'department', render: (p) => p.department },
    { key: 'manager', label: 'Manager', render: (p) => p.manager?.name },
    {
      key: 'status',
      label: 'Status',
      render: (p) => (
        <Group gap={4}>
          <Badge miw="max-content" variant="light" color={p.active ? 'teal' : 'gray'}>
            {p.active ? 'Active' : 'Inactive'}
          </Badge>
          {p.hasLogin && <Badge variant="outline">Login</Badge>}
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>People</Title>
        {canConfigure && <Button onClick={() => setEditing('new')}>New person</Button>}
      </Group>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'active',
            label: 'Status',
            placeholder: 'Active or inactive',
            options: [
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Inactive' },
            ],
          },
          { param: 'department', label: 'Department', placeholder: 'Any department', options: departments },
        ]}
      />
      <ListTable
        label="People"
        columns={columns}
        rows={people.data?.items}
        total={people.data?.total}
        rowKey={(p) => p.id}
        loading={people.isFetching}
        error={people.error}
        empty="No people match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="person"
        queryKey="people"
        load={async (id) => unwrap(await api.GET('/api/people/{id}', { params: { path: { id } } }))}
        title={(p) => p.name}
      >
        {(p) => (
          <>
            <RecordDetails
              fields={PERSON_FIELDS}
              record={p}
              entityType="person"
              onEdit={canConfigure ? () => setEditing(p) : undefined}
              actions={canConfigure && <ActiveToggle person={p} />}
            />
            <OwnedRecords person={p} />
          </>
        )}
      </RegisterDrawer>
      <RecordFormModal
        title={editing === 'new' ? 'New person' : `Edit ${editing?.name ?? ''}`}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={PERSON_FIELDS}
        record={editing === 'new' ? null : editing}
        defaults={PERSON_DEFAULTS}
        save={async (body) =>
          editing === 'new' || !editing
            ? unwrap(await api.POST('/api/people', { body: body as RequestBody<'/api/people', 'post'> }))
            : patchPerson(editing.id, body as RequestBody<'/api/people/{id}', 'patch'>)
        }
        invalidate={[['people'], ['trail']]}
        savedMessage="Person saved"
        submitLabel={editing === 'new' ? 'Create person' : 'Save'}
      />
    </Stack>
  );
}
