import { Badge, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components, paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { type Column, ListTable } from '../ListTable.js';
import { ContextIssueModal, ISSUE_CATEGORIES, ISSUE_EFFECTS, ISSUE_KINDS } from './ContextIssueForm.js';

type ContextIssue = components['schemas']['ContextIssue'];
type Query = NonNullable<paths['/api/scope/issues']['get']['parameters']['query']>;
const EFFECT_COLOURS = { risk: 'orange', opportunity: 'teal', neutral: 'gray' } as const;

/** Internal and external issues (ISO/IEC 42001 clause 4.1), filtered and paged on the server. */
export function ContextIssuesTab() {
  const { canWrite } = usePermissions();
  const list = useListParams(['kind', 'category', 'effect'], 'title');
  const { kind, category, effect } = list.filters;
  const [editing, setEditing] = useState<ContextIssue | 'new' | null>(null);
  const issues = useQuery({
    queryKey: ['context-issues', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/scope/issues', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(kind ? { kind: kind as ContextIssue['kind'] } : {}),
              ...(category ? { category: category as ContextIssue['category'] } : {}),
              ...(effect ? { effect: effect as ContextIssue['effect'] } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const columns: Column<ContextIssue>[] = [
    { key: 'title', label: 'Issue', sort: 'title', render: (i) => i.title },
    { key: 'kind', label: 'Kind', sort: 'kind', render: (i) => i.kind },
    { key: 'category', label: 'Category', sort: 'category', render: (i) => i.category },
    {
      key: 'effect',
      label: 'Effect',
      render: (i) => (
        <Badge miw="max-content" color={EFFECT_COLOURS[i.effect]}>
          {i.effect}
        </Badge>
      ),
    },
    { key: 'owner', label: 'Owner', render: (i) => i.owner?.name },
    ...(canWrite
      ? [
          {
            key: 'actions',
            label: 'Actions',
            render: (i: ContextIssue) => (
              <Button
                size="xs"
                variant="default"
                aria-label={`Edit ${i.title}`}
                onClick={() => setEditing(i)}
              >
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];
  const filter = (name: 'kind' | 'category' | 'effect', label: string, data: string[]) => (
    <Select
      aria-label={label}
      placeholder={`Any ${label.toLowerCase()}`}
      clearable
      data={data}
      value={list.filters[name]}
      onChange={(value) => list.update({ [name]: value })}
    />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <TextInput
            aria-label="Search issues"
            placeholder="Search"
            defaultValue={list.q}
            onChange={(e) => list.update({ q: e.currentTarget.value })}
          />
          {filter('kind', 'Kind', ISSUE_KINDS)}
          {filter('category', 'Category', ISSUE_CATEGORIES)}
          {filter('effect', 'Effect', ISSUE_EFFECTS)}
        </Group>
        {canWrite && <Button onClick={() => setEditing('new')}>New context issue</Button>}
      </Group>
      <ListTable
        label="Context issues"
        columns={columns}
        rows={issues.data?.items}
        total={issues.data?.total}
        rowKey={(i) => i.id}
        loading={issues.isFetching}
        error={issues.error}
        empty="No context issues match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      {editing && <ContextIssueModal issue={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
