import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';

type MatrixConfig = components['schemas']['RiskMatrixConfig'];

function LevelNames({
  form,
  axis,
}: {
  form: ReturnType<typeof useForm<MatrixConfig>>;
  axis: 'likelihood' | 'impact';
}) {
  const key = axis === 'likelihood' ? 'likelihoodLevels' : 'impactLevels';
  return (
    <Stack gap="xs">
      <Title order={4}>{axis === 'likelihood' ? 'Likelihood levels' : 'Impact levels'}</Title>
      {form.values[key].map((level, index) => (
        <TextInput
          key={level.value}
          label={`${axis === 'likelihood' ? 'Likelihood' : 'Impact'} ${level.value}`}
          {...form.getInputProps(`${key}.${index}.name`)}
        />
      ))}
    </Stack>
  );
}

function RiskMatrixForm({ initial }: { initial: MatrixConfig }) {
  const client = useQueryClient();
  const form = useForm<MatrixConfig>({ initialValues: initial });
  const save = useMutation({
    mutationFn: async (values: MatrixConfig) =>
      unwrap(await api.PUT('/api/risks/matrix-config', { body: values })),
    onSuccess: async (saved) => {
      client.setQueryData(['risk-matrix-config'], saved);
      form.resetDirty(saved);
      await client.invalidateQueries({ queryKey: ['risk-matrix'] });
      showSaved('Risk matrix saved.');
    },
    onError: (error) => showProblem(form, error),
  });
  const last = form.values.bands.at(-1);
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack maw={720}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LevelNames form={form} axis="likelihood" />
          <LevelNames form={form} axis="impact" />
        </SimpleGrid>
        <NumberInput
          label="Risk appetite (highest acceptable score)"
          description="Risks scoring above it, residual if assessed, are outside the appetite."
          min={1}
          max={25}
          allowDecimal={false}
          maw={320}
          {...form.getInputProps('appetiteThreshold')}
        />
        <Title order={4}>Bands</Title>
        <Text size="sm" c="dimmed">
          Bands name score ranges (likelihood × impact) and must cover 1 to 25 without gaps.
        </Text>
        {form.errors.bands && <Alert color="red">{form.errors.bands}</Alert>}
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Bands">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>From score</Table.Th>
                <Table.Th>To score</Table.Th>
                <Table.Th>Remove</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.bands.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: bands have no id; the position is their identity
                <Table.Tr key={index}>
                  <Table.Td>
                    <TextInput
                      aria-label={`Band ${index + 1} name`}
                      {...form.getInputProps(`bands.${index}.name`)}
                      error={form.errors[`bands.${index}.name`] ?? form.errors[`bands.${index}`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Band ${index + 1} from score`}
                      min={1}
                      max={25}
                      {...form.getInputProps(`bands.${index}.minScore`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Band ${index + 1} to score`}
                      min={1}
                      max={25}
                      {...form.getInputProps(`bands.${index}.maxScore`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove band ${index + 1}`}
                      disabled={form.values.bands.length <= 1}
                      onClick={() => form.removeListItem('bands', index)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button
            variant="default"
            disabled={form.values.bands.length >= 6}
            onClick={() => {
              const from = Math.min(25, (last?.maxScore ?? 0) + 1);
              form.insertListItem('bands', { name: '', minScore: from, maxScore: 25 });
            }}
          >
            Add band
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save risk matrix
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RiskMatrixSummary({ config }: { config: MatrixConfig }) {
  return (
    <Stack maw={640}>
      <Text>Likelihood: {config.likelihoodLevels.map((l) => `${l.value} ${l.name}`).join(', ')}.</Text>
      <Text>Impact: {config.impactLevels.map((l) => `${l.value} ${l.name}`).join(', ')}.</Text>
      <Text>Risk appetite: scores up to {config.appetiteThreshold}.</Text>
      <Text>Bands: {config.bands.map((b) => `${b.name} ${b.minScore}–${b.maxScore}`).join(', ')}.</Text>
    </Stack>
  );
}

/** The 5×5 risk matrix: level names, risk appetite and score bands. */
export function RiskMatrixTab() {
  const { canConfigure } = usePermissions();
  const config = useQuery({
    queryKey: ['risk-matrix-config'],
    queryFn: async () => unwrap(await api.GET('/api/risks/matrix-config')),
  });
  if (config.isPending) return <Loader aria-label="Loading risk matrix" />;
  if (config.error) return <Alert color="red">{config.error.message}</Alert>;
  return canConfigure ? <RiskMatrixForm initial={config.data} /> : <RiskMatrixSummary config={config.data} />;
}
