import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { ListTable } from '../components/ListTable.js';
import { ObjectiveDetails } from '../components/objectives/ObjectiveDetails.js';
import { ObjectiveFormModal } from '../components/objectives/ObjectiveFormModal.js';
import { objectiveColumns } from '../components/objectives/objective-columns.js';
import {
  OBJECTIVE_STATUSES,
  type Objective,
  SOURCE_LABELS,
  SOURCES,
  STANDINGS,
} from '../components/objectives/objective-fields.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions } from '../components/registers/labels.js';
import { RegisterDrawer, useRecordParam } from '../components/registers/RegisterDrawer.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Query = NonNullable<paths['/api/objectives']['get']['parameters']['query']>;

/** AI objectives (6.2): measurable targets, their progress, and which measurements are due. */
export function ObjectivesPage() {
  const { canWrite } = usePermissions();
  const list = useListParams(['status', 'source', 'standing', 'ownerId', 'aiSystemId'], 'title');
  const selected = useRecordParam('objective');
  const [editing, setEditing] = useState<Objective | null | undefined>(undefined);
  const objectives = useQuery({
    queryKey: ['objectives', list.query],
    queryFn: async () => unwrap(await api.GET('/api/objectives', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>AI objectives</Title>
        {canWrite && <Button onClick={() => setEditing(null)}>New objective</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        What the AI management system sets out to achieve, with a target, an owner and a measurement
        frequency. Automatic objectives are measured from a monitoring test or a Prometheus query.
      </Text>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'status',
            label: 'Status',
            placeholder: 'Any status',
            options: enumOptions(OBJECTIVE_STATUSES),
          },
          {
            param: 'source',
            label: 'Source',
            placeholder: 'Any source',
            options: SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] ?? value })),
          },
          {
            param: 'standing',
            label: 'Measurement',
            placeholder: 'Any standing',
            options: enumOptions(STANDINGS),
          },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
          { param: 'aiSystemId', label: 'AI system', placeholder: 'Any AI system', kind: 'ai-systems' },
        ]}
      />
      <ListTable
        label="AI objectives"
        columns={objectiveColumns(selected.href)}
        rows={objectives.data?.items}
        total={objectives.data?.total}
        rowKey={(o) => o.id}
        loading={objectives.isFetching}
        error={objectives.error}
        empty="No objective matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RegisterDrawer
        param="objective"
        queryKey="objectives"
        load={async (id) => unwrap(await api.GET('/api/objectives/{id}', { params: { path: { id } } }))}
        title={(o) => o.title}
      >
        {(o) => <ObjectiveDetails objective={o} onEdit={() => setEditing(o)} onDeleted={selected.close} />}
      </RegisterDrawer>
      <ObjectiveFormModal
        // A fresh form each time it opens, so the source-dependent fields start from the record's source.
        key={editing === undefined ? 'closed' : (editing?.id ?? 'new')}
        objective={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </Stack>
  );
}
