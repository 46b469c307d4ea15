import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { LINK, PRIMARY } from '../components/controls/colours.js';
import { EvidenceDrawer } from '../components/evidence/EvidenceDrawer.js';
import { ExpiryBadge } from '../components/evidence/ExpiryBadge.js';
import { NewEvidenceModal } from '../components/evidence/NewEvidenceModal.js';
import { useControlOptions, usePeopleOptions } from '../components/evidence/options.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Evidence = components['schemas']['Evidence'];
type Query = NonNullable<paths['/api/evidence']['get']['parameters']['query']>;

/** The evidence register with expiry badges; `?evidence=<id>` opens an item's drawer (shareable). */
export function EvidencePage() {
  const { canWrite } = usePermissions();
  const list = useListParams(['kind', 'ownerId', 'controlId', 'expired'], '-updatedAt');
  const { kind, ownerId, controlId, expired } = list.filters;
  const [params, setParams] = useSearchParams();
  const selected = params.get('evidence');
  const [creating, setCreating] = useState(false);
  const people = usePeopleOptions();
  const controls = useControlOptions();

  const query = useQuery({
    queryKey: ['evidence', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/evidence', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(kind ? { kind: kind as Evidence['kind'] } : {}),
              ...(ownerId ? { ownerId } : {}),
              ...(controlId ? { controlId } : {}),
              ...(expired ? { staleOn: dayjs().format('YYYY-MM-DD') } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('evidence', id);
    else next.delete('evidence');
    setParams(next);
  };
  const hrefOf = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('evidence', id);
    return `?${next.toString()}`;
  };

  const columns: Column<Evidence>[] = [
    {
      key: 'title',
      label: 'Title',
      sort: 'title',
      render: (e) => (
        <Anchor c={LINK} component={Link} to={hrefOf(e.id)} onClick={(event) => event.stopPropagation()}>
          {e.title}
        </Anchor>
      ),
    },
    { key: 'kind', label: 'Kind', render: (e) => e.kind },
    {
      key: 'validity',
      label: 'Validity',
      sort: 'validUntil',
      render: (e) => <ExpiryBadge validUntil={e.validUntil} />,
    },
    { key: 'owner', label: 'Owner', render: (e) => e.owner?.name },
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
    { key: 'collected', label: 'Collected', sort: 'collectedAt', render: (e) => e.collectedAt?.slice(0, 10) },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Evidence</Title>
        {canWrite && (
          <Button color={PRIMARY} onClick={() => setCreating(true)}>
            New evidence
          </Button>
        )}
      </Group>
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
          data={['file', 'link', 'note']}
          value={kind}
          onChange={(value) => list.update({ kind: value })}
        />
        <Select
          aria-label="Owner"
          placeholder="Any owner"
          clearable
          searchable
          data={people}
          value={ownerId}
          onChange={(value) => list.update({ ownerId: value })}
        />
        <Select
          aria-label="Control"
          placeholder="Any control"
          clearable
          searchable
          data={controls}
          value={controlId}
          onChange={(value) => list.update({ controlId: value })}
        />
        <Checkbox
          label="Expired only"
          checked={expired !== null}
          onChange={(e) => list.update({ expired: e.currentTarget.checked ? '1' : null })}
        />
      </Group>
      <ListTable
        label="Evidence"
        columns={columns}
        rows={query.data?.items}
        total={query.data?.total}
        rowKey={(e) => e.id}
        loading={query.isFetching}
        error={query.error}
        empty="No evidence matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
        onRowClick={(e) => open(e.id)}
      />
      <NewEvidenceModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          open(created.id);
        }}
      />
      <EvidenceDrawer id={selected} onClose={() => open(null)} />
    </Stack>
  );
}
