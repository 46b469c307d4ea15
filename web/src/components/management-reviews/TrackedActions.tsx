import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { useListParams } from '../../hooks/useListParams.js';
import { ListTable } from '../ListTable.js';
import { ListFilters } from '../registers/ListFilters.js';
import { enumOptions } from '../registers/labels.js';
import { ACTION_COLUMNS } from './review-columns.js';
import { OUTPUT_KINDS, OUTPUT_STATUSES } from './review-fields.js';

type Query = NonNullable<paths['/api/management-reviews/actions']['get']['parameters']['query']>;

/** Every tracked action of every review: the follow-up the next review starts from. */
export function TrackedActions() {
  const list = useListParams(['status', 'kind', 'ownerId', 'overdue'], 'dueDate');
  const actions = useQuery({
    queryKey: ['management-reviews', 'actions', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/management-reviews/actions', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'status',
            label: 'Status',
            placeholder: 'Any status',
            options: enumOptions(OUTPUT_STATUSES),
          },
          { param: 'kind', label: 'Kind', placeholder: 'Any kind', options: enumOptions(OUTPUT_KINDS) },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
          {
            param: 'overdue',
            label: 'Overdue',
            placeholder: 'Overdue or not',
            options: [
              { value: 'true', label: 'Overdue' },
              { value: 'false', label: 'Not overdue' },
            ],
          },
        ]}
      />
      <ListTable
        label="Tracked actions"
        columns={ACTION_COLUMNS}
        rows={actions.data?.items}
        total={actions.data?.total}
        rowKey={(a) => a.id}
        loading={actions.isFetching}
        error={actions.error}
        empty="No action matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </>
  );
}
