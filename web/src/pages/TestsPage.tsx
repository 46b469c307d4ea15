import { Anchor, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import {
  dateTime,
  SEVERITIES,
  SeverityBadge,
  TEST_STATUS_LABELS,
  TEST_STATUSES,
  TestStatusBadge,
} from '../components/monitoring/badges.js';
import { useListParams } from '../hooks/useListParams.js';

type Test = components['schemas']['Test'];
type Query = NonNullable<paths['/api/tests']['get']['parameters']['query']>;

const COLUMNS: Column<Test>[] = [
  {
    key: 'title',
    label: 'Test',
    sort: 'title',
    render: (t) => (
      <Anchor component={Link} to={`/tests/${encodeURIComponent(t.id)}`}>
        {t.title}
      </Anchor>
    ),
  },
  { key: 'status', label: 'Status', sort: 'status', render: (t) => <TestStatusBadge status={t.status} /> },
  {
    key: 'severity',
    label: 'Severity',
    sort: 'severity',
    render: (t) => <SeverityBadge severity={t.severity} />,
  },
  { key: 'type', label: 'Resource type', sort: 'resourceType', render: (t) => t.resourceType },
  {
    key: 'counts',
    label: 'Fail / pass',
    render: (t) => (
      <Text size="sm" span>
        {t.counts.fail ?? 0} / {t.counts.pass ?? 0}
      </Text>
    ),
  },
  { key: 'frameworks', label: 'Frameworks', render: (t) => t.frameworks.join(', ') },
  { key: 'lastRun', label: 'Last run', sort: 'lastRunAt', render: (t) => dateTime(t.lastRunAt) },
];

/** Every automated test with its live status; filters and search live in the URL. */
export function TestsPage() {
  const list = useListParams(['status', 'severity', 'framework', 'resourceType'], 'title');
  const { status, severity, framework, resourceType } = list.filters;
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: async () => unwrap(await api.GET('/api/frameworks')),
  });
  const types = useQuery({
    queryKey: ['resource-types'],
    queryFn: async () => unwrap(await api.GET('/api/resource-types')),
  });
  const query = useQuery({
    queryKey: ['tests', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/tests', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(status ? { status: status as Test['status'] } : {}),
              ...(severity ? { severity: severity as Test['severity'] } : {}),
              ...(framework ? { framework } : {}),
              ...(resourceType ? { resourceType } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <Stack>
      <Title order={2}>Tests</Title>
      <Group>
        <TextInput
          aria-label="Search"
          placeholder="Search"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Status"
          placeholder="Any status"
          clearable
          data={TEST_STATUSES.map((s) => ({ value: s, label: TEST_STATUS_LABELS[s] }))}
          value={status}
          onChange={(value) => list.update({ status: value })}
        />
        <Select
          aria-label="Severity"
          placeholder="Any severity"
          clearable
          data={SEVERITIES}
          value={severity}
          onChange={(value) => list.update({ severity: value })}
        />
        <Select
          aria-label="Framework"
          placeholder="Any framework"
          clearable
          data={(frameworks.data?.items ?? [])
            .filter((f) => f.inScope)
            .map((f) => ({ value: f.id, label: f.shortName }))}
          value={framework}
          onChange={(value) => list.update({ framework: value })}
        />
        <Select
          aria-label="Resource type"
          placeholder="Any resource type"
          clearable
          searchable
          data={(types.data ?? []).map((t) => t.type)}
          value={resourceType}
          onChange={(value) => list.update({ resourceType: value })}
        />
      </Group>
      <ListTable
        label="Tests"
        columns={COLUMNS}
        rows={query.data?.items}
        total={query.data?.total}
        rowKey={(t) => t.id}
        loading={query.isFetching}
        error={query.error}
        empty="No tests match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </Stack>
  );
}
