import {
  Alert,
  Badge,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';

const PAGE_SIZE = 25;
const STAGES = ['idea', 'design', 'development', 'validation', 'deployed', 'retired'] as const;
const TIERS = ['prohibited', 'high', 'limited', 'minimal', 'gpai', 'unassessed'] as const;
type Stage = (typeof STAGES)[number];
type Tier = (typeof TIERS)[number];
type SortField = 'name' | 'lifecycleStage' | 'riskTier' | 'nextReviewDue';

/** The AI system inventory: server-side paging, sorting, filters and search, all kept in the URL. */
export function AiSystemsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1));
  const sort = params.get('sort') ?? 'name';
  const q = params.get('q') ?? '';
  const stage = params.get('stage') as Stage | null;
  const tier = params.get('tier') as Tier | null;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const list = useQuery({
    queryKey: ['ai-systems', { page, sort, q, stage, tier }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/ai-systems', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              sort: sort as `${'' | '-'}${SortField}`,
              ...(q ? { q } : {}),
              ...(stage ? { lifecycleStage: stage } : {}),
              ...(tier ? { riskTier: tier } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const header = (field: SortField, label: string) => {
    const active = sort.replace('-', '') === field;
    const descending = sort.startsWith('-');
    return (
      <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
        <UnstyledButton onClick={() => update({ sort: active && !descending ? `-${field}` : field })}>
          {label} {active ? (descending ? '▼' : '▲') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack>
      <Title order={2}>AI systems</Title>
      <Group>
        <TextInput
          aria-label="Search"
          placeholder="Search"
          defaultValue={q}
          onChange={(e) => update({ q: e.currentTarget.value })}
        />
        <Select
          aria-label="Lifecycle stage"
          placeholder="Any stage"
          clearable
          data={[...STAGES]}
          value={stage}
          onChange={(value) => update({ stage: value })}
        />
        <Select
          aria-label="Risk tier"
          placeholder="Any risk tier"
          clearable
          data={[...TIERS]}
          value={tier}
          onChange={(value) => update({ tier: value })}
        />
      </Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {header('name', 'Name')}
              {header('lifecycleStage', 'Stage')}
              {header('riskTier', 'EU AI Act tier')}
              <Table.Th>Owner</Table.Th>
              {header('nextReviewDue', 'Next review')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.lifecycleStage}</Table.Td>
                <Table.Td>
                  <Badge color={s.riskTier === 'high' || s.riskTier === 'prohibited' ? 'red' : 'gray'}>
                    {s.riskTier}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.owner?.name}</Table.Td>
                <Table.Td>{s.nextReviewDue}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.total === 0 && <Text c="dimmed">No AI systems match.</Text>}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(list.data.total / PAGE_SIZE)}
          value={page}
          onChange={(value) => update({ page: String(value) })}
        />
      )}
    </Stack>
  );
}
