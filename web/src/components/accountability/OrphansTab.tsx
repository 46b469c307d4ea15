import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { type Column, ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { ENTITY_LABELS, ENTITY_OPTIONS, type OwnedRecord, recordLink } from './labels.js';
import { ReassignModal } from './ReassignModal.js';

type Query = NonNullable<paths['/api/orphans']['get']['parameters']['query']>;

const columns: Column<OwnedRecord>[] = [
  {
    key: 'title',
    label: 'Record',
    sort: 'title',
    render: (r) => (
      <Anchor component={Link} to={recordLink(r)}>
        {r.title}
      </Anchor>
    ),
  },
  { key: 'type', label: 'Kind', sort: 'entityType', render: (r) => ENTITY_LABELS[r.entityType] },
  { key: 'owner', label: 'Former owner', sort: 'ownerName', render: (r) => r.ownerName },
];

/** Records still owned by people who left, grouped by former owner, each group handed over in one step. */
export function OrphansTab() {
  const { canConfigure } = usePermissions();
  const list = useListParams(['ownerId', 'entityType'], 'ownerName');
  const [reassigning, setReassigning] = useState<{ id: string; name: string } | null>(null);
  const orphans = useQuery({
    queryKey: ['orphans', list.query],
    queryFn: async () => unwrap(await api.GET('/api/orphans', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const owners = orphans.data?.byOwner ?? [];

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Records whose owner is no longer active. Give each former owner's records to their successor.
      </Text>
      {owners.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {owners.map((owner) => (
            <Card key={owner.personId} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text fw={600}>{owner.name}</Text>
                  <Text size="sm" c="dimmed">
                    {owner.count} record{owner.count === 1 ? '' : 's'} without an active owner
                  </Text>
                </Stack>
                <Badge color="red" variant="light">
                  {owner.count}
                </Badge>
              </Group>
              <Group mt="sm" gap="xs">
                <Button size="xs" variant="default" onClick={() => list.update({ ownerId: owner.personId })}>
                  Show only these
                </Button>
                {canConfigure && (
                  <Button size="xs" onClick={() => setReassigning({ id: owner.personId, name: owner.name })}>
                    Reassign…
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <ListFilters
        list={list}
        filters={[
          { param: 'ownerId', label: 'Former owner', placeholder: 'Any former owner', kind: 'people' },
          { param: 'entityType', label: 'Kind', placeholder: 'Any kind', options: ENTITY_OPTIONS },
        ]}
      />
      <ListTable
        label="Orphaned records"
        columns={columns}
        rows={orphans.data?.items}
        total={orphans.data?.total}
        rowKey={(r) => `${r.entityType}:${r.id}`}
        loading={orphans.isFetching}
        error={orphans.error}
        empty="No orphaned records: every owner is active."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <ReassignModal from={reassigning} onClose={() => setReassigning(null)} />
    </Stack>
  );
}
