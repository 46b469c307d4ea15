import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import {
  AI_SYSTEM_DEFAULTS,
  AI_SYSTEM_FIELDS,
  STAGES,
  TIERS,
} from '../components/registers/ai-system-fields.js';
import type { RequestBody } from '../components/registers/api-types.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions, humanise } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type AiSystem = components['schemas']['AiSystem'];
type Create = RequestBody<'/api/ai-systems', 'post'>;
type Query = NonNullable<paths['/api/ai-systems']['get']['parameters']['query']>;

const COLUMNS: Column<AiSystem>[] = [
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (s) => (
      <Anchor component={Link} to={`/ai-systems/${s.id}`}>
        {s.name}
      </Anchor>
    ),
  },
  { key: 'stage', label: 'Stage', sort: 'lifecycleStage', render: (s) => humanise(s.lifecycleStage) },
  {
    key: 'tier',
    label: 'EU AI Act tier',
    sort: 'riskTier',
    render: (s) => (
      <Badge miw="max-content" color={s.riskTier === 'high' || s.riskTier === 'prohibited' ? 'red' : 'gray'}>
        {s.riskTier}
      </Badge>
    ),
  },
  { key: 'owner', label: 'Owner', render: (s) => s.owner?.name },
  { key: 'risks', label: 'Risks', render: (s) => s.riskCount },
  { key: 'review', label: 'Next review', sort: 'nextReviewDue', render: (s) => s.nextReviewDue },
];

/** The AI system inventory: server-side paging, sorting, filters and search, all kept in the URL. */
export function AiSystemsPage() {
  const { canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  const list = useListParams(['stage', 'tier', 'ownerId'], 'name');
  const { stage, tier, ownerId } = list.filters;
  const query = useQuery({
    queryKey: ['ai-systems', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/ai-systems', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
              ...(stage ? { lifecycleStage: stage as AiSystem['lifecycleStage'] } : {}),
              ...(tier ? { riskTier: tier as AiSystem['riskTier'] } : {}),
              ...(ownerId ? { ownerId } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>AI systems</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>New AI system</Button>}
      </Group>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'stage',
            label: 'Lifecycle stage',
            placeholder: 'Any stage',
            options: enumOptions(STAGES),
          },
          { param: 'tier', label: 'Risk tier', placeholder: 'Any risk tier', options: enumOptions(TIERS) },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
        ]}
      />
      <ListTable
        label="AI systems"
        columns={COLUMNS}
        rows={query.data?.items}
        total={query.data?.total}
        rowKey={(s) => s.id}
        loading={query.isFetching}
        error={query.error}
        empty="No AI systems match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RecordFormModal
        title="New AI system"
        opened={creating}
        onClose={() => setCreating(false)}
        fields={AI_SYSTEM_FIELDS}
        defaults={AI_SYSTEM_DEFAULTS}
        save={async (body) => unwrap(await api.POST('/api/ai-systems', { body: body as Create }))}
        invalidate={[['ai-systems']]}
        savedMessage="AI system created"
        submitLabel="Create AI system"
      />
    </Stack>
  );
}
