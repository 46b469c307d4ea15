import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import { PlanGapCard } from '../components/nonconformities/PlanGapCard.js';
import { PlanTotals } from '../components/nonconformities/PlanTotals.js';

/** The corrective action plan (10.2): every open gap with its actions, as auditors and management read it. */
export function CorrectiveActionPlanPage() {
  const plan = useQuery({
    queryKey: ['corrective-action-plan'],
    queryFn: async () =>
      unwrap(await api.GET('/api/corrective-action-plan', { params: { query: { format: 'json' } } })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Corrective action plan</Title>
        <Group gap="xs">
          {(['xlsx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              variant="light"
              href={`/api/corrective-action-plan?format=${format}`}
              download
            >
              Download {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Group>
      {plan.isPending && <Loader aria-label="Loading the plan" />}
      {plan.error && <Alert color="red">{plan.error.message}</Alert>}
      {plan.data && (
        <>
          <PlanTotals totals={plan.data.totals} />
          {plan.data.gaps.length === 0 ? (
            <Text c="dimmed">No open gap: every nonconformity is closed.</Text>
          ) : (
            plan.data.gaps.map((gap) => <PlanGapCard key={`${gap.kind}-${gap.id}`} gap={gap} />)
          )}
        </>
      )}
    </Stack>
  );
}
