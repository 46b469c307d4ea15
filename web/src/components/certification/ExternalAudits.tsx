import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import type { FieldConfig } from '../registers/fields.js';
import { enumOptions } from '../registers/labels.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { ConfirmButton } from '../settings/ConfirmButton.js';
import { certificationQuery } from './CertificateCard.js';

type ExternalAudit = components['schemas']['ExternalAudit'];

const KINDS = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'] as const;
const KIND_LABELS: Record<(typeof KINDS)[number], string> = {
  stage1: 'Stage 1 audit',
  stage2: 'Stage 2 audit',
  surveillance1: 'Surveillance audit 1',
  surveillance2: 'Surveillance audit 2',
  recertification: 'Recertification audit',
};
const STATUS_COLOURS = { planned: 'blue', completed: 'teal', cancelled: 'gray' } as const;

const FIELDS: FieldConfig[] = [
  {
    name: 'kind',
    label: 'Audit',
    type: 'select',
    required: true,
    options: KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
  },
  { name: 'plannedStart', label: 'First day', type: 'date', required: true },
  { name: 'plannedEnd', label: 'Last day', type: 'date', required: true },
  {
    name: 'status',
    label: 'Status',
    type: 'select',
    options: enumOptions(['planned', 'completed', 'cancelled']),
  },
  { name: 'leadAuditor', label: 'Lead auditor (certification body)', type: 'text' },
  { name: 'result', label: 'Result', type: 'textarea', wide: true },
];

function Preparation({ audit }: { audit: ExternalAudit }) {
  const state = useQuery(certificationQuery);
  const prep = state.data?.preparation.find((p) => p.externalAuditId === audit.id);
  if (!prep) return null;
  const line = (ok: boolean, what: string, items: Array<{ title: string; date: string }>) => (
    <Text size="xs" c={ok ? undefined : 'red.8'}>
      {ok
        ? `${what}: ${items.map((i) => `${i.title} (${i.date})`).join(', ')}`
        : `No ${what.toLowerCase()} before it`}
    </Text>
  );
  return (
    <Stack gap={2}>
      {line(prep.internalAuditInPlace, 'Internal audit', prep.internalAudits)}
      {line(prep.managementReviewInPlace, 'Management review', prep.managementReviews)}
    </Stack>
  );
}

/** The cycle's external audits, with the internal audit and management review that should precede each. */
export function ExternalAudits() {
  const { canConfigure } = usePermissions();
  const client = useQueryClient();
  const [editing, setEditing] = useState<ExternalAudit | 'new' | null>(null);
  const state = useQuery(certificationQuery);
  const invalidate = [['certification'], ['calendar']];
  const planCycle = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/certification/cycle')),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['certification'] });
      showSaved('Cycle planned');
    },
    onError: (error) => showProblem(null, error),
  });
  const remove = useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.DELETE('/api/certification/external-audits/{auditId}', {
          params: { path: { auditId: id } },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['certification'] });
      showSaved('External audit removed');
    },
    onError: (error) => showProblem(null, error),
  });
  if (state.isPending) return <Loader aria-label="Loading external audits" />;
  if (state.error) return <Alert color="red">{state.error.message}</Alert>;
  const { externalAudits, certification } = state.data;
  const record = editing === 'new' ? null : editing;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          External audits in the cycle
        </Title>
        {canConfigure && certification && (
          <Group gap="xs">
            {certification.issuedOn && (
              <Button variant="default" loading={planCycle.isPending} onClick={() => planCycle.mutate()}>
                Plan missing cycle audits
              </Button>
            )}
            <Button onClick={() => setEditing('new')}>Plan external audit</Button>
          </Group>
        )}
      </Group>
      {externalAudits.length === 0 ? (
        <Text c="dimmed">No external audits planned.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="External audits" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Audit</Table.Th>
                <Table.Th>Dates</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Prepared by</Table.Th>
                <Table.Th>Result</Table.Th>
                {canConfigure && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {externalAudits.map((audit) => (
                <Table.Tr key={audit.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {audit.label}
                    </Text>
                    {audit.leadAuditor && (
                      <Text size="xs" c="dimmed">
                        {audit.leadAuditor}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {audit.plannedStart} – {audit.plannedEnd}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[audit.status]} variant="light">
                      {audit.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{audit.status === 'planned' ? <Preparation audit={audit} /> : null}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={3}>
                      {audit.result}
                    </Text>
                  </Table.Td>
                  {canConfigure && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => setEditing(audit)}>
                          Edit
                        </Button>
                        <ConfirmButton
                          title={`Remove ${audit.label}?`}
                          message="The audit leaves the plan and the calendar."
                          loading={remove.isPending}
                          onConfirm={() => remove.mutate(audit.id)}
                          aria-label={`Remove ${audit.label}`}
                        >
                          Remove
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordFormModal
        title={record ? `Edit ${record.label}` : 'Plan external audit'}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={FIELDS}
        record={record}
        defaults={{ status: 'planned' }}
        save={async (body) =>
          record
            ? unwrap(
                await api.PATCH('/api/certification/external-audits/{auditId}', {
                  params: { path: { auditId: record.id } },
                  body,
                }),
              )
            : unwrap(
                await api.POST('/api/certification/external-audits', {
                  body: body as components['schemas']['ExternalAudit'],
                }),
              )
        }
        invalidate={invalidate}
        savedMessage="External audit saved"
        submitLabel="Save audit"
      />
    </Stack>
  );
}
