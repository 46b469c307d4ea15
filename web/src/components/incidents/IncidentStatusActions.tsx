import { Button, Group } from '@mantine/core';
import { api, unwrap } from '../../api/client.js';
import { humanise } from '../registers/labels.js';
import { INCIDENT_STATUSES, type Incident } from './incident-fields.js';
import { useIncidentAction } from './useIncidentAction.js';

type Status = Incident['status'];

const LABELS: Partial<Record<Status, string>> = {
  investigating: 'Start investigating',
  contained: 'Mark contained',
  resolved: 'Mark resolved',
  closed: 'Close incident',
};

/** The next steps of the lifecycle (skipping is allowed), or reopening once resolved or closed. */
export function IncidentStatusActions({ incident }: { incident: Incident }) {
  const move = useIncidentAction(
    async (status: Status) =>
      unwrap(
        await api.PATCH('/api/incidents/{id}', { params: { path: { id: incident.id } }, body: { status } }),
      ),
    { saved: 'Status changed' },
  );
  const rank = INCIDENT_STATUSES.indexOf(incident.status);
  const next = INCIDENT_STATUSES.filter((_, index) => index > rank);
  const reopen = rank >= INCIDENT_STATUSES.indexOf('contained');
  return (
    <Group gap="xs">
      {next.map((status, index) => (
        <Button
          key={status}
          size="xs"
          variant={index === 0 ? 'filled' : 'default'}
          loading={move.isPending && move.variables === status}
          onClick={() => move.mutate(status)}
        >
          {LABELS[status] ?? humanise(status)}
        </Button>
      ))}
      {reopen && (
        <Button size="xs" variant="subtle" onClick={() => move.mutate('investigating')}>
          Reopen
        </Button>
      )}
    </Group>
  );
}
