import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { type Column, ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { humanise } from '../registers/labels.js';
import { ConcernStatus } from './ConcernStatus.js';
import { type Concern, STATUS_OPTIONS, summary } from './labels.js';

type Query = NonNullable<paths['/api/concerns/mine']['get']['parameters']['query']>;

const columns: Column<Concern>[] = [
  { key: 'number', label: '#', sort: 'number', render: (c) => c.number },
  { key: 'description', label: 'Concern', render: (c) => summary(c.description) },
  { key: 'category', label: 'Category', render: (c) => humanise(c.category) },
  { key: 'reported', label: 'Reported', sort: 'createdAt', render: (c) => c.reportedOn },
  { key: 'status', label: 'Status', render: (c) => <ConcernStatus concern={c} /> },
  {
    key: 'resolution',
    label: 'Resolution',
    render: (c) =>
      c.status === 'closed' ? (
        c.resolution
      ) : (
        <Text size="sm" c="dimmed">
          {c.assignee ? `With ${c.assignee.name}, due ${c.dueOn}` : `Due ${c.dueOn}`}
        </Text>
      ),
  },
];

/** The concerns the signed-in person reported under their name, followed to closure. */
export function MyConcerns() {
  const list = useListParams(['status'], '-number');
  const mine = useQuery({
    queryKey: ['concerns', 'mine', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/concerns/mine', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <ListFilters
        list={list}
        filters={[{ param: 'status', label: 'Status', placeholder: 'Any status', options: STATUS_OPTIONS }]}
      />
      <ListTable
        label="My concerns"
        columns={columns}
        rows={mine.data?.items}
        total={mine.data?.total}
        rowKey={(c) => c.id}
        loading={mine.isFetching}
        error={mine.error}
        empty="You have not reported a concern under your name. Anonymous reports are not listed here."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </>
  );
}
