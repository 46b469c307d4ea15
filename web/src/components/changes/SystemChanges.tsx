import { Anchor, Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { type Column, ListTable } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import { useLocalList } from '../registers/useLocalList.js';
import { CHANGE_STATUS_COLOURS } from './labels.js';

type Change = components['schemas']['ChangeRequest'];

const COLUMNS: Column<Change>[] = [
  {
    key: 'change',
    label: 'Change',
    render: (c) => (
      <Anchor component={Link} to={`/change-requests?change=${c.id}`}>
        {c.reference}: {c.title}
      </Anchor>
    ),
  },
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
  { key: 'implemented', label: 'Implemented', sort: 'implementedOn', render: (c) => c.implementedOn ?? '' },
];

/** The system's changelog: every change request raised on it, newest first. */
export function SystemChanges({ systemId }: { systemId: string }) {
  const list = useLocalList('-createdAt');
  const changes = useQuery({
    queryKey: ['change-requests', 'of-system', systemId, list.page, list.sort],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/change-requests', {
          params: { query: { ...list.query, sort: list.sort as 'status', aiSystemId: systemId } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <ListTable
      label="Changes to this system"
      columns={COLUMNS}
      rows={changes.data?.items}
      total={changes.data?.total}
      rowKey={(c) => c.id}
      loading={changes.isFetching}
      error={changes.error}
      empty="No change requests for this system."
      sort={list.sort}
      page={list.page}
      onChange={list.update}
    />
  );
}
