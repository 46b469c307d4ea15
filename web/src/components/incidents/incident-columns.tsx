import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import { Timestamp } from '../settings/Timestamp.js';
import {
  type Incident,
  NOTIFICATION_STATUS_COLOURS,
  SEVERITY_COLOURS,
  STATUS_COLOURS,
} from './incident-fields.js';

/** The incident register's columns: how bad, how far along, and whether anyone still must be told. */
export const INCIDENT_COLUMNS: Column<Incident>[] = [
  {
    key: 'reference',
    label: 'Ref.',
    sort: 'reference',
    render: (i) => (
      <Anchor component={Link} to={`/incidents/${i.id}`} style={{ whiteSpace: 'nowrap' }}>
        {i.reference}
      </Anchor>
    ),
  },
  { key: 'title', label: 'Incident', sort: 'title', render: (i) => i.title },
  {
    key: 'severity',
    label: 'Severity',
    render: (i) => (
      <Group gap={4} wrap="nowrap">
        <Badge color={SEVERITY_COLOURS[i.severity]} miw="max-content">
          {humanise(i.severity)}
        </Badge>
        {i.serious && (
          <Badge color="red" variant="outline" miw="max-content">
            Serious
          </Badge>
        )}
      </Group>
    ),
  },
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    render: (i) => (
      <Badge color={STATUS_COLOURS[i.status]} variant="light" miw="max-content">
        {humanise(i.status)}
      </Badge>
    ),
  },
  {
    key: 'notifications',
    label: 'Notifications',
    render: (i) =>
      i.notificationStatus === 'none' ? (
        '—'
      ) : (
        <Badge color={NOTIFICATION_STATUS_COLOURS[i.notificationStatus]} variant="light" miw="max-content">
          {humanise(i.notificationStatus)}
        </Badge>
      ),
  },
  {
    key: 'detected',
    label: 'Detected',
    sort: 'detectedAt',
    render: (i) => <Timestamp value={i.detectedAt} />,
  },
  { key: 'owner', label: 'Owner', render: (i) => i.owner?.name },
];
