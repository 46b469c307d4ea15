import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { ReviewInputsPanel } from '../components/management-reviews/ReviewInputsPanel.js';
import { ReviewMinutes } from '../components/management-reviews/ReviewMinutes.js';
import { ReviewOutputs } from '../components/management-reviews/ReviewOutputs.js';
import { ReviewStatusActions } from '../components/management-reviews/ReviewStatusActions.js';
import {
  INPUT_COUNT,
  REVIEW_FIELDS,
  STATUS_COLOURS,
} from '../components/management-reviews/review-fields.js';
import { humanise } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RecordTrail } from '../components/registers/RecordTrail.js';
import { usePermissions } from '../hooks/usePermissions.js';

/** One management review: its inputs with the board's notes, the decisions and actions, and the minutes. */
export function ManagementReviewPage() {
  const { id = '' } = useParams();
  const { canEdit } = usePermissions();
  const [editing, setEditing] = useState(false);
  const review = useQuery({
    queryKey: ['management-reviews', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/management-reviews/{id}', { params: { path: { id } } })),
  });
  if (review.isPending) return <Loader aria-label="Loading review" />;
  if (review.error) return <Alert color="red">{review.error.message}</Alert>;
  const r = review.data;
  const canRun = canEdit(r.chairId);
  const open = r.status === 'planned' || r.status === 'in_progress';
  const save = async (body: object) =>
    unwrap(
      await api.PATCH('/api/management-reviews/{id}', { params: { path: { id } }, body: body as never }),
    );
  return (
    <Stack>
      <Anchor component={Link} to="/management-reviews" size="sm">
        ← All management reviews
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{r.title}</Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOURS[r.status]}>{humanise(r.status)}</Badge>
            <Badge variant="light" color={r.inputsCovered ? 'teal' : 'yellow'}>
              {INPUT_COUNT - r.missingInputs.length} of {INPUT_COUNT} inputs discussed
            </Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          {canRun && <ReviewStatusActions review={r} />}
          {(['pdf', 'docx'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              variant="default"
              href={`/api/management-reviews/${r.id}/export?format=${format}`}
              download
            >
              Minutes ({format.toUpperCase()})
            </Button>
          ))}
        </Group>
      </Group>
      <Card withBorder>
        <Stack gap={4}>
          <Text size="sm">
            <strong>Scheduled for:</strong> {r.scheduledFor}
            {r.heldOn ? ` · held on ${r.heldOn}` : ''}
            {r.location ? ` · ${r.location}` : ''}
          </Text>
          <Text size="sm">
            <strong>Chair:</strong> {r.chair?.name ?? 'Not set'}
          </Text>
          <Text size="sm">
            <strong>Attendees:</strong> {r.attendees.map((a) => a.name).join(', ') || 'None recorded'}
          </Text>
          {canRun && open && (
            <Group mt="xs">
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                Edit details
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <Tabs defaultValue="inputs">
        <Tabs.List>
          <Tabs.Tab value="inputs">Inputs</Tabs.Tab>
          <Tabs.Tab value="outputs">Decisions and actions ({r.outputs.length})</Tabs.Tab>
          <Tabs.Tab value="minutes">Minutes</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inputs" pt="md">
          <ReviewInputsPanel review={r} canEdit={canRun} />
        </Tabs.Panel>
        <Tabs.Panel value="outputs" pt="md">
          <ReviewOutputs review={r} canRun={canRun} />
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <ReviewMinutes review={r} canEdit={canRun} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RecordTrail entityType="management_review" entityId={r.id} />
        </Tabs.Panel>
      </Tabs>
      <RecordFormModal
        title={`Edit ${r.title}`}
        opened={editing}
        onClose={() => setEditing(false)}
        fields={REVIEW_FIELDS}
        record={r}
        save={save}
        invalidate={[['management-reviews'], ['trail']]}
        savedMessage="Review saved"
        submitLabel="Save"
      />
    </Stack>
  );
}
