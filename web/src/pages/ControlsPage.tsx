import { Anchor, Badge, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { CONTROL_STATUSES, OperatingBadge, StatusBadge } from '../components/controls/badges.js';
import { ControlDrawer } from '../components/controls/ControlDrawer.js';
import { LINK } from '../components/controls/colours.js';
import { usePeopleOptions } from '../components/evidence/options.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { useListParams } from '../hooks/useListParams.js';

type Control = components['schemas']['Control'];
type Query = NonNullable<paths['/api/controls']['get']['parameters']['query']>;

const DOMAINS: NonNullable<Query['domain']>[] = [
  'governance',
  'risk',
  'impact',
  'lifecycle',
  'data',
  'resources',
  'transparency',
  'third_party',
  'operations',
  'people',
  'monitoring',
  'improvement',
  'security',
  'documentation',
];
/** The control library as adopted by the organisation; `?control=<id>` opens a control's drawer. */
export function ControlsPage() {
  const list = useListParams(['domain', 'status', 'ownerId', 'frameworkId', 'adopted'], 'id');
  const { domain, status, ownerId, frameworkId, adopted } = list.filters;
  const [params, setParams] = useSearchParams();
  const selected = params.get('control');
  const people = usePeopleOptions();
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: async () => unwrap(await api.GET('/api/frameworks')),
  });
  const shortName = (fid: string) => frameworks.data?.items.find((f) => f.id === fid)?.shortName ?? fid;

  const query = useQuery({
    queryKey: ['controls', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/controls', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(domain ? { domain: domain as Query['domain'] } : {}),
              ...(status ? { status: status as Query['status'] } : {}),
              ...(ownerId ? { ownerId } : {}),
              ...(frameworkId ? { frameworkId: frameworkId as Query['frameworkId'] } : {}),
              ...(adopted ? { adopted: adopted as Query['adopted'] } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('control', id);
    else next.delete('control');
    setParams(next);
  };
  const hrefOf = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('control', id);
    return `?${next.toString()}`;
  };

  const columns: Column<Control>[] = [
    {
      key: 'id',
      label: 'ID',
      sort: 'id',
      render: (c) => (
        <Anchor c={LINK} component={Link} to={hrefOf(c.id)} onClick={(e) => e.stopPropagation()}>
          {c.id}
        </Anchor>
      ),
    },
    { key: 'name', label: 'Name', sort: 'name', render: (c) => c.name },
    { key: 'domain', label: 'Domain', sort: 'domain', render: (c) => c.domain },
    { key: 'status', label: 'Status', sort: 'status', render: (c) => <StatusBadge status={c.status} /> },
    { key: 'owner', label: 'Owner', render: (c) => c.owner?.name },
    {
      key: 'evidence',
      label: 'Evidence (valid / all)',
      render: (c) => `${c.validEvidenceCount} / ${c.evidenceCount}`,
    },
    { key: 'operating', label: 'Operating', render: (c) => <OperatingBadge control={c} /> },
    {
      key: 'frameworks',
      label: 'Frameworks',
      render: (c) => (
        <Group gap={4}>
          {c.frameworkIds.map((f) => (
            <Badge key={f} variant="outline" color="gray.7" tt="none" miw="max-content">
              {shortName(f)}
            </Badge>
          ))}
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={2}>Controls</Title>
      <Group>
        <TextInput
          aria-label="Search"
          placeholder="Search"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Domain"
          placeholder="Any domain"
          clearable
          data={DOMAINS}
          value={domain}
          onChange={(value) => list.update({ domain: value })}
        />
        <Select
          aria-label="Status"
          placeholder="Any status"
          clearable
          data={CONTROL_STATUSES}
          value={status}
          onChange={(value) => list.update({ status: value })}
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
          aria-label="Framework"
          placeholder="Any framework"
          clearable
          data={(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.shortName }))}
          value={frameworkId}
          onChange={(value) => list.update({ frameworkId: value })}
        />
        <Select
          aria-label="Adoption"
          placeholder="Adopted or not"
          clearable
          data={[
            { value: 'true', label: 'Adopted' },
            { value: 'false', label: 'Not adopted' },
          ]}
          value={adopted}
          onChange={(value) => list.update({ adopted: value })}
        />
      </Group>
      <ListTable
        label="Controls"
        columns={columns}
        rows={query.data?.items}
        total={query.data?.total}
        rowKey={(c) => c.id}
        loading={query.isFetching}
        error={query.error}
        empty="No controls match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
        onRowClick={(c) => open(c.id)}
      />
      <ControlDrawer id={selected} onClose={() => open(null)} />
    </Stack>
  );
}
