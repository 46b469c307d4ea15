import { Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePeopleOptions } from '../monitoring/usePeople.js';
import { clearButton } from '../registers/RecordSelect.js';
import { ENTITY_LABELS, ENTITY_OPTIONS, type EntityType } from './labels.js';

interface Values {
  toPersonId: string | null;
  entityTypes: string[];
}

function ReassignForm({ from, onDone }: { from: { id: string; name: string }; onDone: () => void }) {
  const client = useQueryClient();
  const people = usePeopleOptions().filter((p) => p.value !== from.id);
  const form = useForm<Values>({ initialValues: { toPersonId: null, entityTypes: [] } });
  const move = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/orphans/reassign', {
          body: {
            fromPersonId: from.id,
            toPersonId: values.toPersonId ?? '',
            ...(values.entityTypes.length ? { entityTypes: values.entityTypes as EntityType[] } : {}),
          },
        }),
      ),
    onSuccess: async (result, values) => {
      // Owners change across many registers at once: refresh whatever is cached.
      await client.invalidateQueries();
      const to = people.find((p) => p.value === values.toPersonId)?.label ?? 'the new owner';
      const detail = Object.entries(result.byType)
        .map(([type, count]) => `${ENTITY_LABELS[type as EntityType] ?? type}: ${count}`)
        .join(', ');
      showSaved(
        `Moved ${result.moved} record${result.moved === 1 ? '' : 's'} to ${to}${detail ? ` (${detail})` : ''}`,
      );
      onDone();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => move.mutate(values))} noValidate>
      <Stack>
        <Text size="sm">
          Every record {from.name} owns moves in one step, each change recorded in the audit trail.
        </Text>
        <Select
          label="New owner"
          placeholder="Choose an active person"
          required
          searchable
          data={people}
          data-autofocus
          {...form.getInputProps('toPersonId')}
        />
        <MultiSelect
          label="Only these kinds of record"
          placeholder="All kinds"
          clearable
          clearButtonProps={clearButton('kinds of record')}
          data={ENTITY_OPTIONS}
          {...form.getInputProps('entityTypes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={move.isPending}>
            Reassign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Hands a person's records to an active person: a leaver's orphans, or a handover before someone leaves. */
export function ReassignModal({
  from,
  onClose,
}: {
  from: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={from !== null}
      onClose={onClose}
      title={from ? `Reassign the records of ${from.name}` : 'Reassign'}
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {from && <ReassignForm from={from} onDone={onClose} />}
    </Modal>
  );
}
