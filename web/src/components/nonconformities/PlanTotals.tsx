import { Card, SimpleGrid, Text } from '@mantine/core';
import type { CorrectiveActionPlan } from './nc-fields.js';

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The figures management reads first: gaps open, actions by state, what is late and what it costs. */
export function PlanTotals({ totals }: { totals: CorrectiveActionPlan['totals'] }) {
  const figures: Array<[string, string | number]> = [
    ['Open gaps', totals.openGaps],
    ['Actions planned', totals.actionsByStatus.planned],
    ['In progress', totals.actionsByStatus.in_progress],
    ['Done', totals.actionsByStatus.done],
    ['Overdue', totals.overdue],
    ['Investment', money.format(totals.investment)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      {figures.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed" fw={600}>
            {label}
          </Text>
          <Text size="xl" fw={700} c={label === 'Overdue' && Number(value) > 0 ? 'red.8' : undefined}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
