import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { type AuditProgramme, PROGRAMME_FIELDS } from './audit-fields.js';
import { ProgrammeCard } from './ProgrammeCard.js';

/** The audit programmes (9.2.2), newest cycle first, each with its coverage of the scope. */
export function ProgrammesPanel({ programmes }: { programmes: AuditProgramme[] }) {
  const { canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A programme plans the internal audits of one certification cycle so that every clause and every
          applicable Annex A control is audited.
        </Text>
        {canWrite && <Button onClick={() => setCreating(true)}>New programme</Button>}
      </Group>
      {programmes.length === 0 && <Text>No audit programme yet.</Text>}
      {programmes.map((p) => (
        <ProgrammeCard key={p.id} programme={p} />
      ))}
      <RecordFormModal
        title="New audit programme"
        opened={creating}
        onClose={() => setCreating(false)}
        fields={PROGRAMME_FIELDS}
        save={async (body) => unwrap(await api.POST('/api/audit-programmes', { body: body as never }))}
        invalidate={[['audit-programmes']]}
        savedMessage="Programme created"
        submitLabel="Create programme"
      />
    </Stack>
  );
}
