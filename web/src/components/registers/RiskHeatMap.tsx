import { Badge, Card, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { components } from '../../api/schema.js';
import { LEVEL_COLOURS } from './labels.js';

type Matrix = components['schemas']['RiskMatrix'];

/** The 5×5 likelihood × impact grid; each cell is a button that filters the register to that cell. */
export function RiskHeatMap({
  matrix,
  likelihood,
  impact,
  onSelect,
}: {
  matrix: Matrix;
  likelihood: string | null;
  impact: string | null;
  onSelect: (likelihood: number, impact: number) => void;
}) {
  return (
    <Card withBorder maw={560}>
      <Text fw={600} mb="xs">
        Inherent risk heat map ({matrix.total} risks, appetite ≤ {matrix.appetiteThreshold})
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table withTableBorder withColumnBorders aria-label="Risk heat map" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Likelihood ↓ / impact →</Table.Th>
              {matrix.impactLevels.map((i) => (
                <Table.Th key={i.value}>
                  <Text size="xs">{i.name}</Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...matrix.likelihoodLevels].reverse().map((l) => (
              <Table.Tr key={l.value}>
                <Table.Th>
                  <Text size="xs">{l.name}</Text>
                </Table.Th>
                {matrix.impactLevels.map((i) => {
                  const cell = matrix.cells.find((c) => c.likelihood === l.value && c.impact === i.value);
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
                          onClick={() => onSelect(l.value, i.value)}
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
      </Table.ScrollContainer>
    </Card>
  );
}
