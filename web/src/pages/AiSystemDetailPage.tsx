import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { SystemChanges } from '../components/changes/SystemChanges.js';
import { SystemControls, SystemModels, SystemRisks } from '../components/registers/AiSystemSections.js';
import { AI_SYSTEM_EDIT_FIELDS } from '../components/registers/ai-system-fields.js';
import type { RequestBody } from '../components/registers/api-types.js';
import type { FieldConfig } from '../components/registers/fields.js';
import { formatDateTime, humanise } from '../components/registers/labels.js';
import { ModelsEditor } from '../components/registers/ModelsEditor.js';
import { RecordFacts } from '../components/registers/RecordFacts.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RecordLinks } from '../components/registers/RecordLinks.js';
import { RecordTrail } from '../components/registers/RecordTrail.js';
import { SystemEvidence } from '../components/registers/SystemEvidence.js';
import { SystemTests } from '../components/registers/SystemTests.js';
import { usePermissions } from '../hooks/usePermissions.js';

const LINKS = new Set(['name', 'datasetIds', 'vendorIds']);
const OVERVIEW_FIELDS: FieldConfig[] = AI_SYSTEM_EDIT_FIELDS.filter((f) => !LINKS.has(f.name));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        {children}
      </Stack>
    </Card>
  );
}

/** One AI system with everything attached to it: models, data, vendors, risks, tests, controls, history. */
export function AiSystemDetailPage() {
  const { id = '' } = useParams();
  const { canEdit } = usePermissions();
  const [editing, setEditing] = useState(false);
  const [editingModels, setEditingModels] = useState(false);
  const system = useQuery({
    queryKey: ['ai-systems', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/ai-systems/{id}', { params: { path: { id } } })),
  });
  if (system.isPending) return <Loader aria-label="Loading AI system" />;
  if (system.error) return <Alert color="red">{system.error.message}</Alert>;
  const s = system.data;
  const canWrite = canEdit(s.ownerId);
  return (
    <Stack>
      <Anchor component={Link} to="/ai-systems" size="sm">
        ← All AI systems
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{s.name}</Title>
          <Group gap="xs">
            <Badge variant="light">{humanise(s.lifecycleStage)}</Badge>
            <Badge color={s.riskTier === 'high' || s.riskTier === 'prohibited' ? 'red' : 'gray'}>
              EU AI Act: {s.riskTier}
            </Badge>
            <Text size="sm" c="dimmed">
              Updated {formatDateTime(s.updatedAt)}
            </Text>
          </Group>
        </Stack>
        {canWrite && <Button onClick={() => setEditing(true)}>Edit</Button>}
      </Group>
      <Section title="Overview">
        <RecordFacts fields={OVERVIEW_FIELDS} record={s} />
      </Section>
      <Section title="Models">
        <SystemModels system={s} />
        {canWrite && (
          <Group>
            <Button variant="light" onClick={() => setEditingModels(true)}>
              Edit models
            </Button>
          </Group>
        )}
      </Section>
      <Section title="Datasets and vendors">
        <Text fw={600} size="sm">
          Datasets
        </Text>
        <RecordLinks kind="datasets" ids={s.datasetIds} empty="No datasets linked." />
        <Text fw={600} size="sm">
          Vendors
        </Text>
        <RecordLinks kind="vendors" ids={s.vendorIds} empty="No vendors linked." />
      </Section>
      <Section title="Risks">
        <SystemRisks systemId={s.id} />
      </Section>
      <Section title="Automated tests">
        <SystemTests systemId={s.id} />
      </Section>
      <Section title="Controls">
        <SystemControls systemId={s.id} />
      </Section>
      <Section title="Changes">
        <SystemChanges systemId={s.id} />
      </Section>
      <Section title="Evidence">
        <SystemEvidence systemId={s.id} />
      </Section>
      <Section title="Change history">
        <RecordTrail entityType="ai_system" entityId={s.id} />
      </Section>
      <ModelsEditor system={s} opened={editingModels} onClose={() => setEditingModels(false)} />
      <RecordFormModal
        title={`Edit ${s.name}`}
        opened={editing}
        onClose={() => setEditing(false)}
        fields={AI_SYSTEM_EDIT_FIELDS}
        record={s}
        save={async (body) =>
          unwrap(
            await api.PATCH('/api/ai-systems/{id}', {
              params: { path: { id: s.id } },
              body: body as RequestBody<'/api/ai-systems/{id}', 'patch'>,
            }),
          )
        }
        invalidate={[['ai-systems'], ['trail']]}
        savedMessage="AI system saved"
        submitLabel="Save"
      />
    </Stack>
  );
}
