import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { IncidentFacts } from '../components/incidents/IncidentFacts.js';
import { IncidentNotifications } from '../components/incidents/IncidentNotifications.js';
import { IncidentStatusActions } from '../components/incidents/IncidentStatusActions.js';
import { IncidentTimeline } from '../components/incidents/IncidentTimeline.js';
import {
  INCIDENT_FIELDS,
  NOTIFICATION_STATUS_COLOURS,
  REVIEW_FIELDS,
  STATUS_COLOURS,
} from '../components/incidents/incident-fields.js';
import { ActionsSection } from '../components/nonconformities/ActionsSection.js';
import { humanise } from '../components/registers/labels.js';
import { RecordFacts } from '../components/registers/RecordFacts.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RecordTrail } from '../components/registers/RecordTrail.js';
import { usePermissions } from '../hooks/usePermissions.js';

/** One incident: facts, deadlines owed to authorities and others, the timeline, and its root cause. */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { canEdit } = usePermissions();
  const [editing, setEditing] = useState<'facts' | 'review' | null>(null);
  const incident = useQuery({
    queryKey: ['incidents', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/incidents/{id}', { params: { path: { id } } })),
  });
  if (incident.isPending) return <Loader aria-label="Loading incident" />;
  if (incident.error) return <Alert color="red">{incident.error.message}</Alert>;
  const i = incident.data;
  const owner = canEdit(i.ownerId);
  const save = async (body: object) =>
    unwrap(await api.PATCH('/api/incidents/{id}', { params: { path: { id } }, body: body as never }));
  return (
    <Stack>
      <Anchor component={Link} to="/incidents" size="sm">
        ← All incidents
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {i.reference} · {i.title}
          </Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOURS[i.status]}>{humanise(i.status)}</Badge>
            {i.serious && <Badge color="red">Serious incident</Badge>}
            {i.notificationStatus !== 'none' && (
              <Badge variant="light" color={NOTIFICATION_STATUS_COLOURS[i.notificationStatus]}>
                Notifications {i.notificationStatus}
              </Badge>
            )}
          </Group>
        </Stack>
        {owner && <IncidentStatusActions incident={i} />}
      </Group>
      {i.authorityNotificationRequired && (
        <Alert color="red" variant="light" title="EU AI Act Art. 73 applies">
          A serious incident on a high-risk AI system must be reported to the market surveillance authority.
        </Alert>
      )}
      <Card withBorder>
        <IncidentFacts incident={i} />
        {owner && (
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => setEditing('facts')}>
              Edit incident
            </Button>
          </Group>
        )}
      </Card>
      <Tabs defaultValue="notifications">
        <Tabs.List>
          <Tabs.Tab value="notifications">Notifications</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="review">Root cause and lessons</Tabs.Tab>
          <Tabs.Tab value="actions">Corrective actions</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="notifications" pt="md">
          <IncidentNotifications incident={i} canEdit={owner} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <IncidentTimeline incident={i} canEdit={owner} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <Stack>
            <RecordFacts fields={REVIEW_FIELDS} record={i} />
            <Text size="xs" c="dimmed">
              Both are needed, and every notification made, before the incident can be closed.
            </Text>
            {owner && (
              <Group>
                <Button size="xs" variant="light" onClick={() => setEditing('review')}>
                  Edit root cause and lessons
                </Button>
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <ActionsSection scope={{ incidentId: i.id }} open={i.status !== 'closed'} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RecordTrail entityType="incident" entityId={i.id} />
        </Tabs.Panel>
      </Tabs>
      <RecordFormModal
        title={editing === 'review' ? 'Root cause and lessons learned' : `Edit ${i.reference}`}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={editing === 'review' ? REVIEW_FIELDS : INCIDENT_FIELDS}
        record={i}
        save={save}
        invalidate={[['incidents'], ['trail']]}
        savedMessage="Incident saved"
        submitLabel="Save"
      />
    </Stack>
  );
}
