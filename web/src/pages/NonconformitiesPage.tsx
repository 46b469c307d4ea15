import { Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { ListTable } from '../components/ListTable.js';
import { NC_COLUMNS } from '../components/nonconformities/nc-columns.js';
import { NC_GRADES, NC_SOURCES, NC_STATUSES } from '../components/nonconformities/nc-fields.js';
import { RaiseNonconformityModal } from '../components/nonconformities/RaiseNonconformityModal.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions } from '../components/registers/labels.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Query = NonNullable<paths['/api/nonconformities']['get']['parameters']['query']>;

const YES_NO = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

/** The nonconformity register (10.2): what did not meet a requirement, and how far its correction is. */
export function NonconformitiesPage() {
  const { canWrite } = usePermissions();
  const navigate = useNavigate();
  const [raising, setRaising] = useState(false);
  const list = useListParams(
    ['status', 'grade', 'source', 'ownerId', 'overdue', 'needsEffectivenessCheck'],
    '-raisedOn',
  );
  const ncs = useQuery({
    queryKey: ['nonconformities', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/nonconformities', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Nonconformities</Title>
        {canWrite && <Button onClick={() => setRaising(true)}>Raise nonconformity</Button>}
      </Group>
      <ListFilters
        list={list}
        filters={[
          { param: 'status', label: 'Status', placeholder: 'Any status', options: enumOptions(NC_STATUSES) },
          { param: 'grade', label: 'Grade', placeholder: 'Any grade', options: enumOptions(NC_GRADES) },
          { param: 'source', label: 'Source', placeholder: 'Any source', options: enumOptions(NC_SOURCES) },
          {
            param: 'overdue',
            label: 'Overdue actions',
            placeholder: 'Overdue or not',
            options: YES_NO('With an overdue action', 'Nothing overdue'),
          },
          {
            param: 'needsEffectivenessCheck',
            label: 'Effectiveness check',
            placeholder: 'Any',
            options: YES_NO('Awaiting an effective check', 'Not awaiting a check'),
          },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
        ]}
      />
      <ListTable
        label="Nonconformities"
        columns={NC_COLUMNS}
        rows={ncs.data?.items}
        total={ncs.data?.total}
        rowKey={(n) => n.id}
        loading={ncs.isFetching}
        error={ncs.error}
        empty="No nonconformity matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RaiseNonconformityModal
        opened={raising}
        onClose={() => setRaising(false)}
        onSaved={(saved) => navigate(`/nonconformities/${saved.id}`)}
      />
    </Stack>
  );
}
