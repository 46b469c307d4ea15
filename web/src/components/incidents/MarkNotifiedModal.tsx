import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, unwrap } from '../../api/client.js';
import { DateTimeInput, fromLocalInput } from './DateTimeInput.js';
import type { IncidentNotification } from './incident-fields.js';
import { useIncidentAction } from './useIncidentAction.js';

function MarkNotifiedForm({
  incidentId,
  notification,
  onClose,
}: {
  incidentId: string;
  notification: IncidentNotification;
  onClose: () => void;
}) {
  const form = useForm({ initialValues: { notifiedAt: '', reference: '', notes: '' } });
  const save = useIncidentAction(
    async (values: typeof form.values) =>
      unwrap(
        await api.PATCH('/api/incidents/{id}/notifications/{notificationId}', {
          params: { path: { id: incidentId, notificationId: notification.id } },
          // Empty means "just now": taken at submit, so it is never before a detection a minute ago.
          body: { ...values, notifiedAt: fromLocalInput(values.notifiedAt) ?? new Date().toISOString() },
        }),
      ),
    { saved: 'Notification recorded', form, onDone: onClose },
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate aria-label="Mark notified">
      <Stack>
        <Text size="sm" c="dimmed">
          {notification.basis}
        </Text>
        <DateTimeInput
          label="Notified at"
          description="Empty: now."
          past
          value={form.values.notifiedAt}
          error={form.errors.notifiedAt as string | undefined}
          onChange={(value) => form.setFieldValue('notifiedAt', value)}
        />
        <TextInput
          label="Reference"
          description="The authority's case number, the letter or email sent."
          {...form.getInputProps('reference')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Mark notified
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records that a party was told, when, and under which reference (the authority's case number…). */
export function MarkNotifiedModal({
  incidentId,
  notification,
  onClose,
}: {
  incidentId: string;
  notification: IncidentNotification | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={notification !== null}
      onClose={onClose}
      title={`Mark notified: ${notification?.party ?? ''}`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {notification && (
        <MarkNotifiedForm incidentId={incidentId} notification={notification} onClose={onClose} />
      )}
    </Modal>
  );
}
