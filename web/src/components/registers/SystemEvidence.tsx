import { Anchor, Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { ExpiryBadge } from '../evidence/ExpiryBadge.js';
import { type Column, ListTable } from '../ListTable.js';
import { useLocalList } from './useLocalList.js';

type Evidence = components['schemas']['Evidence'];

const COLUMNS: Column<Evidence>[] = [
  {
    key: 'title',
    label: 'Evidence',
    sort: 'title',
    render: (e) => (
      <Anchor component={Link} to={`/evidence?evidence=${e.id}`}>
        {e.title}
      </Anchor>
    ),
  },
  {
    key: 'validity',
    label: 'Validity',
    sort: 'validUntil',
    render: (e) => <ExpiryBadge validUntil={e.validUntil} />,
  },
  {
    key: 'controls',
    label: 'Controls',
    render: (e) => (
      <Group gap={4}>
        {e.controlIds.map((c) => (
          <Badge key={c} variant="outline" color="gray.7" tt="none" miw="max-content">
            {c}
          </Badge>
        ))}
      </Group>
    ),
  },
  {
    key: 'version',
    label: 'Latest version',
    render: (e) => (e.latestVersion ? `v${e.latestVersion}` : 'none yet'),
  },
];

/** The evidence behind the controls that apply to one AI system. */
export function SystemEvidence({ systemId }: { systemId: string }) {
  const list = useLocalList('-updatedAt');
  const evidence = useQuery({
    queryKey: ['evidence', 'of-system', systemId, list.page, list.sort],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/evidence', {
          params: { query: { ...list.query, sort: list.sort as 'title', aiSystemId: systemId } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <ListTable
      label="Evidence for this system"
      columns={COLUMNS}
      rows={evidence.data?.items}
      total={evidence.data?.total}
      rowKey={(e) => e.id}
      loading={evidence.isFetching}
      error={evidence.error}
      empty="No evidence is attached to this system's controls."
      sort={list.sort}
      page={list.page}
      onChange={list.update}
    />
  );
}
