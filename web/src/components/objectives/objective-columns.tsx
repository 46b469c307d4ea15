import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import { ATTAINMENT_COLOURS, type Objective, STANDING_COLOURS, targetText } from './objective-fields.js';

/** The objective register's columns; `href` opens an objective in the drawer, keeping the list's state. */
export function objectiveColumns(href: (id: string) => string): Column<Objective>[] {
  return [
    {
      key: 'title',
      label: 'Objective',
      sort: 'title',
      render: (o) => (
        <Anchor component={Link} to={href(o.id)}>
          {o.title}
        </Anchor>
      ),
    },
    { key: 'target', label: 'Target', render: (o) => targetText(o) },
    {
      key: 'latest',
      label: 'Latest',
      render: (o) =>
        o.latestMeasurement ? (
          <Badge color={ATTAINMENT_COLOURS[o.attainment]} variant="light" miw="max-content">
            {o.latestMeasurement.value} {o.unit}
          </Badge>
        ) : (
          '—'
        ),
    },
    {
      key: 'standing',
      label: 'Measurement',
      render: (o) => (
        <Badge color={STANDING_COLOURS[o.standing]} variant="light" miw="max-content">
          {humanise(o.standing)}
        </Badge>
      ),
    },
    { key: 'next', label: 'Next due', render: (o) => o.nextMeasurementDue },
    { key: 'source', label: 'Source', render: (o) => humanise(o.source) },
    { key: 'status', label: 'Status', sort: 'status', render: (o) => humanise(o.status) },
    { key: 'owner', label: 'Owner', render: (o) => o.owner?.name },
  ];
}
