import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

type Days = { general: number; death: number; widespread_or_critical_infrastructure: number };

const FIELDS: Array<{ key: keyof Days; label: string; basis: string }> = [
  {
    key: 'general',
    label: 'Serious incident (days)',
    basis: 'EU AI Act Art. 73(2): at most 15 days after becoming aware.',
  },
  { key: 'death', label: 'Death of a person (days)', basis: 'Art. 73(4): at most 10 days.' },
  {
    key: 'widespread_or_critical_infrastructure',
    label: 'Widespread infringement or critical infrastructure (days)',
    basis: 'Art. 73(3): at most 2 days.',
  },
];

/** The Art. 73 reporting windows new deadlines are computed with; shorter internal targets are allowed. */
export function DeadlineSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const settings = useQuery({
    queryKey: ['incident-settings'],
    enabled: opened,
    queryFn: async () => unwrap(await api.GET('/api/incidents/settings')),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Incident reporting deadlines">
      {settings.data && <DeadlineForm days={settings.data.art73Days} onClose={onClose} />}
    </Modal>
  );
}

function DeadlineForm({ days, onClose }: { days: Days; onClose: () => void }) {
  const client = useQueryClient();
  const form = useForm<{ art73Days: Days }>({ initialValues: { art73Days: days } });
  const save = useMutation({
    mutationFn: async (values: { art73Days: Days }) =>
      unwrap(await api.PUT('/api/incidents/settings', { body: values })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['incident-settings'] });
      showSaved('Deadlines saved; they apply to deadlines computed from now on');
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      noValidate
      aria-label="Incident reporting deadlines"
    >
      <Stack>
        {FIELDS.map((f) => (
          <NumberInput
            key={f.key}
            label={f.label}
            description={f.basis}
            min={1}
            max={90}
            clampBehavior="none"
            allowDecimal={false}
            data-autofocus={f.key === 'general' || undefined}
            {...form.getInputProps(`art73Days.${f.key}`)}
          />
        ))}
        <Text size="sm" c="dimmed">
          Existing deadlines keep the windows they were computed with.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save deadlines
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
