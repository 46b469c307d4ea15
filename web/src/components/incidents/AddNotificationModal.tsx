import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { DateTimeInput, fromLocalInput } from './DateTimeInput.js';
import { useIncidentAction } from './useIncidentAction.js';

/** A notification the law does not create by itself: customers, the DPO, a partner under contract. */
export function AddNotificationModal({
  incidentId,
  opened,
  onClose,
}: {
  incidentId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const parties = useQuery({
    queryKey: ['interested-parties', 'picker'],
    queryFn: async () =>
      unwrap(await api.GET('/api/scope/interested-parties', { params: { query: { limit: 500 } } })).items,
    enabled: opened,
  });
  const form = useForm({
    initialValues: { party: '', interestedPartyId: null as string | null, basis: '', dueAt: '' },
  });
  const save = useIncidentAction(
    async (values: typeof form.values) =>
      unwrap(
        await api.POST('/api/incidents/{id}/notifications', {
          params: { path: { id: incidentId } },
          body: {
            ...(values.party ? { party: values.party } : {}),
            ...(values.interestedPartyId ? { interestedPartyId: values.interestedPartyId } : {}),
            basis: values.basis,
            dueAt: fromLocalInput(values.dueAt) ?? '',
          },
        }),
      ),
    {
      saved: 'Notification added',
      form,
      onDone: () => {
        form.reset();
        onClose();
      },
    },
  );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Add a notification"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        onSubmit={form.onSubmit((values) => save.mutate(values))}
        noValidate
        aria-label="Add notification"
      >
        <Stack>
          <Select
            label="Interested party"
            placeholder="Optional"
            clearable
            searchable
            data={(parties.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            {...form.getInputProps('interestedPartyId')}
          />
          <TextInput
            label="Party"
            description="Who to notify (empty: the interested party's name)."
            {...form.getInputProps('party')}
          />
          <TextInput
            label="Basis"
            withAsterisk
            description="Why: the law, contract or policy that asks for it."
            {...form.getInputProps('basis')}
          />
          <DateTimeInput
            label="Due at"
            required
            value={form.values.dueAt}
            error={form.errors.dueAt as string | undefined}
            onChange={(value) => form.setFieldValue('dueAt', value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Add notification
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
