import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import {
  INPUT_COUNT,
  OUTPUT_STATUS_COLOURS,
  type Review,
  type ReviewAction,
  STATUS_COLOURS,
} from './review-fields.js';

export const REVIEW_COLUMNS: Column<Review>[] = [
  {
    key: 'title',
    label: 'Review',
    sort: 'title',
    render: (r) => (
      <Anchor component={Link} to={`/management-reviews/${r.id}`}>
        {r.title}
      </Anchor>
    ),
  },
  { key: 'scheduledFor', label: 'Scheduled', sort: 'scheduledFor', render: (r) => r.scheduledFor },
  { key: 'heldOn', label: 'Held', sort: 'heldOn', render: (r) => r.heldOn ?? '—' },
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    render: (r) => (
      <Badge color={STATUS_COLOURS[r.status]} variant="light" miw="max-content">
        {humanise(r.status)}
      </Badge>
    ),
  },
  { key: 'chair', label: 'Chair', render: (r) => r.chair?.name ?? '—' },
  {
    key: 'inputs',
    label: 'Inputs discussed',
    render: (r) => (r.inputsCovered ? 'All' : `${INPUT_COUNT - r.missingInputs.length} of ${INPUT_COUNT}`),
  },
  {
    key: 'actions',
    label: 'Open actions',
    render: (r) => r.outputs.filter((o) => o.tracked && o.status === 'open').length,
  },
];

export const ACTION_COLUMNS: Column<ReviewAction>[] = [
  { key: 'description', label: 'Action', render: (a) => a.description },
  {
    key: 'review',
    label: 'From review',
    render: (a) => (
      <Anchor component={Link} to={`/management-reviews/${a.review.id}`}>
        {a.review.title}
      </Anchor>
    ),
  },
  { key: 'kind', label: 'Kind', sort: 'kind', render: (a) => humanise(a.kind) },
  { key: 'owner', label: 'Owner', render: (a) => a.owner?.name ?? '—' },
  {
    key: 'dueDate',
    label: 'Due',
    sort: 'dueDate',
    render: (a) => (
      <Text size="sm" c={a.overdue ? 'red' : undefined} fw={a.overdue ? 600 : undefined}>
        {a.dueDate}
        {a.overdue ? ' (overdue)' : ''}
      </Text>
    ),
  },
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    render: (a) => (
      <Badge color={OUTPUT_STATUS_COLOURS[a.status]} variant="light" miw="max-content">
        {humanise(a.status)}
      </Badge>
    ),
  },
];
