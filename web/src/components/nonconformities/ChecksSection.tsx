import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import type { FieldConfig } from '../registers/fields.js';
import { humanise } from '../registers/labels.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import type { Nonconformity } from './nc-fields.js';
import { NC_KEYS } from './useNcUpdate.js';

type Check = Nonconformity['effectivenessChecks'][number];

const PLAN_FIELDS: FieldConfig[] = [
  { name: 'checkerId', label: 'Checker', type: 'record', kind: 'people', nullable: true },
  { name: 'plannedFor', label: 'Check on', type: 'date', required: true },
];
const RECORD_FIELDS: FieldConfig[] = [
  {
    name: 'result',
    label: 'Result',
    type: 'select',
    required: true,
    options: [
      { value: 'effective', label: 'Effective: the cause is gone' },
      { value: 'not_effective', label: 'Not effective: further action needed' },
    ],
  },
  { name: 'notes', label: 'What was checked', type: 'textarea', wide: true },
];

/** Effectiveness checks: planned ahead, recorded once every action is finished (the API says when not). */
export function ChecksSection({ nc }: { nc: Nonconformity }) {
  const { canWrite } = usePermissions();
  const open = nc.status !== 'closed' && nc.status !== 'cancelled';
  const [planning, setPlanning] = useState(false);
  const [recording, setRecording] = useState<Check | null>(null);
  const path = { id: nc.id };
  return (
    <Stack>
      {nc.effectivenessChecks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No effectiveness check planned yet.
        </Text>
      ) : (
        <Table aria-label="Effectiveness checks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Planned for</Table.Th>
              <Table.Th>Checker</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Notes</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nc.effectivenessChecks.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.plannedFor}{' '}
                  {c.due && (
                    <Badge size="xs" color="orange">
                      Due
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{c.checker?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {c.result ? (
                    <Badge color={c.result === 'effective' ? 'teal' : 'red'} variant="light">
                      {humanise(c.result)}
                    </Badge>
                  ) : (
                    'Not recorded'
                  )}
                </Table.Td>
                <Table.Td>{c.notes || '—'}</Table.Td>
                <Table.Td>
                  {open && canWrite && c.result === null && (
                    <Button size="compact-xs" variant="light" onClick={() => setRecording(c)}>
                      Record result
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && canWrite && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setPlanning(true)}>
            Plan effectiveness check
          </Button>
        </Group>
      )}
      <RecordFormModal
        title="Plan an effectiveness check"
        opened={planning}
        onClose={() => setPlanning(false)}
        fields={PLAN_FIELDS}
        save={async (body) =>
          unwrap(
            await api.POST('/api/nonconformities/{id}/effectiveness-checks', {
              params: { path },
              body: body as never,
            }),
          )
        }
        invalidate={NC_KEYS}
        savedMessage="Effectiveness check planned"
        submitLabel="Plan check"
      />
      <RecordFormModal
        title="Record the effectiveness check"
        opened={recording !== null}
        onClose={() => setRecording(null)}
        fields={RECORD_FIELDS}
        save={async (body) =>
          unwrap(
            await api.PATCH('/api/nonconformities/{id}/effectiveness-checks/{checkId}', {
              params: { path: { ...path, checkId: recording?.id ?? '' } },
              body: body as never,
            }),
          )
        }
        invalidate={NC_KEYS}
        savedMessage="Effectiveness check recorded"
        submitLabel="Record result"
      />
    </Stack>
  );
}
