import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Tabs,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { AuditFacts } from '../components/audits/AuditFacts.js';
import { AuditStatusActions } from '../components/audits/AuditStatusActions.js';
import { auditFields, STATUS_COLOURS } from '../components/audits/audit-fields.js';
import { ChecklistPanel } from '../components/audits/ChecklistPanel.js';
import { FindingsPanel } from '../components/audits/FindingsPanel.js';
import { IndependenceWarnings } from '../components/audits/IndependenceWarnings.js';
import { humanise } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RecordTrail } from '../components/registers/RecordTrail.js';
import { usePermissions } from '../hooks/usePermissions.js';
import { useSession } from '../session.js';

/** One internal audit: its plan, the checklist to work through, its findings and the report. */
export function AuditDetailPage() {
  const { id = '' } = useParams();
  const { canEdit, canWrite, role } = usePermissions();
  const personId = useSession().data?.personId;
  const [editing, setEditing] = useState(false);
  const audit = useQuery({
    queryKey: ['audits', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/audits/{id}', { params: { path: { id } } })),
  });
  if (audit.isPending) return <Loader aria-label="Loading audit" />;
  if (audit.error) return <Alert color="red">{audit.error.message}</Alert>;
  const a = audit.data;
  // Planning follows the register's owner rule; conducting is also open to internal auditors (the auditor
  // role) on the audits they lead, and recording results to the audit team (the API's rules).
  const plans = canEdit(a.leadAuditorId);
  const auditing = canWrite || role === 'auditor';
  const manages = role === 'admin' || role === 'manager';
  const lead = manages || (auditing && !!personId && a.leadAuditorId === personId);
  const onTeam = lead || (auditing && !!personId && a.teamIds.includes(personId));
  const open = a.status === 'planned' || a.status === 'in_progress';
  const fields = auditFields(a.programme ? [{ value: a.programme.id, label: a.programme.name }] : []).filter(
    (f) => !(a.status !== 'planned' && f.name === 'requirementRefs'),
  );
  return (
    <Stack>
      <Anchor component={Link} to="/audits" size="sm">
        ← All audits
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {a.reference} · {a.title}
          </Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOURS[a.status]}>{humanise(a.status)}</Badge>
            {a.independenceWarnings.length > 0 && (
              <Badge color="yellow" variant="light">
                Independence conflict justified
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {(['pdf', 'docx'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              size="xs"
              variant="default"
              href={`/api/audits/${a.id}/report?format=${format}`}
            >
              Report {format.toUpperCase()}
              <VisuallyHidden> of {a.reference}</VisuallyHidden>
            </Button>
          ))}
          {lead && <AuditStatusActions audit={a} canCancel={plans} />}
        </Group>
      </Group>
      <IndependenceWarnings warnings={a.independenceWarnings} justification={a.independenceJustification} />
      <Card withBorder>
        <AuditFacts audit={a} />
        {plans && open && (
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              Edit plan
            </Button>
          </Group>
        )}
      </Card>
      <Tabs defaultValue="checklist">
        <Tabs.List>
          <Tabs.Tab value="checklist">Checklist ({a.checklist.length})</Tabs.Tab>
          <Tabs.Tab value="findings">Findings ({a.findings.length})</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="checklist" pt="md">
          {a.status === 'planned' && (
            <Alert variant="light" mb="md">
              Start the audit to record results.
            </Alert>
          )}
          <ChecklistPanel audit={a} editable={onTeam && a.status === 'in_progress'} />
        </Tabs.Panel>
        <Tabs.Panel value="findings" pt="md">
          <FindingsPanel audit={a} canRaise={canWrite && a.status !== 'cancelled'} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RecordTrail entityType="audit" entityId={a.id} />
        </Tabs.Panel>
      </Tabs>
      <RecordFormModal
        title={`Edit ${a.reference}`}
        opened={editing}
        onClose={() => setEditing(false)}
        fields={[
          ...fields,
          {
            name: 'independenceJustification',
            label: 'Independence justification',
            type: 'textarea',
            wide: true,
          },
        ]}
        record={a}
        save={async (body) =>
          unwrap(await api.PATCH('/api/audits/{id}', { params: { path: { id } }, body: body as never }))
        }
        invalidate={[['audits'], ['audit-programmes'], ['trail']]}
        savedMessage="Audit saved"
        submitLabel="Save"
      />
    </Stack>
  );
}
