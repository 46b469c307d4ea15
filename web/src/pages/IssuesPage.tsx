import { Anchor, Badge, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { date, SEVERITIES, SeverityBadge } from '../components/monitoring/badges.js';
import { IssueDrawer } from '../components/monitoring/IssueDrawer.js';
import { IssueStatusBadges } from '../components/monitoring/IssueStatusBadges.js';
import { usePeopleOptions } from '../components/monitoring/usePeople.js';
import { useListParams } from '../hooks/useListParams.js';

type Issue = components['schemas']['Issue'];
type Query = NonNullable<paths['/api/issues']['get']['parameters']['query']>;

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'Open and resolved' },
];

function columns(open: (issue: Issue) => void): Column<Issue>[] {
  return [
    { key: 'number', label: '#', sort: 'number', render: (i) => i.number },
    {
      key: 'title',
      label: 'Issue',
      render: (i) => (
        <Anchor
          component="button"
          type="button"
          ta="left"
          size="sm"
          onClick={(event) => {
            event.stopPropagation();
            open(i);
          }}
        >
          {i.title}
        </Anchor>
      ),
    },
    {
      key: 'severity',
      label: 'Severity',
      sort: 'severity',
      render: (i) => <SeverityBadge severity={i.severity} />,
    },
    {
      key: 'owner',
      label: 'Owner',
      render: (i) =>
        i.owner?.name ?? (
          <Text c="dimmed" size="sm">
            Unassigned
          </Text>
        ),
    },
    {
      key: 'due',
      label: 'Due',
      sort: 'dueAt',
      render: (i) => (
        <Text size="sm" style={NOWRAP}>
          {date(i.dueAt)}
        </Text>
      ),
    },
    {
      key: 'opened',
      label: 'Opened',
      sort: 'openedAt',
      render: (i) => (
        <Text size="sm" style={NOWRAP}>
          {date(i.openedAt)}
        </Text>
      ),
    },
    {
      key: 'status',
      label: 'Status',
      render: (i) => (
        <Group gap={4} wrap="nowrap">
          <IssueStatusBadges issue={i} />
        </Group>
      ),
    },
  ];
}

/** Issues opened by failing tests, soonest due first; a drawer (?issue=) shows and edits one. */
export function IssuesPage() {
  const list = useListParams(['status', 'overdue', 'severity', 'ownerId'], 'dueAt');
  const [params, setParams] = useSearchParams();
  const people = usePeopleOptions();
  const { status, overdue, severity, ownerId } = list.filters;
  const effectiveStatus = status ?? 'open';
  const selected = params.get('issue');
  const query = useQuery({
    queryKey: ['issues', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/issues', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(effectiveStatus !== 'all' ? { status: effectiveStatus as Issue['status'] } : {}),
              ...(overdue === 'true' ? { overdue: 'true' as const } : {}),
              ...(severity ? { severity: severity as Issue['severity'] } : {}),
              ...(ownerId ? { ownerId } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  // The drawer's id is one more URL parameter; opening it keeps the list's page.
  const setIssue = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('issue', id);
    else next.delete('issue');
    setParams(next, { replace: !id });
  };

  return (
    <Stack>
      <Title order={2}>Issues</Title>
      <Group>
        <TextInput
          aria-label="Search"
          placeholder="Search"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Status"
          allowDeselect={false}
          data={STATUS_OPTIONS}
          value={effectiveStatus}
          onChange={(value) => list.update({ status: value === 'open' ? null : value })}
        />
        <Select
          aria-label="Overdue"
          allowDeselect={false}
          data={[
            { value: 'any', label: 'Overdue or not' },
            { value: 'true', label: 'Overdue only' },
          ]}
          value={overdue === 'true' ? 'true' : 'any'}
          onChange={(value) => list.update({ overdue: value === 'true' ? 'true' : null })}
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
          aria-label="Owner"
          placeholder="Any owner"
          clearable
          searchable
          data={people}
          value={ownerId}
          onChange={(value) => list.update({ ownerId: value })}
        />
      </Group>
      {overdue === 'true' && <Badge color="red.9">Showing overdue issues only</Badge>}
      <ListTable
        label="Issues"
        columns={columns((i) => setIssue(i.id))}
        rows={query.data?.items}
        total={query.data?.total}
        rowKey={(i) => i.id}
        loading={query.isFetching}
        error={query.error}
        empty="No issues match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
        onRowClick={(i) => setIssue(i.id)}
      />
      <IssueDrawer issueId={selected} onClose={() => setIssue(null)} />
    </Stack>
  );
}
