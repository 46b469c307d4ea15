import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { type Audit, type AuditFinding, RESULT_COLOURS, resultLabel } from './audit-fields.js';
import { useAuditAction } from './useAuditAction.js';

/** Minor and major findings become nonconformities (10.2); observations and opportunities may too. */
export function FindingsPanel({ audit, canRaise }: { audit: Audit; canRaise: boolean }) {
  const navigate = useNavigate();
  const raise = useAuditAction(async (f: AuditFinding) => {
    const created = unwrap(
      await api.POST('/api/nonconformities', {
        body: {
          source: 'audit_finding',
          sourceId: f.id,
          title: `${audit.reference} ${f.requirementRef ?? ''}: ${resultLabel(f.type)}`.replace(' :', ':'),
          description: f.description,
          grade: f.type === 'major_nc' ? 'major' : 'minor',
          requirementId: f.requirementId,
          // The auditee's owner is assigned on the nonconformity; the auditor who found it must not own it.
        },
      }),
    ) as { id: string };
    await navigate(`/nonconformities/${created.id}`);
  }, 'Nonconformity raised');
  if (audit.findings.length === 0) return <Text>No findings recorded.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Findings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Nonconformity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.findings.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Badge color={RESULT_COLOURS[f.type]} variant="light" miw="max-content">
                  {resultLabel(f.type)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {f.requirementRef ? `${f.requirementRef} ${f.requirementTitle ?? ''}` : '—'}
              </Table.Td>
              <Table.Td>{f.description || '—'}</Table.Td>
              <Table.Td>
                {f.nonconformityId ? (
                  <Anchor component={Link} to={`/nonconformities/${f.nonconformityId}`}>
                    {f.nonconformityReference ?? 'Nonconformity'}
                  </Anchor>
                ) : canRaise ? (
                  <Button
                    size="xs"
                    variant="light"
                    loading={raise.isPending && raise.variables?.id === f.id}
                    onClick={() => raise.mutate(f)}
                  >
                    Raise nonconformity
                  </Button>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
