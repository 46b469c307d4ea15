import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { ListTable } from '../components/ListTable.js';
import { AnalysisModal } from '../components/objectives/AnalysisModal.js';
import { PLAN_FREQUENCIES, type PlanItem } from '../components/objectives/objective-fields.js';
import { PlanItemFormModal } from '../components/objectives/PlanItemFormModal.js';
import { planColumns } from '../components/objectives/plan-columns.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions } from '../components/registers/labels.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Query = NonNullable<paths['/api/monitoring-plan']['get']['parameters']['query']>;

/**
 * The monitoring and measurement plan (9.1): what is monitored, how and how often, who analyses it, and the
 * current results of the tests and objectives each item draws on.
 */
export function MonitoringPlanPage() {
  const { canConfigure, canEdit } = usePermissions();
  const list = useListParams(['frequency', 'analystId'], 'subject');
  const [editing, setEditing] = useState<PlanItem | null | undefined>(undefined);
  const [analysing, setAnalysing] = useState<PlanItem | null>(null);
  const plan = useQuery({
    queryKey: ['monitoring-plan', list.query],
    queryFn: async () =>
      unwrap(await api.GET('/api/monitoring-plan', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Monitoring and measurement plan</Title>
        <Group gap="xs">
          <Button component="a" variant="default" href="/api/monitoring-plan/export?format=xlsx" download>
            Export XLSX
          </Button>
          {canConfigure && <Button onClick={() => setEditing(null)}>New plan item</Button>}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Each line says what is monitored, how, how often and who evaluates it. Results come from the linked
        monitoring tests and objectives, so the evidence is always current.
      </Text>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'frequency',
            label: 'Frequency',
            placeholder: 'Any frequency',
            options: enumOptions(PLAN_FREQUENCIES),
          },
          { param: 'analystId', label: 'Analyst', placeholder: 'Any analyst', kind: 'people' },
        ]}
      />
      <ListTable
        label="Monitoring and measurement plan"
        columns={planColumns({
          canConfigure,
          canAnalyse: (item) => canEdit(item.analystId),
          edit: setEditing,
          analyse: setAnalysing,
        })}
        rows={plan.data?.items}
        total={plan.data?.total}
        rowKey={(i) => i.id}
        loading={plan.isFetching}
        error={plan.error}
        empty="No plan item matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <PlanItemFormModal
        item={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
      <AnalysisModal item={analysing} onClose={() => setAnalysing(null)} />
    </Stack>
  );
}
