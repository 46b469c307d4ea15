import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Timestamp } from '../settings/Timestamp.js';
import { AddNotificationModal } from './AddNotificationModal.js';
import { countdown, type Incident, type IncidentNotification } from './incident-fields.js';
import { MarkNotifiedModal } from './MarkNotifiedModal.js';

function DueBadge({ notification: n }: { notification: IncidentNotification }) {
  if (n.notifiedAt)
    return n.late ? (
      <Badge color="orange" variant="light" miw="max-content">
        Notified late
      </Badge>
    ) : (
      <Badge color="teal" variant="light" miw="max-content">
        Notified in time
      </Badge>
    );
  if (n.overdue)
    return (
      <Badge color="red" miw="max-content">
        {countdown(n.hoursLeft ?? 0)}
      </Badge>
    );
  return (
    <Badge color={(n.hoursLeft ?? 0) < 24 ? 'orange' : 'yellow'} variant="light" miw="max-content">
      {countdown(n.hoursLeft ?? 0)}
    </Badge>
  );
}

/** Who must be told, by when and on what basis; overdue ones stand out, and each can be marked notified. */
export function IncidentNotifications({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const [marking, setMarking] = useState<IncidentNotification | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xs">
      {incident.notifications.length === 0 ? (
        <Text size="sm" c="dimmed">
          No notification is required so far.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Notifications" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Party</Table.Th>
                <Table.Th>Basis</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Notified</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {incident.notifications.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{n.party}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{n.basis}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Timestamp value={n.dueAt} />
                  </Table.Td>
                  <Table.Td>
                    <DueBadge notification={n} />
                  </Table.Td>
                  <Table.Td>
                    <Timestamp value={n.notifiedAt} />
                    {n.reference && (
                      <Text size="xs" c="dimmed">
                        {n.reference}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canEdit && !n.notifiedAt && (
                      <Button size="xs" variant="light" onClick={() => setMarking(n)}>
                        Mark notified
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && incident.status !== 'closed' && (
        <Group>
          <Button variant="default" size="xs" onClick={() => setAdding(true)}>
            Add notification
          </Button>
        </Group>
      )}
      <MarkNotifiedModal incidentId={incident.id} notification={marking} onClose={() => setMarking(null)} />
      <AddNotificationModal incidentId={incident.id} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
