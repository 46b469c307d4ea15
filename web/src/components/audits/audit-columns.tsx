import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import { type AuditSummary, STATUS_COLOURS } from './audit-fields.js';

/** The audit list: which audit, when, by whom, how far the checklist is and what it found. */
export const AUDIT_COLUMNS: Column<AuditSummary>[] = [
  {
    key: 'reference',
    label: 'Ref.',
    sort: 'reference',
    render: (a) => (
      <Anchor component={Link} to={`/audits/${a.id}`} style={{ whiteSpace: 'nowrap' }}>
        {a.reference}
      </Anchor>
    ),
  },
  { key: 'title', label: 'Audit', sort: 'title', render: (a) => a.title },
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    render: (a) => (
      <Badge color={STATUS_COLOURS[a.status]} variant="light" miw="max-content">
        {humanise(a.status)}
      </Badge>
    ),
  },
  {
    key: 'planned',
    label: 'Planned',
    sort: 'plannedStart',
    render: (a) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{`${a.plannedStart} – ${a.plannedEnd}`}</Text>
    ),
  },
  { key: 'lead', label: 'Lead auditor', render: (a) => a.leadAuditor?.name ?? '—' },
  { key: 'progress', label: 'Assessed', render: (a) => `${a.progress.assessed} / ${a.progress.items}` },
  { key: 'findings', label: 'Findings', render: (a) => a.progress.findings },
  {
    key: 'independence',
    label: 'Independence',
    render: (a) =>
      a.independenceWarnings.length > 0 ? (
        <Badge color="yellow" variant="light" miw="max-content">
          Justified conflict
        </Badge>
      ) : (
        '—'
      ),
  },
];
