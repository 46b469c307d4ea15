import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { ActionsSection, ncActionScope } from '../components/nonconformities/ActionsSection.js';
import { ChecksSection } from '../components/nonconformities/ChecksSection.js';
import { NcStatusControls } from '../components/nonconformities/NcStatusControls.js';
import {
  CONTAINMENT_FIELDS,
  GRADE_COLOURS,
  NC_FIELDS,
  NC_STATUS_COLOURS,
} from '../components/nonconformities/nc-fields.js';
import { RootCauseEditor } from '../components/nonconformities/RootCauseEditor.js';
import { NC_KEYS } from '../components/nonconformities/useNcUpdate.js';
import { humanise } from '../components/registers/labels.js';
import { RecordFacts } from '../components/registers/RecordFacts.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RecordTrail } from '../components/registers/RecordTrail.js';
import { usePermissions } from '../hooks/usePermissions.js';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** One nonconformity: where it came from, containment, root cause, corrective actions, checks, closing. */
export function NonconformityDetailPage() {
  const { id = '' } = useParams();
  const { canEdit } = usePermissions();
  const [editing, setEditing] = useState<'facts' | 'containment' | null>(null);
  const query = useQuery({
    queryKey: ['nonconformities', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/nonconformities/{id}', { params: { path: { id } } })),
  });
  if (query.isPending) return <Loader aria-label="Loading nonconformity" />;
  if (query.error) return <Alert color="red">{query.error.message}</Alert>;
  const nc = query.data;
  const editable = canEdit(nc.ownerId) && nc.status !== 'closed' && nc.status !== 'cancelled';
  const editButton = (which: 'facts' | 'containment', label: string) =>
    editable && (
      <Group mt="sm">
        <Button size="xs" variant="light" onClick={() => setEditing(which)}>
          {label}
        </Button>
      </Group>
    );
  return (
    <Stack>
      <Anchor component={Link} to="/nonconformities" size="sm">
        ← All nonconformities
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {nc.reference} · {nc.title}
          </Title>
          <Group gap="xs">
            <Badge color={GRADE_COLOURS[nc.grade]}>{humanise(nc.grade)}</Badge>
            <Badge color={NC_STATUS_COLOURS[nc.status]} variant="light">
              {humanise(nc.status)}
            </Badge>
            <Text size="sm">
              Source: {humanise(nc.source.kind)}
              {nc.source.link ? (
                <>
                  {' '}
                  ·{' '}
                  <Anchor component={Link} to={nc.source.link}>
                    {nc.source.label}
                  </Anchor>
                </>
              ) : (
                ` · ${nc.source.label}`
              )}
            </Text>
          </Group>
        </Stack>
        {canEdit(nc.ownerId) && <NcStatusControls nc={nc} />}
      </Group>
      {nc.status === 'cancelled' && (
        <Alert color="gray" title="Cancelled">
          {nc.cancellationReason}
        </Alert>
      )}
      <Section title="Description">
        <RecordFacts
          fields={NC_FIELDS.filter((f) => f.name !== 'title')}
          record={{
            ...nc,
            requirementId: nc.requirement ? `${nc.requirement.ref} ${nc.requirement.title}` : null,
          }}
        />
        {editButton('facts', 'Edit nonconformity')}
      </Section>
      <Section title="Containment and correction">
        <RecordFacts fields={CONTAINMENT_FIELDS} record={nc} />
        {editButton('containment', 'Edit containment and correction')}
      </Section>
      <Section title="Root cause (five whys)">
        <RootCauseEditor key={nc.updatedAt} nc={nc} canEdit={editable} />
      </Section>
      <Section title="Corrective actions">
        <ActionsSection {...ncActionScope(nc)} />
      </Section>
      <Section title="Effectiveness checks">
        <ChecksSection nc={nc} />
      </Section>
      <Section title="History">
        <RecordTrail entityType="nonconformity" entityId={nc.id} />
      </Section>
      <RecordFormModal
        title={`Edit ${nc.reference}`}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={editing === 'containment' ? CONTAINMENT_FIELDS : NC_FIELDS}
        record={nc}
        save={async (body) =>
          unwrap(
            await api.PATCH('/api/nonconformities/{id}', { params: { path: { id } }, body: body as never }),
          )
        }
        invalidate={NC_KEYS}
        savedMessage="Nonconformity saved"
        submitLabel="Save"
      />
    </Stack>
  );
}
