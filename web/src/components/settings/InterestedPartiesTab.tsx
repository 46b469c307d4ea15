import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components, paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { type Column, ListTable } from '../ListTable.js';
import { InterestedPartyModal, PARTY_CATEGORIES, partyCategoryLabel } from './InterestedPartyForm.js';

type InterestedParty = components['schemas']['InterestedParty'];
type Query = NonNullable<paths['/api/scope/interested-parties']['get']['parameters']['query']>;

/** Interested parties and their needs and expectations (ISO/IEC 42001 clause 4.2). */
export function InterestedPartiesTab() {
  const { canWrite } = usePermissions();
  const list = useListParams(['category'], 'name');
  const { category } = list.filters;
  const [editing, setEditing] = useState<InterestedParty | 'new' | null>(null);
  const parties = useQuery({
    queryKey: ['interested-parties', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/scope/interested-parties', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(category ? { category: category as InterestedParty['category'] } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const columns: Column<InterestedParty>[] = [
    { key: 'name', label: 'Party', sort: 'name', render: (p) => p.name },
    { key: 'category', label: 'Category', sort: 'category', render: (p) => partyCategoryLabel(p.category) },
    {
      key: 'needs',
      label: 'Needs',
      render: (p) => (
        <Text size="sm" lineClamp={2} maw={420}>
          {p.needs}
        </Text>
      ),
    },
    { key: 'owner', label: 'Owner', render: (p) => p.owner?.name },
    ...(canWrite
      ? [
          {
            key: 'actions',
            label: 'Actions',
            render: (p: InterestedParty) => (
              <Button size="xs" variant="default" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <TextInput
            aria-label="Search interested parties"
            placeholder="Search"
            defaultValue={list.q}
            onChange={(e) => list.update({ q: e.currentTarget.value })}
          />
          <Select
            aria-label="Category"
            placeholder="Any category"
            clearable
            data={PARTY_CATEGORIES.map((c) => ({ value: c, label: partyCategoryLabel(c) }))}
            value={category}
            onChange={(value) => list.update({ category: value })}
          />
        </Group>
        {canWrite && <Button onClick={() => setEditing('new')}>New interested party</Button>}
      </Group>
      <ListTable
        label="Interested parties"
        columns={columns}
        rows={parties.data?.items}
        total={parties.data?.total}
        rowKey={(p) => p.id}
        loading={parties.isFetching}
        error={parties.error}
        empty="No interested parties match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      {editing && <InterestedPartyModal party={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
