import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import type { RequestBody } from '../components/registers/api-types.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions, humanise } from '../components/registers/labels.js';
import { RecordDetails } from '../components/registers/RecordDetails.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RegisterDrawer, useRecordParam } from '../components/registers/RegisterDrawer.js';
import {
  CRITICALITY,
  DPA_STATUS,
  REVIEW_STATUS,
  VENDOR_DEFAULTS,
  VENDOR_FIELDS,
} from '../components/registers/vendor-fields.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Vendor = components['schemas']['Vendor'];
type Query = NonNullable<paths['/api/vendors']['get']['parameters']['query']>;

const CRITICALITY_COLOURS: Record<string, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};
const REVIEW_COLOURS: Record<string, string> = {
  never_reviewed: 'gray',
  overdue: 'red',
  due_soon: 'yellow',
  current: 'teal',
};

/** The vendor register: suppliers of models, data and AI services, with their review cadence. */
export function VendorsPage() {
  const { canWrite, canEdit } = usePermissions();
  const list = useListParams(['criticality', 'dpaStatus', 'reviewStatus', 'ownerId'], 'name');
  const selected = useRecordParam('vendor');
  const [editing, setEditing] = useState<Vendor | 'new' | null>(null);
  const vendors = useQuery({
    queryKey: ['vendors', list.query],
    queryFn: async () => unwrap(await api.GET('/api/vendors', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Vendor>[] = [
    {
      key: 'name',
      label: 'Name',
      sort: 'name',
      render: (v) => (
        <Anchor component={Link} to={selected.href(v.id)}>
          {v.name}
        </Anchor>
      ),
    },
    {
      key: 'criticality',
      label: 'Criticality',
      sort: 'criticality',
      render: (v) => (
        <Badge miw="max-content" color={CRITICALITY_COLOURS[v.criticality]}>
          {v.criticality}
        </Badge>
      ),
    },
    { key: 'dpa', label: 'DPA', render: (v) => humanise(v.dpaStatus) },
    { key: 'contract', label: 'Contract', render: (v) => humanise(v.contractStatus) },
    {
      key: 'review',
      label: 'Review',
      render: (v) => (
        <Badge miw="max-content" variant="light" color={REVIEW_COLOURS[v.reviewStatus]}>
          {humanise(v.reviewStatus)}
        </Badge>
      ),
    },
    { key: 'due', label: 'Next review', sort: 'nextReviewDue', render: (v) => v.nextReviewDue },
    { key: 'owner', label: 'Owner', render: (v) => v.owner?.name },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Vendors</Title>
        {canWrite && <Button onClick={() => setEditing('new')}>New vendor</Button>}
      </Group>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'criticality',
            label: 'Criticality',
            placeholder: 'Any criticality',
            options: enumOptions(CRITICALITY),
          },
          {
            param: 'dpaStatus',
            label: 'DPA status',
            placeholder: 'Any DPA status',
            options: enumOptions(DPA_STATUS),
          },
          {
            param: 'reviewStatus',
            label: 'Review status',
            placeholder: 'Any review status',
            options: enumOptions(REVIEW_STATUS),
          },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
        ]}
      />
      <ListTable
        label="Vendors"
        columns={columns}
        rows={vendors.data?.items}
        total={vendors.data?.total}
        rowKey={(v) => v.id}
        loading={vendors.isFetching}
        error={vendors.error}
        empty="No vendors match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="vendor"
        queryKey="vendors"
        load={async (id) => unwrap(await api.GET('/api/vendors/{id}', { params: { path: { id } } }))}
        title={(v) => v.name}
      >
        {(v) => (
          <RecordDetails
            fields={VENDOR_FIELDS}
            record={v}
            entityType="vendor"
            systems={v.aiSystemIds}
            onEdit={canEdit(v.ownerId) ? () => setEditing(v) : undefined}
          />
        )}
      </RegisterDrawer>
      <RecordFormModal
        title={editing === 'new' ? 'New vendor' : `Edit ${editing?.name ?? ''}`}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={VENDOR_FIELDS}
        record={editing === 'new' ? null : editing}
        defaults={VENDOR_DEFAULTS}
        save={async (body) =>
          editing === 'new' || !editing
            ? unwrap(await api.POST('/api/vendors', { body: body as RequestBody<'/api/vendors', 'post'> }))
            : unwrap(
                await api.PATCH('/api/vendors/{id}', {
                  params: { path: { id: editing.id } },
                  body: body as RequestBody<'/api/vendors/{id}', 'patch'>,
                }),
              )
        }
        invalidate={[['vendors'], ['ai-systems'], ['trail']]}
        savedMessage="Vendor saved"
        submitLabel={editing === 'new' ? 'Create vendor' : 'Save'}
      />
    </Stack>
  );
}
