import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { ChangeDetail } from '../components/changes/ChangeDetail.js';
import { CHANGE_STATUS_COLOURS, CHANGE_STATUSES, CHANGE_TYPES } from '../components/changes/labels.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions, humanise } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RegisterDrawer, useRecordParam } from '../components/registers/RegisterDrawer.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Change = components['schemas']['ChangeRequest'];
type Query = NonNullable<paths['/api/change-requests']['get']['parameters']['query']>;

/** Change requests on AI systems: raise, sign off, implement; `?change=<id>` opens one. */
export function ChangeRequestsPage() {
  const { canWrite } = usePermissions();
  const list = useListParams(['status', 'type', 'aiSystemId'], '-createdAt');
  const selected = useRecordParam('change');
  const [creating, setCreating] = useState(false);
  const changes = useQuery({
    queryKey: ['change-requests', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/change-requests', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Change>[] = [
    { key: 'reference', label: 'Reference', sort: 'reference', render: (c) => c.reference },
    {
      key: 'title',
      label: 'Change',
      render: (c) => (
        <Anchor href={selected.href(c.id)} onClick={(e) => e.stopPropagation()}>
          {c.title}
        </Anchor>
      ),
    },
    { key: 'system', label: 'AI system', render: (c) => c.aiSystemName },
    { key: 'type', label: 'Type', render: (c) => humanise(c.type) },
    {
      key: 'status',
      label: 'Status',
      sort: 'status',
      render: (c) => (
        <Badge color={CHANGE_STATUS_COLOURS[c.status]} autoContrast miw="max-content">
          {humanise(c.status)}
        </Badge>
      ),
    },
    {
      key: 'signoffs',
      label: 'Sign-offs',
      render: (c) =>
        c.signoffs.length === 0
          ? '—'
          : `${c.signoffs.filter((s) => s.decision === 'approve').length} of ${c.signoffs.length}`,
    },
    { key: 'implemented', label: 'Implemented', sort: 'implementedOn', render: (c) => c.implementedOn ?? '' },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Change requests</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>New change request</Button>}
      </Group>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'status',
            label: 'Status',
            placeholder: 'Any status',
            options: enumOptions(CHANGE_STATUSES),
          },
          { param: 'type', label: 'Type', placeholder: 'Any type', options: enumOptions(CHANGE_TYPES) },
          { param: 'aiSystemId', label: 'AI system', placeholder: 'Any AI system', kind: 'ai-systems' },
        ]}
      />
      <ListTable
        label="Change requests"
        columns={columns}
        rows={changes.data?.items}
        total={changes.data?.total}
        rowKey={(c) => c.id}
        loading={changes.isFetching}
        error={changes.error}
        empty="No change requests match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="change"
        queryKey="change-requests"
        load={async (id) => unwrap(await api.GET('/api/change-requests/{id}', { params: { path: { id } } }))}
        title={(c) => `${c.reference}: ${c.title}`}
      >
        {(c) => <ChangeDetail change={c} />}
      </RegisterDrawer>
      <RecordFormModal
        title="New change request"
        opened={creating}
        onClose={() => setCreating(false)}
        fields={[
          { name: 'aiSystemId', label: 'AI system', type: 'record', kind: 'ai-systems', required: true },
          {
            name: 'type',
            label: 'Type of change',
            type: 'select',
            options: enumOptions(CHANGE_TYPES),
            required: true,
          },
          { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
          { name: 'description', label: 'Description', type: 'textarea', wide: true },
          {
            name: 'material',
            label: 'Material change',
            type: 'switch',
            description: 'A material change makes the impact assessment due again once implemented.',
          },
        ]}
        defaults={{ material: true }}
        save={async (body) => unwrap(await api.POST('/api/change-requests', { body: body as never }))}
        invalidate={[['change-requests']]}
        savedMessage="Change request raised"
        submitLabel="Raise change request"
      />
    </Stack>
  );
}
