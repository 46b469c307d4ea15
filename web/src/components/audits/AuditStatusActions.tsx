import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { Audit } from './audit-fields.js';
import { useAuditAction } from './useAuditAction.js';

/** Start, complete (with a conclusion) or, for those who plan audits, cancel, as the status allows. */
export function AuditStatusActions({ audit, canCancel }: { audit: Audit; canCancel: boolean }) {
  const [concluding, setConcluding] = useState(false);
  const [conclusion, setConclusion] = useState('');
  const path = { params: { path: { id: audit.id } } };
  const start = useAuditAction(
    async () => unwrap(await api.POST('/api/audits/{id}/start', path)),
    'Audit started',
  );
  const cancel = useAuditAction(
    async () => unwrap(await api.POST('/api/audits/{id}/cancel', path)),
    'Audit cancelled',
  );
  const complete = useAuditAction(
    async (text: string) =>
      unwrap(await api.POST('/api/audits/{id}/complete', { ...path, body: { conclusion: text } })),
    'Audit completed',
    () => setConcluding(false),
  );
  const open = audit.status === 'planned' || audit.status === 'in_progress';
  return (
    <Group gap="xs">
      {audit.status === 'planned' && (
        <Button size="xs" onClick={() => start.mutate(undefined)} loading={start.isPending}>
          Start audit
        </Button>
      )}
      {audit.status === 'in_progress' && (
        <Button size="xs" onClick={() => setConcluding(true)} disabled={audit.progress.open > 0}>
          {audit.progress.open > 0 ? `Complete (${audit.progress.open} open)` : 'Complete audit'}
        </Button>
      )}
      {open && canCancel && (
        <Button
          size="xs"
          variant="default"
          onClick={() => cancel.mutate(undefined)}
          loading={cancel.isPending}
        >
          Cancel audit
        </Button>
      )}
      <Modal opened={concluding} onClose={() => setConcluding(false)} title={`Complete ${audit.reference}`}>
        <Stack>
          <Textarea
            label="Conclusion"
            description="The audit's overall conclusion on the conformity and effectiveness of the AIMS."
            autosize
            minRows={4}
            required
            value={conclusion}
            onChange={(event) => setConclusion(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConcluding(false)}>
              Back
            </Button>
            <Button onClick={() => complete.mutate(conclusion)} loading={complete.isPending}>
              Complete audit
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
