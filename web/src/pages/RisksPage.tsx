import {
  Alert,
  Badge,
  Card,
  Group,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';

const PAGE_SIZE = 25;
const LEVEL_COLOURS: Record<string, string> = {
  low: 'teal',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

/** The risk register under its 5×5 heat map; clicking a cell filters the register (kept in the URL). */
export function RisksPage() {
  const [params, setParams] = useSearchParams();
  const likelihood = params.get('likelihood');
  const impact = params.get('impact');
  const page = Math.max(1, Number(params.get('page') ?? 1));

  const matrix = useQuery({
    queryKey: ['risk-matrix'],
    queryFn: async () => unwrap(await api.GET('/api/risks/matrix')),
  });
  const risks = useQuery({
    queryKey: ['risks', { likelihood, impact, page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/risks', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              sort: '-inherentScore',
              ...(likelihood ? { likelihood: Number(likelihood) } : {}),
              ...(impact ? { impact: Number(impact) } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const selectCell = (l: number, i: number) => {
    const same = likelihood === String(l) && impact === String(i);
    setParams(same ? {} : { likelihood: String(l), impact: String(i) }, { replace: true });
  };

  const m = matrix.data;
  return (
    <Stack>
      <Title order={2}>Risks</Title>
      {matrix.error && <Alert color="red">{matrix.error.message}</Alert>}
      {m && (
        <Card withBorder maw={560}>
          <Text fw={600} mb="xs">
            Inherent risk heat map ({m.total} risks, appetite ≤ {m.appetiteThreshold})
          </Text>
          <Table withTableBorder withColumnBorders aria-label="Risk heat map" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Likelihood ↓ / impact →</Table.Th>
                {m.impactLevels.map((i) => (
                  <Table.Th key={i.value}>
                    <Text size="xs">{i.name}</Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...m.likelihoodLevels].reverse().map((l) => (
                <Table.Tr key={l.value}>
                  <Table.Th>
                    <Text size="xs">{l.name}</Text>
                  </Table.Th>
                  {m.impactLevels.map((i) => {
                    const cell = m.cells.find((c) => c.likelihood === l.value && c.impact === i.value);
                    const selected = likelihood === String(l.value) && impact === String(i.value);
                    return (
                      <Table.Td key={i.value} p={0}>
                        <Tooltip
                          label={`${l.name} × ${i.name}: score ${cell?.score}, ${cell?.count ?? 0} risks`}
                        >
                          <UnstyledButton
                            w="100%"
                            p="xs"
                            aria-label={`Likelihood ${l.value}, impact ${i.value}: ${cell?.count ?? 0} risks`}
                            aria-pressed={selected}
                            onClick={() => selectCell(l.value, i.value)}
                            style={{
                              outline: selected ? '2px solid var(--mantine-color-blue-filled)' : undefined,
                            }}
                          >
                            <Badge
                              fullWidth
                              variant={cell?.count ? 'filled' : 'light'}
                              color={LEVEL_COLOURS[cell?.level ?? ''] ?? 'gray'}
                            >
                              {cell?.count ?? 0}
                            </Badge>
                          </UnstyledButton>
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {likelihood && impact && (
        <Text size="sm">
          Showing risks with likelihood {likelihood} and impact {impact}.{' '}
          <UnstyledButton c="blue" onClick={() => setParams({}, { replace: true })}>
            Show all
          </UnstyledButton>
        </Text>
      )}
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Risk</Table.Th>
              <Table.Th>Inherent</Table.Th>
              <Table.Th>Residual</Table.Th>
              <Table.Th>Treatment</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Owner</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risks.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>
                  <Badge color={LEVEL_COLOURS[r.inherentLevel ?? ''] ?? 'gray'}>{r.inherentScore}</Badge>
                </Table.Td>
                <Table.Td>
                  {r.residualScore !== null && (
                    <Badge color={LEVEL_COLOURS[r.residualLevel ?? ''] ?? 'gray'}>{r.residualScore}</Badge>
                  )}
                </Table.Td>
                <Table.Td>{r.treatment}</Table.Td>
                <Table.Td>{r.status.replace('_', ' ')}</Table.Td>
                <Table.Td>{r.owner?.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {risks.data && risks.data.total === 0 && <Text c="dimmed">No risks in this cell.</Text>}
      {risks.data && risks.data.total > PAGE_SIZE && (
        <Group>
          <Pagination
            total={Math.ceil(risks.data.total / PAGE_SIZE)}
            value={page}
            onChange={(value) => {
              const next = new URLSearchParams(params);
              next.set('page', String(value));
              setParams(next, { replace: true });
            }}
          />
        </Group>
      )}
    </Stack>
  );
}
