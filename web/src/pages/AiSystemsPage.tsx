import { Badge, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { useListParams } from '../hooks/useListParams.js';

const STAGES = ['idea', 'design', 'development', 'validation', 'deployed', 'retired'] as const;
const TIERS = ['prohibited', 'high', 'limited', 'minimal', 'gpai', 'unassessed'] as const;
type AiSystem = components['schemas']['AiSystem'];
type Query = NonNullable<paths['/api/ai-systems']['get']['parameters']['query']>;

const COLUMNS: Column<AiSystem>[] = [
  { key: 'name', label: 'Name', sort: 'name', render: (s) => s.name },
  { key: 'stage', label: 'Stage', sort: 'lifecycleStage', render: (s) => s.lifecycleStage },
  {
    key: 'tier',
    label: 'EU AI Act tier',
    sort: 'riskTier',
    render: (s) => (
      <Badge color={s.riskTier === 'high' || s.riskTier === 'prohibited' ? 'red' : 'gray'}>
        {s.riskTier}
      </Badge>
    ),
  },
  { key: 'owner', label: 'Owner', render: (s) => s.owner?.name },
  { key: 'review', label: 'Next review', sort: 'nextReviewDue', render: (s) => s.nextReviewDue },
];

/** The AI system inventory: server-side paging, sorting, filters and search, all kept in the URL. */
export function AiSystemsPage() {
  const list = useListParams(['stage', 'tier'], 'name');
  const { stage, tier } = list.filters;
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
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <Stack>
      <Title order={2}>AI systems</Title>
      <Group>
        <TextInput
          aria-label="Search"
          placeholder="Search"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Lifecycle stage"
          placeholder="Any stage"
          clearable
          data={[...STAGES]}
          value={stage}
          onChange={(value) => list.update({ stage: value })}
        />
        <Select
          aria-label="Risk tier"
          placeholder="Any risk tier"
          clearable
          data={[...TIERS]}
          value={tier}
          onChange={(value) => list.update({ tier: value })}
        />
      </Group>
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
    </Stack>
  );
}
