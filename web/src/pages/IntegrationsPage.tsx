import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { dateTime, HealthBadge } from '../components/monitoring/badges.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Integration = components['schemas']['Integration'];
type SyncResult = components['schemas']['SyncResult'];
type Query = NonNullable<paths['/api/integrations']['get']['parameters']['query']>;
const KINDS: Integration['kind'][] = ['aims', 'git', 'prometheus', 'push', 'csv'];

const COLUMNS: Column<Integration>[] = [
  { key: 'name', label: 'Name', sort: 'name', render: (i) => i.name },
  { key: 'kind', label: 'Kind', sort: 'kind', render: (i) => i.kind },
  { key: 'health', label: 'Health', render: (i) => <HealthBadge status={i.health.status} /> },
  {
    key: 'error',
    label: 'Last error',
    render: (i) =>
      i.health.lastError ? (
        <Text size="sm" maw={360}>
          {i.health.lastError}
        </Text>
      ) : (
        '—'
      ),
  },
  { key: 'resources', label: 'Resources', render: (i) => i.resourceCount },
  { key: 'lastSync', label: 'Last sync', render: (i) => dateTime(i.health.lastSyncAt) },
  { key: 'nextSync', label: 'Next sync', render: (i) => (i.enabled ? dateTime(i.nextSyncAt) : 'Disabled') },
];

/** Where monitored resources come from, and whether each source is healthy; managers can sync now. */
export function IntegrationsPage() {
  const { canConfigure } = usePermissions();
  const client = useQueryClient();
  const list = useListParams(['kind'], 'name');
  const { kind } = list.filters;
  const query = useQuery({
    queryKey: ['integrations', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/integrations', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(kind ? { kind: kind as Integration['kind'] } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const sync = useMutation({
    mutationFn: async (integration: Integration): Promise<SyncResult & { name: string }> => ({
      ...unwrap(await api.POST('/api/integrations/{id}/sync', { params: { path: { id: integration.id } } })),
      name: integration.name,
    }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['integrations'] });
      await client.invalidateQueries({ queryKey: ['tests'] });
      await client.invalidateQueries({ queryKey: ['issues'] });
    },
  });
  const columns: Column<Integration>[] = canConfigure
    ? [
        ...COLUMNS,
        {
          key: 'sync',
          label: 'Action',
          render: (i) => (
            <Button
              size="xs"
              variant="default"
              aria-label={`Sync now: ${i.name}`}
              loading={sync.isPending && sync.variables?.id === i.id}
              onClick={() => sync.mutate(i)}
            >
              Sync now
            </Button>
          ),
        },
      ]
    : COLUMNS;
  const result = sync.data;

  return (
    <Stack>
      <Title order={2}>Integrations</Title>
      <Group>
        <TextInput
          aria-label="Search"
          placeholder="Search"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Kind"
          placeholder="Any kind"
          clearable
          data={KINDS}
          value={kind}
          onChange={(value) => list.update({ kind: value })}
        />
      </Group>
      {result?.ok && (
        <Alert variant="default" title={`${result.name} synced`} role="status">
          Collected {result.collected ?? 0} resources: {result.changed} changed, {result.removed} removed;{' '}
          {result.testsRun} tests re-run.
        </Alert>
      )}
      {result && !result.ok && (
        <Alert variant="filled" color="red.9" title={`${result.name} failed to sync`} role="status">
          {result.error}
        </Alert>
      )}
      {sync.error && (
        <Alert variant="filled" color="red.9" title="Sync failed">
          {sync.error.message}
        </Alert>
      )}
      <ListTable
        label="Integrations"
        columns={columns}
        rows={query.data?.items}
        total={query.data?.total}
        rowKey={(i) => i.id}
        loading={query.isFetching}
        error={query.error}
        empty="No integrations yet."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </Stack>
  );
}
