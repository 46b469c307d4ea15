import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { humanise } from '../registers/labels.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { OUTPUT_FIELDS, OUTPUT_STATUS_COLOURS, type Review, type ReviewOutput } from './review-fields.js';
import { useReviewAction } from './useReviewAction.js';

/** Decisions and actions (9.3.3). After completion only an action's status moves, by its owner or the chair. */
export function ReviewOutputs({ review, canRun }: { review: Review; canRun: boolean }) {
  const { canEdit } = usePermissions();
  const [adding, setAdding] = useState(false);
  const id = review.id;
  const open = review.status === 'planned' || review.status === 'in_progress';
  const setStatus = useReviewAction(
    async ({ output, status }: { output: ReviewOutput; status: 'open' | 'done' | 'cancelled' }) =>
      unwrap(
        await api.PATCH('/api/management-reviews/{id}/outputs/{outputId}', {
          params: { path: { id, outputId: output.id } },
          body: { status },
        }),
      ),
    'Action updated',
  );
  return (
    <Stack>
      {review.outputs.length === 0 ? (
        <Text c="dimmed">No decisions or actions recorded yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label="Decisions and actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Decision or action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.outputs.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{humanise(o.kind)}</Table.Td>
                  <Table.Td>{o.description}</Table.Td>
                  <Table.Td>{o.owner?.name ?? '—'}</Table.Td>
                  <Table.Td c={o.overdue ? 'red' : undefined}>
                    {o.dueDate ?? '—'}
                    {o.overdue ? ' (overdue)' : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTPUT_STATUS_COLOURS[o.status]} variant="light">
                      {o.tracked ? humanise(o.status) : 'Recorded'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {o.tracked && o.status === 'open' && (canRun || canEdit(o.ownerId)) && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={setStatus.isPending && setStatus.variables?.output.id === o.id}
                        onClick={() => setStatus.mutate({ output: o, status: 'done' })}
                        aria-label={`Mark done: ${o.description}`}
                      >
                        Mark done
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && canRun && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            Add decision or action
          </Button>
        </Group>
      )}
      <RecordFormModal
        title="Add a decision or action"
        opened={adding}
        onClose={() => setAdding(false)}
        fields={OUTPUT_FIELDS}
        defaults={{ kind: 'improvement' }}
        save={async (body) =>
          unwrap(
            await api.POST('/api/management-reviews/{id}/outputs', {
              params: { path: { id } },
              body: body as never,
            }),
          )
        }
        invalidate={[['management-reviews'], ['trail']]}
        savedMessage="Output recorded"
        submitLabel="Add"
      />
    </Stack>
  );
}
