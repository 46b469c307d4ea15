import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { FieldConfig } from '../registers/fields.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import type { Nonconformity } from './nc-fields.js';
import { NC_KEYS, useNcUpdate } from './useNcUpdate.js';

const CANCEL_FIELDS: FieldConfig[] = [
  { name: 'cancellationReason', label: 'Why is it cancelled?', type: 'textarea', required: true, wide: true },
];

/** Close (only once an effectiveness check found the actions effective) or cancel with a reason. */
export function NcStatusControls({ nc }: { nc: Nonconformity }) {
  const close = useNcUpdate(nc.id, 'Nonconformity closed');
  const [cancelling, setCancelling] = useState(false);
  if (nc.status === 'closed' || nc.status === 'cancelled') return null;
  const closeButton = (
    <Button
      color="teal"
      disabled={!nc.closable.allowed}
      aria-describedby={nc.closable.allowed ? undefined : 'close-blocker'}
      loading={close.isPending}
      onClick={() => close.mutate({ status: 'closed' })}
    >
      Close nonconformity
    </Button>
  );
  return (
    <Group gap="xs">
      <Button variant="default" onClick={() => setCancelling(true)}>
        Cancel…
      </Button>
      {closeButton}
      {!nc.closable.allowed && (
        <Text size="xs" c="dimmed" maw={260} id="close-blocker">
          {nc.closable.reason}
        </Text>
      )}
      <RecordFormModal
        title={`Cancel ${nc.reference}`}
        opened={cancelling}
        onClose={() => setCancelling(false)}
        fields={CANCEL_FIELDS}
        body={(values) => ({ status: 'cancelled', cancellationReason: values.cancellationReason })}
        save={async (body) =>
          unwrap(
            await api.PATCH('/api/nonconformities/{id}', {
              params: { path: { id: nc.id } },
              body: body as never,
            }),
          )
        }
        invalidate={NC_KEYS}
        savedMessage="Nonconformity cancelled"
        submitLabel="Cancel nonconformity"
      />
    </Group>
  );
}
