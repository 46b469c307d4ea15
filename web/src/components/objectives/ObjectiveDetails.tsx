import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { humanise } from '../registers/labels.js';
import { RecordTrail } from '../registers/RecordTrail.js';
import { ConfirmButton } from '../settings/ConfirmButton.js';
import {
  ATTAINMENT_COLOURS,
  type Objective,
  SOURCE_LABELS,
  STANDING_COLOURS,
  targetText,
} from './objective-fields.js';
import { ProgressChart } from './ProgressChart.js';
import { RecordMeasurementModal } from './RecordMeasurementModal.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

/** One objective: where it stands, its progress chart, and the measurement its owner can take. */
export function ObjectiveDetails({
  objective,
  onEdit,
  onDeleted,
}: {
  objective: Objective;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { canEdit, canDelete } = usePermissions();
  const client = useQueryClient();
  const [recording, setRecording] = useState(false);
  const history = useQuery({
    queryKey: ['objectives', 'measurements', objective.id],
    queryFn: async () =>
      unwrap(await api.GET('/api/objectives/{id}/measurements', { params: { path: { id: objective.id } } }))
        .items,
  });
  const measure = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/objectives/{id}/measure', { params: { path: { id: objective.id } } })),
    onSuccess: async (m) => {
      await client.invalidateQueries({ queryKey: ['objectives'] });
      showSaved(`Measured ${m.value} ${objective.unit}`.trim());
    },
    onError: (error) => showProblem(null, error),
  });
  const remove = useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/api/objectives/{id}', { params: { path: { id: objective.id } } });
      // 204 has no body: only a failure has something to unwrap (and throw).
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['objectives'] });
      showSaved(`“${objective.title}” deleted`);
      onDeleted();
    },
    onError: (error) => showProblem(null, error),
  });
  const editable = canEdit(objective.ownerId) && objective.status !== 'cancelled';
  const latest = objective.latestMeasurement;
  return (
    <Stack>
      <Group gap="xs">
        <Badge color={ATTAINMENT_COLOURS[objective.attainment]}>{humanise(objective.attainment)}</Badge>
        <Badge color={STANDING_COLOURS[objective.standing]} variant="light">
          {humanise(objective.standing)}
        </Badge>
        <Badge color="gray" variant="outline">
          {humanise(objective.status)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Fact label="What is measured">{objective.metric}</Fact>
        <Fact label="Target">{targetText(objective)}</Fact>
        <Fact label="Latest">
          {latest ? `${latest.value} ${objective.unit} on ${latest.measuredAt.slice(0, 10)}` : ''}
        </Fact>
        <Fact label="Next measurement due">{objective.nextMeasurementDue}</Fact>
        <Fact label="Measured from">
          {SOURCE_LABELS[objective.source]}
          {objective.sourceTestId ? ` (${objective.sourceTestId})` : ''}
        </Fact>
        <Fact label="Frequency">{humanise(objective.frequency)}</Fact>
        <Fact label="Owner">{objective.owner?.name}</Fact>
        <Fact label="AI system">{objective.aiSystem?.name}</Fact>
        <Fact label="Baseline">
          {objective.baseline === null ? '' : `${objective.baseline} ${objective.unit}`}
        </Fact>
        <Fact label="Achieve by">{objective.dueDate}</Fact>
      </SimpleGrid>
      {objective.description && <Text size="sm">{objective.description}</Text>}
      {objective.sourceQuery && (
        <Text size="sm" ff="monospace">
          {objective.sourceQuery}
        </Text>
      )}
      <Title order={4}>Progress</Title>
      {history.data && <ProgressChart objective={objective} history={history.data} />}
      {editable && (
        <Group>
          {objective.source === 'manual' ? (
            <Button onClick={() => setRecording(true)}>Record measurement</Button>
          ) : (
            <Button onClick={() => measure.mutate()} loading={measure.isPending}>
              Measure now
            </Button>
          )}
          <Button variant="default" onClick={onEdit}>
            Edit
          </Button>
          {canDelete && (
            <ConfirmButton
              title={`Delete “${objective.title}”?`}
              message="The objective and its measurements are removed; the change stays in the audit trail."
              loading={remove.isPending}
              onConfirm={() => remove.mutate()}
            >
              Delete
            </ConfirmButton>
          )}
        </Group>
      )}
      <Title order={4}>History</Title>
      <RecordTrail entityType="objective" entityId={objective.id} />
      <RecordMeasurementModal objective={objective} opened={recording} onClose={() => setRecording(false)} />
    </Stack>
  );
}
