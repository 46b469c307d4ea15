import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';

type Settings = components['schemas']['MonitoringSettings'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

function MonitoringForm({ initial }: { initial: Settings }) {
  const client = useQueryClient();
  const form = useForm({ initialValues: initial });
  const save = useMutation({
    mutationFn: async (values: Settings) =>
      unwrap(await api.PUT('/api/monitoring/settings', { body: values })),
    onSuccess: (saved) => {
      client.setQueryData(['monitoring-settings'], saved);
      form.resetDirty(saved);
      showSaved('Monitoring settings saved.');
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack maw={640}>
        <Title order={3}>Days to fix a failing test</Title>
        <Text size="sm" c="dimmed">
          The due date of the issue a failing test opens, by the test’s severity.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {SEVERITIES.map((severity) => (
            <NumberInput
              key={severity}
              label={`${severity[0]?.toUpperCase()}${severity.slice(1)} (days)`}
              min={1}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps(`slaDays.${severity}`)}
            />
          ))}
        </SimpleGrid>
        <Title order={3}>Flapping</Title>
        <Text size="sm" c="dimmed">
          A test is flapping when its result changed at least this many times within its last runs.
        </Text>
        <SimpleGrid cols={2}>
          <NumberInput
            label="Changes (flips)"
            min={2}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('flapping.flips')}
          />
          <NumberInput
            label="Within the last (runs)"
            min={2}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('flapping.window')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save monitoring settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MonitoringSummary({ settings }: { settings: Settings }) {
  return (
    <Stack maw={640}>
      <Table withTableBorder aria-label="Days to fix a failing test">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Days to fix</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SEVERITIES.map((severity) => (
            <Table.Tr key={severity}>
              <Table.Td>{severity}</Table.Td>
              <Table.Td>{settings.slaDays[severity]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text>
        A test is flapping when its result changed at least {settings.flapping.flips} times within its last{' '}
        {settings.flapping.window} runs.
      </Text>
    </Stack>
  );
}

/** Issue SLAs per severity and the flapping rule: managers and admins edit them, readers see them. */
export function MonitoringTab() {
  const { canConfigure } = usePermissions();
  const settings = useQuery({
    queryKey: ['monitoring-settings'],
    queryFn: async () => unwrap(await api.GET('/api/monitoring/settings')),
  });
  if (settings.isPending) return <Loader aria-label="Loading monitoring settings" />;
  if (settings.error) return <Alert color="red">{settings.error.message}</Alert>;
  return canConfigure ? (
    <MonitoringForm initial={settings.data} />
  ) : (
    <MonitoringSummary settings={settings.data} />
  );
}
