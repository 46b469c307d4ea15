import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { ListTable } from '../components/ListTable.js';
import { REVIEW_COLUMNS } from '../components/management-reviews/review-columns.js';
import {
  REVIEW_FIELDS,
  REVIEW_STATUSES,
  type Review,
} from '../components/management-reviews/review-fields.js';
import { TrackedActions } from '../components/management-reviews/TrackedActions.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Query = NonNullable<paths['/api/management-reviews']['get']['parameters']['query']>;

function ReviewList() {
  const list = useListParams(['status', 'chairId'], '-scheduledFor');
  const reviews = useQuery({
    queryKey: ['management-reviews', 'list', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/management-reviews', { params: { query: list.query as Query } })),
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
            options: enumOptions(REVIEW_STATUSES),
          },
          { param: 'chairId', label: 'Chair', placeholder: 'Any chair', kind: 'people' },
        ]}
      />
      <ListTable
        label="Management reviews"
        columns={REVIEW_COLUMNS}
        rows={reviews.data?.items}
        total={reviews.data?.total}
        rowKey={(r) => r.id}
        loading={reviews.isFetching}
        error={reviews.error}
        empty="No review matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
    </>
  );
}

/** Management reviews (9.3): the reviews held and planned, and the actions they gave. */
export function ManagementReviewsPage() {
  const { canWrite } = usePermissions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [scheduling, setScheduling] = useState(false);
  const tab = params.get('tab') === 'actions' ? 'actions' : 'reviews';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Management reviews</Title>
        {canWrite && <Button onClick={() => setScheduling(true)}>Schedule review</Button>}
      </Group>
      {/* Each tab has its own list state in the URL; switching starts the other list afresh. */}
      <Tabs value={tab} onChange={(value) => setParams(value === 'actions' ? { tab: 'actions' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="reviews">Reviews</Tabs.Tab>
          <Tabs.Tab value="actions">Tracked actions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reviews" pt="md">
          <Stack>{tab === 'reviews' && <ReviewList />}</Stack>
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <Stack>{tab === 'actions' && <TrackedActions />}</Stack>
        </Tabs.Panel>
      </Tabs>
      <RecordFormModal<Review>
        title="Schedule a management review"
        opened={scheduling}
        onClose={() => setScheduling(false)}
        fields={REVIEW_FIELDS}
        save={async (body) => unwrap(await api.POST('/api/management-reviews', { body: body as never }))}
        onSaved={(saved) => navigate(`/management-reviews/${saved.id}`)}
        invalidate={[['management-reviews']]}
        savedMessage="Review scheduled"
        submitLabel="Schedule"
      />
    </Stack>
  );
}
