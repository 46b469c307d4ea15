import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { type Column, ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { humanise } from '../registers/labels.js';
import { RegisterDrawer, useRecordParam } from '../registers/RegisterDrawer.js';
import { ConcernDetails } from './ConcernDetails.js';
import { ConcernStatus } from './ConcernStatus.js';
import { CATEGORY_OPTIONS, type Concern, STATUS_OPTIONS, summary } from './labels.js';

type Query = NonNullable<paths['/api/concerns']['get']['parameters']['query']>;

/** Every concern, newest first, filtered in the URL; `?concern=<id>` opens one to handle it. */
export function ConcernRegister() {
  const list = useListParams(['status', 'category', 'overdue', 'aiSystemId', 'assigneeId'], '-number');
  const selected = useRecordParam('concern');
  const concerns = useQuery({
    queryKey: ['concerns', list.query],
    queryFn: async () => unwrap(await api.GET('/api/concerns', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Concern>[] = [
    { key: 'number', label: '#', sort: 'number', render: (c) => c.number },
    {
      key: 'description',
      label: 'Concern',
      render: (c) => (
        <Anchor component={Link} to={selected.href(c.id)}>
          {summary(c.description)}
        </Anchor>
      ),
    },
    { key: 'category', label: 'Category', sort: 'category', render: (c) => humanise(c.category) },
    { key: 'system', label: 'AI system', render: (c) => c.aiSystem?.name },
    {
      key: 'assignee',
      label: 'Assignee',
      render: (c) =>
        c.assignee?.name ?? (
          <Text size="sm" c="red.8">
            Unassigned
          </Text>
        ),
    },
    { key: 'status', label: 'Status', sort: 'status', render: (c) => <ConcernStatus concern={c} /> },
    { key: 'due', label: 'Due', sort: 'dueOn', render: (c) => c.dueOn },
  ];
  return (
    <>
      <ListFilters
        list={list}
        filters={[
          { param: 'status', label: 'Status', placeholder: 'Any status', options: STATUS_OPTIONS },
          { param: 'category', label: 'Category', placeholder: 'Any category', options: CATEGORY_OPTIONS },
          {
            param: 'overdue',
            label: 'Overdue',
            placeholder: 'Overdue or not',
            options: [
              { value: 'true', label: 'Overdue' },
              { value: 'false', label: 'Not overdue' },
            ],
          },
          { param: 'aiSystemId', label: 'AI system', placeholder: 'Any AI system', kind: 'ai-systems' },
          { param: 'assigneeId', label: 'Assignee', placeholder: 'Any assignee', kind: 'people' },
        ]}
      />
      <ListTable
        label="Concerns"
        columns={columns}
        rows={concerns.data?.items}
        total={concerns.data?.total}
        rowKey={(c) => c.id}
        loading={concerns.isFetching}
        error={concerns.error}
        empty="No concerns match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="concern"
        queryKey="concerns"
        load={async (id) => unwrap(await api.GET('/api/concerns/{id}', { params: { path: { id } } }))}
        title={(c) => `Concern #${c.number}`}
      >
        {(c) => <ConcernDetails concern={c} />}
      </RegisterDrawer>
    </>
  );
}
