import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import type { RequestBody } from '../components/registers/api-types.js';
import { DATASET_FIELDS } from '../components/registers/dataset-fields.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { RecordDetails } from '../components/registers/RecordDetails.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RegisterDrawer, useRecordParam } from '../components/registers/RegisterDrawer.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Dataset = components['schemas']['Dataset'];
type Query = NonNullable<paths['/api/datasets']['get']['parameters']['query']>;

/** The dataset register: what data trains, tests and feeds the AI systems, and whose personal data it is. */
export function DatasetsPage() {
  const { canWrite, canEdit } = usePermissions();
  const list = useListParams(['containsPersonalData', 'ownerId'], 'name');
  const selected = useRecordParam('dataset');
  const [editing, setEditing] = useState<Dataset | 'new' | null>(null);
  const datasets = useQuery({
    queryKey: ['datasets', list.query],
    queryFn: async () => unwrap(await api.GET('/api/datasets', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Dataset>[] = [
    {
      key: 'name',
      label: 'Name',
      sort: 'name',
      render: (d) => (
        <Anchor component={Link} to={selected.href(d.id)}>
          {d.name}
        </Anchor>
      ),
    },
    { key: 'source', label: 'Source', sort: 'source', render: (d) => d.source },
    {
      key: 'personal',
      label: 'Personal data',
      render: (d) =>
        d.containsPersonalData ? (
          <Group gap={4}>
            {d.personalDataCategories.map((c) => (
              <Badge miw="max-content" key={c} color="grape" variant="light">
                {c}
              </Badge>
            ))}
          </Group>
        ) : (
          'None'
        ),
    },
    { key: 'records', label: 'Records', sort: 'recordCount', render: (d) => d.recordCount?.toLocaleString() },
    { key: 'systems', label: 'AI systems', render: (d) => d.aiSystemIds.length },
    { key: 'owner', label: 'Owner', render: (d) => d.owner?.name },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Datasets</Title>
        {canWrite && <Button onClick={() => setEditing('new')}>New dataset</Button>}
      </Group>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'containsPersonalData',
            label: 'Personal data',
            placeholder: 'With or without personal data',
            options: [
              { value: 'true', label: 'Contains personal data' },
              { value: 'false', label: 'No personal data' },
            ],
          },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
        ]}
      />
      <ListTable
        label="Datasets"
        columns={columns}
        rows={datasets.data?.items}
        total={datasets.data?.total}
        rowKey={(d) => d.id}
        loading={datasets.isFetching}
        error={datasets.error}
        empty="No datasets match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="dataset"
        queryKey="datasets"
        load={async (id) => unwrap(await api.GET('/api/datasets/{id}', { params: { path: { id } } }))}
        title={(d) => d.name}
      >
        {(d) => (
          <RecordDetails
            fields={DATASET_FIELDS}
            record={d}
            entityType="dataset"
            systems={d.aiSystemIds}
            onEdit={canEdit(d.ownerId) ? () => setEditing(d) : undefined}
          />
        )}
      </RegisterDrawer>
      <RecordFormModal
        title={editing === 'new' ? 'New dataset' : `Edit ${editing?.name ?? ''}`}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={DATASET_FIELDS}
        record={editing === 'new' ? null : editing}
        save={async (body) =>
          editing === 'new' || !editing
            ? unwrap(await api.POST('/api/datasets', { body: body as RequestBody<'/api/datasets', 'post'> }))
            : unwrap(
                await api.PATCH('/api/datasets/{id}', {
                  params: { path: { id: editing.id } },
                  body: body as RequestBody<'/api/datasets/{id}', 'patch'>,
                }),
              )
        }
        invalidate={[['datasets'], ['ai-systems'], ['trail']]}
        savedMessage="Dataset saved"
        submitLabel={editing === 'new' ? 'Create dataset' : 'Save'}
      />
    </Stack>
  );
}
