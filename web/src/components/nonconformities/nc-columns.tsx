import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import { GRADE_COLOURS, NC_STATUS_COLOURS, type Nonconformity } from './nc-fields.js';

/** The register's columns: how serious, how far along, where it came from and whether anything is late. */
export const NC_COLUMNS: Column<Nonconformity>[] = [
  {
    key: 'reference',
    label: 'Ref.',
    sort: 'reference',
    render: (n) => (
      <Anchor component={Link} to={`/nonconformities/${n.id}`} style={{ whiteSpace: 'nowrap' }}>
        {n.reference}
      </Anchor>
    ),
  },
  { key: 'title', label: 'Nonconformity', sort: 'title', render: (n) => n.title },
  {
    key: 'grade',
    label: 'Grade',
    sort: 'grade',
    render: (n) => (
      <Badge color={GRADE_COLOURS[n.grade]} miw="max-content">
        {humanise(n.grade)}
      </Badge>
    ),
  },
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    render: (n) => (
      <Group gap={4} wrap="nowrap">
        <Badge color={NC_STATUS_COLOURS[n.status]} variant="light" miw="max-content">
          {humanise(n.status)}
        </Badge>
        {n.overdue && (
          <Badge color="red" variant="outline" miw="max-content">
            Overdue action
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'source', label: 'Source', render: (n) => humanise(n.source.kind) },
  {
    key: 'actions',
    label: 'Actions done',
    render: (n) => `${n.actionCounts.done} / ${n.actionCounts.total - n.actionCounts.cancelled}`,
  },
  { key: 'raised', label: 'Raised', sort: 'raisedOn', render: (n) => n.raisedOn },
  { key: 'owner', label: 'Owner', render: (n) => n.owner?.name },
];
