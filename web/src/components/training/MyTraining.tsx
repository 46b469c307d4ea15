import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { useRecordParam } from '../registers/RegisterDrawer.js';
import { assignmentColumns } from './assignment-columns.js';
import { STATUS_OPTIONS } from './status.js';

type Query = NonNullable<paths['/api/training-assignments/mine']['get']['parameters']['query']>;

/** The caller's own training: what is due, what is done; opening one shows its material and completion. */
export function MyTraining() {
  const list = useListParams(['status'], 'dueOn');
  const selected = useRecordParam('assignment');
  const mine = useQuery({
    queryKey: ['training-assignments', 'mine', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/training-assignments/mine', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Stack>
      <ListFilters
        list={list}
        filters={[{ param: 'status', label: 'Status', placeholder: 'Any status', options: STATUS_OPTIONS }]}
      />
      <ListTable
        label="My training"
        columns={assignmentColumns(selected.href, false)}
        rows={mine.data?.items}
        total={mine.data?.total}
        rowKey={(a) => a.id}
        loading={mine.isFetching}
        error={mine.error}
        empty="No training assigned to you."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </Stack>
  );
}
