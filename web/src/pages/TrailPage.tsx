import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Code,
  Group,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { Timestamp } from '../components/settings/Timestamp.js';
import { ACTION_COLOURS, TrailEntryDrawer } from '../components/settings/TrailEntryDrawer.js';
import { VerifyChain } from '../components/settings/VerifyChain.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type TrailEntry = components['schemas']['TrailEntry'];
type Query = NonNullable<paths['/api/trail']['get']['parameters']['query']>;
const FILTERS = ['entityType', 'entityId', 'actorId', 'action', 'since'] as const;
const ENTITY_TYPES = [
  'ai_system',
  'api_token',
  'context_issue',
  'control',
  'coverage_confirmation',
  'dataset',
  'evidence',
  'framework',
  'integration',
  'integration_batch',
  'interested_party',
  'issue',
  'issue_comment',
  'person',
  'risk',
  'scope',
  'setting',
  'soa_row',
  'soa_version',
  'test',
  'test_exclusion',
  'user',
  'vendor',
];

/** The tamper-evident audit trail: server-paged, every filter the API has kept in the URL, a detail drawer. */
export function TrailPage() {
  const { canRead, role } = usePermissions();
  const list = useListParams(FILTERS, '-seq');
  const { entityType, entityId, actorId, action, since } = list.filters;
  const [selected, setSelected] = useState<TrailEntry | null>(null);
  const trail = useQuery({
    queryKey: ['trail', list.query],
    enabled: canRead,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/trail', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(entityType ? { entityType } : {}),
              ...(entityId?.trim() ? { entityId: entityId.trim() } : {}),
              ...(actorId ? { actorId } : {}),
              ...(action ? { action: action as TrailEntry['action'] } : {}),
              // The day starts at local midnight, sent as UTC like the trail's own timestamps.
              ...(since ? { since: dayjs(since).startOf('day').toISOString() } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  if (!canRead) {
    return (
      <Stack>
        <Title order={2}>Audit trail</Title>
        <Alert color="gray">Your role ({role}) cannot read the audit trail.</Alert>
      </Stack>
    );
  }

  const columns: Column<TrailEntry>[] = [
    { key: 'seq', label: '#', sort: 'seq', render: (e) => e.seq },
    { key: 'time', label: 'Time', sort: 'occurredAt', render: (e) => <Timestamp value={e.occurredAt} /> },
    { key: 'actor', label: 'Actor', render: (e) => e.actor.label },
    { key: 'type', label: 'Entity type', render: (e) => e.entityType },
    { key: 'id', label: 'Entity id', render: (e) => <Code>{e.entityId}</Code> },
    {
      key: 'action',
      label: 'Action',
      render: (e) => (
        <Badge miw="max-content" color={ACTION_COLOURS[e.action]}>
          {e.action}
        </Badge>
      ),
    },
    {
      key: 'details',
      label: 'Details',
      render: (e) => (
        <Button
          size="xs"
          variant="subtle"
          aria-label={`Details of entry ${e.seq}`}
          onClick={() => setSelected(e)}
        >
          Details
        </Button>
      ),
    },
  ];
  const types =
    entityType && !ENTITY_TYPES.includes(entityType) ? [entityType, ...ENTITY_TYPES] : ENTITY_TYPES;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>Audit trail</Title>
        <VerifyChain />
      </Group>
      <Group align="flex-end">
        <TextInput
          aria-label="Search actor or entity type"
          placeholder="Search actor or type"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Entity type"
          placeholder="Any entity type"
          searchable
          clearable
          data={types}
          value={entityType}
          onChange={(value) => list.update({ entityType: value })}
        />
        <Select
          aria-label="Action"
          placeholder="Any action"
          clearable
          data={['create', 'update', 'delete']}
          value={action}
          onChange={(value) => list.update({ action: value })}
        />
        <DateInput
          aria-label="Since"
          placeholder="Since (date)"
          clearable
          valueFormat="YYYY-MM-DD"
          value={since}
          onChange={(value) => list.update({ since: value })}
        />
        <TextInput
          aria-label="Entity id"
          placeholder="Entity id"
          value={entityId ?? ''}
          onChange={(e) => list.update({ entityId: e.currentTarget.value })}
        />
      </Group>
      {actorId && (
        <Group gap="xs">
          <Badge variant="light" size="lg">
            Changes by {trail.data?.items[0]?.actor.label ?? actorId}
          </Badge>
          <CloseButton aria-label="Clear actor filter" onClick={() => list.update({ actorId: null })} />
        </Group>
      )}
      <ListTable
        label="Audit trail"
        columns={columns}
        rows={trail.data?.items}
        total={trail.data?.total}
        rowKey={(e) => String(e.seq)}
        loading={trail.isFetching}
        error={trail.error}
        empty="No trail entries match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <TrailEntryDrawer
        entry={selected}
        onClose={() => setSelected(null)}
        onFilter={(changes) => {
          setSelected(null);
          list.update(changes);
        }}
      />
    </Stack>
  );
}
