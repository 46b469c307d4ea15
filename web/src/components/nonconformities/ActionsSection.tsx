import { Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { humanise } from '../registers/labels.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { CompleteActionModal } from './CompleteActionModal.js';
import {
  ACTION_FIELDS,
  ACTION_STATUS_COLOURS,
  type CorrectiveAction,
  type Nonconformity,
} from './nc-fields.js';
import { NC_KEYS } from './useNcUpdate.js';

/** What the actions belong to: a nonconformity, or an incident's own corrective actions. */
export type ActionScope = { nonconformityId: string } | { incidentId: string };

/** A nonconformity's open state decides whether its actions may still change. */
export const ncActionScope = (nc: Nonconformity) => ({
  scope: { nonconformityId: nc.id },
  open: nc.status !== 'closed' && nc.status !== 'cancelled',
});

/** Corrective actions of one nonconformity or incident: who does what by when, how far along, at what cost. */
export function ActionsSection({ scope, open }: { scope: ActionScope; open: boolean }) {
  const { canWrite, canEdit } = usePermissions();
  const [editing, setEditing] = useState<CorrectiveAction | 'new' | null>(null);
  const [completing, setCompleting] = useState<CorrectiveAction | null>(null);
  const actions = useQuery({
    queryKey: ['corrective-actions', scope],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/corrective-actions', {
          params: { query: { ...scope, limit: 500, sort: 'dueDate' } },
        }),
      ),
  });
  const rows = actions.data?.items ?? [];
  const record = editing === 'new' ? null : editing;
  return (
    <Stack>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No corrective action yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label="Corrective actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ref.</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Investment</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => {
                const editable = open && canEdit(a.ownerId);
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.reference}</Table.Td>
                    <Table.Td>{a.title}</Table.Td>
                    <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {a.dueDate}{' '}
                      {a.overdue && (
                        <Badge color="red" size="xs">
                          Overdue
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={ACTION_STATUS_COLOURS[a.status]} variant="light" miw="max-content">
                        {humanise(a.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td miw={90}>
                      <Progress value={a.progress} aria-label={`${a.reference} progress`} />
                      <Text size="xs">{a.progress}%</Text>
                    </Table.Td>
                    <Table.Td>{a.investment ?? '—'}</Table.Td>
                    <Table.Td>
                      {editable && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>
                            Edit
                          </Button>
                          {a.status !== 'done' && a.status !== 'cancelled' && (
                            <Button size="compact-xs" variant="light" onClick={() => setCompleting(a)}>
                              Complete
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && canWrite && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Add corrective action
          </Button>
        </Group>
      )}
      <RecordFormModal
        title={record ? `Edit ${record.reference}` : 'Add a corrective action'}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={ACTION_FIELDS}
        record={record}
        defaults={{ kind: 'corrective', status: 'planned', progress: 0 }}
        body={(_values, changed) => (record ? changed : { ...changed, ...scope })}
        save={async (body) =>
          record
            ? unwrap(
                await api.PATCH('/api/corrective-actions/{id}', {
                  params: { path: { id: record.id } },
                  body: body as never,
                }),
              )
            : unwrap(await api.POST('/api/corrective-actions', { body: body as never }))
        }
        invalidate={[...NC_KEYS, ['incidents']]}
        savedMessage="Corrective action saved"
        submitLabel={record ? 'Save' : 'Add action'}
      />
      <CompleteActionModal action={completing} onClose={() => setCompleting(null)} />
    </Stack>
  );
}
