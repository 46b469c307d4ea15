import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { type Column, ListTable } from '../ListTable.js';
import { humanise } from './labels.js';
import { RecordLinks } from './RecordLinks.js';
import { ScoreBadge } from './ScoreBadge.js';
import { useLocalList } from './useLocalList.js';

type AiSystem = components['schemas']['AiSystem'];
type Risk = components['schemas']['Risk'];
type Control = components['schemas']['Control'];

export function SystemModels({ system }: { system: AiSystem }) {
  if (system.models.length === 0) return <Text c="dimmed">No models recorded.</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Models">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Model</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Base model</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {system.models.map((m) => (
            <Table.Tr key={`${m.name}:${m.version}`}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{m.version}</Table.Td>
              <Table.Td>
                {m.providerVendorId ? (
                  <RecordLinks kind="vendors" ids={[m.providerVendorId]} />
                ) : (
                  'Built in-house'
                )}
              </Table.Td>
              <Table.Td>{m.baseModel}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const RISK_COLUMNS: Column<Risk>[] = [
  {
    key: 'title',
    label: 'Risk',
    sort: 'title',
    render: (r) => (
      <Anchor component={Link} to={`/risks?risk=${r.id}`}>
        {r.title}
      </Anchor>
    ),
  },
  {
    key: 'inherent',
    label: 'Inherent',
    sort: 'inherentScore',
    render: (r) => <ScoreBadge score={r.inherentScore} level={r.inherentLevel} />,
  },
  {
    key: 'residual',
    label: 'Residual',
    sort: 'residualScore',
    render: (r) => <ScoreBadge score={r.residualScore} level={r.residualLevel} />,
  },
  { key: 'treatment', label: 'Treatment', render: (r) => humanise(r.treatment) },
  { key: 'status', label: 'Status', sort: 'status', render: (r) => humanise(r.status) },
];

export function SystemRisks({ systemId }: { systemId: string }) {
  const list = useLocalList('-inherentScore');
  const risks = useQuery({
    queryKey: ['risks', 'of-system', systemId, list.page, list.sort],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/risks', {
          params: { query: { ...list.query, sort: list.sort as 'title', aiSystemId: systemId } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <ListTable
      label="Risks of this system"
      columns={RISK_COLUMNS}
      rows={risks.data?.items}
      total={risks.data?.total}
      rowKey={(r) => r.id}
      loading={risks.isFetching}
      error={risks.error}
      empty="No risks linked to this system."
      sort={list.sort}
      page={list.page}
      onChange={list.update}
    />
  );
}

const CONTROL_COLUMNS: Column<Control>[] = [
  {
    key: 'control',
    label: 'Control',
    sort: 'id',
    render: (c) => (
      <Anchor component={Link} to={`/controls?control=${encodeURIComponent(c.id)}`}>
        {c.id} {c.name}
      </Anchor>
    ),
  },
  { key: 'status', label: 'Status', sort: 'status', render: (c) => humanise(c.status) },
  {
    key: 'operating',
    label: 'Operating',
    render: (c) => (
      <Badge miw="max-content" color={c.operating ? 'teal' : 'red'} variant="light">
        {c.operating ? 'Operating' : 'Not operating'}
      </Badge>
    ),
  },
  {
    key: 'evidence',
    label: 'Valid evidence',
    render: (c) => `${c.validEvidenceCount} of ${c.evidenceCount}`,
  },
];

export function SystemControls({ systemId }: { systemId: string }) {
  const list = useLocalList('id');
  const controls = useQuery({
    queryKey: ['controls', 'of-system', systemId, list.page, list.sort],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/controls', {
          params: { query: { ...list.query, sort: list.sort as 'id', aiSystemId: systemId } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <ListTable
      label="Controls of this system"
      columns={CONTROL_COLUMNS}
      rows={controls.data?.items}
      total={controls.data?.total}
      rowKey={(c) => c.id}
      loading={controls.isFetching}
      error={controls.error}
      empty="No controls apply to this system specifically."
      sort={list.sort}
      page={list.page}
      onChange={list.update}
    />
  );
}
